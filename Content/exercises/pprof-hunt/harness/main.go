// Harness for the "pprof-hunt" exercise. DeferLab always builds this shipped
// copy together with your work.go, so editing it changes nothing in a check.
//
// It plays a busy service: 60 to 200 requests (how many, and which of them
// hit a stalled backend, depends on -seed) call lookup from work.go at the
// same time. Clients whose backend call stalls give up: the harness cancels
// their contexts. After that the backend wakes up and answers the stalled
// calls late. Then the harness waits a little for the service to settle and
// prints a summary.
//
// With -profile it also writes the goroutine profile (runtime/pprof,
// debug=1) to stderr at the end, which is what you hunt with:
//
//	go run . -seed 1 -profile
package main

import (
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"
)

// Backend is the slow dependency behind the service. Every call must hold a
// connection: Acquire one, and Release it when done.
type Backend struct {
	seed  uint64
	open  atomic.Int64    // connections acquired and not yet released
	stall map[string]bool // keys whose Fetch waits for wake
	wake  chan struct{}   // closed when stalled calls may answer
}

// Conn is one backend connection.
type Conn struct{ b *Backend }

// Acquire takes a connection; every Acquire needs one Release.
func (b *Backend) Acquire() *Conn {
	b.open.Add(1)
	return &Conn{b: b}
}

// Release gives a connection back.
func (b *Backend) Release(c *Conn) {
	if c != nil {
		b.open.Add(-1)
	}
}

// Fetch returns the value stored under key. For a stalled key it answers
// only after the harness wakes the backend up.
func (c *Conn) Fetch(key string) (int, error) {
	if c.b.stall[key] {
		<-c.b.wake
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%s", c.b.seed, key)
	return int(h.Sum64() % 100000), nil
}

const (
	deadline = 3 * time.Second        // the whole run must be over well before this
	settle   = 500 * time.Millisecond // how long leftovers get to finish
)

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the requests")
	profile := flag.Bool("profile", false, "write the goroutine profile (debug=1) to stderr at the end")
	flag.Parse()
	os.Exit(run(*seed, *profile))
}

func run(seed uint64, profile bool) int {
	baseline := runtime.NumGoroutine()
	rng := rand.New(rand.NewPCG(seed, 0x9a0f))
	n := 60 + rng.IntN(141)
	b := &Backend{seed: seed, stall: map[string]bool{}, wake: make(chan struct{})}
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("item-%d", 1000+rng.IntN(9000))
		if rng.IntN(100) < 20 {
			b.stall[keys[i]] = true
		}
	}
	if len(b.stall) == 0 { // always at least one client that gives up
		b.stall[keys[0]] = true
	}

	type answer struct {
		value int
		err   error
	}
	answers := make([]answer, n)
	cancels := make([]context.CancelFunc, n)
	var fast, slow sync.WaitGroup
	for i, key := range keys {
		ctx, cancel := context.WithCancel(context.Background())
		cancels[i] = cancel
		wg := &fast
		if b.stall[key] {
			wg = &slow
		}
		wg.Add(1)
		go func() {
			v, err := lookup(ctx, b, key)
			answers[i] = answer{v, err}
			wg.Done()
		}()
	}

	// 1. Requests whose backend call does not stall must all be answered.
	if !waitFor(&fast, deadline) {
		fmt.Println("requests with a healthy backend were not answered in time")
		return 1
	}
	// 2. The clients still waiting give up.
	for i, key := range keys {
		if b.stall[key] {
			cancels[i]()
		}
	}
	if !waitFor(&slow, deadline) {
		fmt.Println("lookup did not return after its context was cancelled")
		return 1
	}
	for _, cancel := range cancels {
		cancel()
	}
	// 3. The backend recovers and answers the stalled calls, too late.
	close(b.wake)

	// 4. Give whatever is still running a moment to finish.
	stop := time.Now().Add(settle)
	for time.Now().Before(stop) && (b.open.Load() != 0 || runtime.NumGoroutine() > baseline) {
		time.Sleep(5 * time.Millisecond)
	}

	answered, gaveUp, sum := 0, 0, 0
	for _, a := range answers {
		if a.err != nil {
			gaveUp++
		} else {
			answered++
			sum = (sum*31 + a.value) % 1000000007
		}
	}
	fmt.Printf("requests: %d\n", n)
	fmt.Printf("answered: %d\n", answered)
	fmt.Printf("gave up: %d\n", gaveUp)
	fmt.Printf("answer checksum: %d\n", sum)
	fmt.Printf("backend connections still open: %d\n", b.open.Load())
	fmt.Printf("figure: leaked=%d\n", max(0, runtime.NumGoroutine()-baseline))

	if profile {
		pprof.Lookup("goroutine").WriteTo(os.Stderr, 1)
	}
	return 0
}

// waitFor waits for wg, at most d. It reports whether wg finished.
func waitFor(wg *sync.WaitGroup, d time.Duration) bool {
	c := make(chan struct{})
	go func() { wg.Wait(); close(c) }()
	select {
	case <-c:
		return true
	case <-time.After(d):
		return false
	}
}
