// Bad: lookup asks a slow backend in a new goroutine and waits for the
// answer or its own timeout. The result channel is unbuffered, so after a
// timeout nobody is left to receive: the goroutine blocks forever in its
// send, and its deferred release of the backend connection never runs.
// After the requests, the program waits for the late answers and reads its
// own goroutine profile (debug=1 and debug=2) to show where they are stuck.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"
)

var errTimeout = errors.New("timed out")

type backend struct {
	open       atomic.Int64 // connections acquired and not yet released
	fast, slow time.Duration
	slowEvery  int
}

func (b *backend) acquire() { b.open.Add(1) }
func (b *backend) release() { b.open.Add(-1) }

// query is the backend call: every slowEvery-th id is slow.
func (b *backend) query(id int) int {
	if id%b.slowEvery == b.slowEvery-1 {
		time.Sleep(b.slow)
	} else {
		time.Sleep(b.fast)
	}
	return id * id
}

// lookup asks the backend for id and gives up after timeout.
func (b *backend) lookup(id int, timeout time.Duration) (int, error) {
	result := make(chan int) // BUG: unbuffered; nobody receives after a timeout
	go func() {
		b.acquire()
		defer b.release()
		result <- b.query(id) // blocks forever once lookup has returned
	}()
	select {
	case v := <-result:
		return v, nil
	case <-time.After(timeout):
		return 0, errTimeout
	}
}

func main() {
	requests := flag.Int("requests", 40, "requests to send, one after another")
	slowEvery := flag.Int("slow-every", 4, "every n-th request's backend call is slow")
	timeout := flag.Duration("timeout", 50*time.Millisecond, "how long a request waits for the backend")
	slow := flag.Duration("slow", 150*time.Millisecond, "a slow backend call")
	settle := flag.Duration("settle", 250*time.Millisecond, "wait after the last request, for late answers")
	flag.Parse()

	b := &backend{fast: time.Millisecond, slow: *slow, slowEvery: *slowEvery}
	timedOut := 0
	for i := 0; i < *requests; i++ {
		if _, err := b.lookup(i, *timeout); errors.Is(err, errTimeout) {
			timedOut++
		}
	}
	time.Sleep(*settle) // every late answer has arrived by now
	fmt.Printf("requests: %d, timed out: %d\n", *requests, timedOut)
	switch open := b.open.Load(); {
	case open == 0:
		fmt.Println("backend connections still open: 0")
	case open == int64(timedOut):
		fmt.Printf("backend connections still open: %d, one per timed-out request\n", open)
	default:
		fmt.Printf("backend connections still open: %d\n", open)
	}
	if err := report(); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// report reads the goroutine profile and prints its total, its largest
// group and the most common wait reason.
func report() error {
	var grouped, each strings.Builder
	if err := pprof.Lookup("goroutine").WriteTo(&grouped, 1); err != nil {
		return err
	}
	if err := pprof.Lookup("goroutine").WriteTo(&each, 2); err != nil {
		return err
	}
	printTop(grouped.String())
	fmt.Println("most common wait reason (debug=2):", topWaitReason(each.String()))
	return nil
}

// printTop prints the profile's header line and its largest group: the
// count, the first frame of this program with its file:line, and the
// innermost frame.
func printTop(profile string) {
	groups := strings.Split(strings.TrimSpace(profile), "\n\n")
	first := strings.SplitN(groups[0], "\n", 2)
	fmt.Println(first[0])
	if len(first) == 2 {
		groups[0] = first[1]
	}
	bestCount, bestTop, bestMain := 0, "", ""
	for _, g := range groups {
		lines := strings.Split(strings.TrimSpace(g), "\n")
		var n int
		if _, err := fmt.Sscanf(lines[0], "%d @", &n); err != nil || n <= bestCount {
			continue
		}
		top, mainFrame := "", ""
		for _, l := range lines[1:] {
			// A frame line: "#	0xADDR	function+0xOFF	/path/file.go:LINE"
			fields := strings.Fields(strings.TrimPrefix(l, "#"))
			if len(fields) < 3 {
				continue
			}
			fn, _, _ := strings.Cut(fields[1], "+0x")
			if top == "" {
				top = fn
			}
			if strings.HasPrefix(fn, "main.") {
				mainFrame = fn + " (" + filepath.Base(fields[2]) + ")"
				break
			}
		}
		bestCount, bestTop, bestMain = n, top, mainFrame
	}
	fmt.Printf("largest group: %d goroutines in %s, innermost frame %s\n", bestCount, bestMain, bestTop)
}

// topWaitReason counts the goroutines of a debug=2 goroutine profile by the
// wait reason in their header line ("goroutine 7 [chan send, 2 minutes]:")
// and names the most common one.
func topWaitReason(stacks string) string {
	count := map[string]int{}
	for _, l := range strings.Split(stacks, "\n") {
		if !strings.HasPrefix(l, "goroutine ") {
			continue
		}
		_, rest, ok := strings.Cut(l, " [")
		if !ok {
			continue
		}
		reason, _, _ := strings.Cut(rest, "]")
		reason, _, _ = strings.Cut(reason, ",")
		count[reason]++
	}
	best, n := "none", 0
	for reason, c := range count {
		if c > n || (c == n && reason < best) {
			best, n = reason, c
		}
	}
	return fmt.Sprintf("%s, %d goroutines", best, n)
}
