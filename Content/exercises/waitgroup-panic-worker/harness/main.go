// Harness for the waitgroup-panic-worker exercise. This file is ours: the
// check always builds the shipped copy (main.go and decode.go), so edit
// work.go only.
//
// It builds 4 to 8 partitions of raw access-log lines from -seed, like the
// partitions of a message-queue topic, and calls ingest (work.go), which
// reads every partition in its own goroutine and decodes each line with
// decodeEvent (decode.go). A few lines are broken: decodeEvent rejects some
// with an error and, because of a bug, panics on others. At least one line
// that panics sits in the middle of a partition.
//
// It prints the totals and the rejected lines, then figures it measured:
// lostLines (lines neither counted nor rejected) and maxParallel (how many
// partitions were being read at the same moment).
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// Stats is what ingest reports.
type Stats struct {
	Events    int            // lines decoded
	Bytes     int64          // sum of their bytes= fields
	ByService map[string]int // decoded lines per service
	Rejected  []Offset       // lines that could not be decoded, in any order
}

// Offset names one line: its partition and its position in it (from 0).
type Offset struct {
	Partition int
	Line      int
}

// Partition is a stream of lines read with Next, one goroutine at a time.
// Like a consumer of a real topic it fetches the lines in pages, and each
// fetch takes a moment.
type Partition struct {
	ID    int
	lines []string
	next  int
}

const (
	pageSize  = 32
	fetchTime = 400 * time.Microsecond
	// A correct run takes some 20 ms.
	deadline = 3 * time.Second
)

// Next returns the next line and its offset; ok is false at the end.
func (p *Partition) Next() (line string, offset int, ok bool) {
	if p.next == 0 {
		readers.start()
	}
	if p.next >= len(p.lines) {
		if p.next == len(p.lines) {
			readers.stop()
			p.next++
		}
		return "", 0, false
	}
	if p.next%pageSize == 0 {
		time.Sleep(fetchTime) // fetch the next page
	}
	p.next++
	return p.lines[p.next-1], p.next - 1, true
}

// readers counts the partitions being read (first line taken, end not yet
// reached) and remembers the most at once.
var readers activity

type activity struct {
	mu       sync.Mutex
	now, max int
}

func (a *activity) start() {
	a.mu.Lock()
	a.now++
	a.max = max(a.max, a.now)
	a.mu.Unlock()
}

func (a *activity) stop() {
	a.mu.Lock()
	a.now--
	a.mu.Unlock()
}

func (a *activity) peak() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.max
}

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the partitions and their lines")
	flag.Parse()
	// A normal return from main, not os.Exit, when all went well: the
	// runner takes its last sample of the goroutines left at that moment.
	if code := run(*seed); code != 0 {
		os.Exit(code)
	}
}

func run(seed uint64) int {
	parts, kinds := makePartitions(seed)
	total := 0
	for _, p := range parts {
		total += len(p.lines)
	}

	base := runtime.NumGoroutine()
	result := make(chan Stats, 1)
	go func() { result <- ingest(parts) }()
	var st Stats
	select {
	case st = <-result:
	case <-time.After(deadline):
		fmt.Printf("ingest has not returned after %v: is wg.Wait waiting for a Done that never comes?\n", deadline)
		return 1
	}
	settle(base, 50*time.Millisecond)

	fmt.Printf("partitions: %d, lines: %d\n", len(parts), total)
	fmt.Printf("events: %d, bytes: %d\n", st.Events, st.Bytes)
	services := make([]string, 0, len(st.ByService))
	for s := range st.ByService {
		services = append(services, s)
	}
	sort.Strings(services)
	for _, s := range services {
		fmt.Printf("  %-10s %5d\n", s, st.ByService[s])
	}

	rejected := append([]Offset(nil), st.Rejected...)
	sort.Slice(rejected, func(i, j int) bool {
		a, b := rejected[i], rejected[j]
		return a.Partition < b.Partition || a.Partition == b.Partition && a.Line < b.Line
	})
	panicked := 0
	for _, o := range rejected {
		if kinds[o] == panics {
			panicked++
		}
	}
	fmt.Printf("rejected lines: %d (decodeEvent panicked on %d of them)\n", len(rejected), panicked)
	for _, o := range rejected {
		fmt.Printf("  partition %d line %d\n", o.Partition, o.Line)
	}

	lost := total - st.Events - len(rejected)
	if lost != 0 {
		fmt.Printf("lines neither counted nor rejected: %d\n", lost)
	}
	// Lines that were never handled (limit: 0).
	fmt.Printf("figure: lostLines=%d\n", lost)
	// Partitions read at the same moment (limit: at least 2).
	fmt.Printf("figure: maxParallel=%d\n", readers.peak())
	return 0
}

// settle waits until no more goroutines are alive than before ingest was
// called, or until limit has passed: a worker that has called Done may not
// have left its goroutine yet.
func settle(base int, limit time.Duration) {
	end := time.Now().Add(limit)
	for runtime.NumGoroutine() > base && time.Now().Before(end) {
		time.Sleep(200 * time.Microsecond)
	}
}

type lineKind int

const (
	good lineKind = iota
	rejects
	panics
)

var services = []string{"orders", "users", "cart", "search", "billing", "auth", "media"}

// makePartitions builds the partitions and notes every broken line's kind.
func makePartitions(seed uint64) ([]*Partition, map[Offset]lineKind) {
	rng := rand.New(rand.NewPCG(seed, 0xdec0de))
	parts := make([]*Partition, 4+rng.IntN(5))
	ts := 1_700_000_000 + rng.Int64N(10_000_000)
	for i := range parts {
		lines := make([]string, 100+rng.IntN(301))
		for k := range lines {
			ts += rng.Int64N(3)
			lines[k] = fmt.Sprintf("ts=%d svc=%s status=%d bytes=%d dur_ms=%d", ts,
				services[rng.IntN(len(services))], []int{200, 200, 200, 201, 204, 304, 404, 500}[rng.IntN(8)],
				rng.IntN(200_000), 1+rng.IntN(900))
		}
		parts[i] = &Partition{ID: i, lines: lines}
	}

	kinds := map[Offset]lineKind{}
	spoil := func(kind lineKind, middle bool) {
		for {
			p := parts[rng.IntN(len(parts))]
			n := len(p.lines)
			k := rng.IntN(n)
			if middle {
				k = n/4 + rng.IntN(n/2)
			}
			o := Offset{p.ID, k}
			if kinds[o] != good {
				continue
			}
			kinds[o] = kind
			p.lines[k] = broken(rng, kind, p.lines[k])
			return
		}
	}
	spoil(panics, true)
	for n := rng.IntN(4); n > 0; n-- {
		spoil(panics, false)
	}
	for n := rng.IntN(6); n > 0; n-- {
		spoil(rejects, false)
	}
	return parts, kinds
}

// broken turns a good line into one decodeEvent rejects or panics on.
func broken(rng *rand.Rand, kind lineKind, line string) string {
	if kind == rejects {
		switch rng.IntN(3) {
		case 0:
			return ""
		case 1:
			return strings.Replace(line, "status=", "status=x", 1) // not a number
		default:
			return fmt.Sprintf("ts=%d status=200 bytes=12", 1_700_000_000+rng.IntN(1000)) // no service
		}
	}
	switch rng.IntN(2) {
	case 0:
		// Cut off inside its last field, before the '='.
		i := strings.Index(line, " dur_ms=")
		return line[:i+2+rng.IntN(len("dur_ms"))]
	default:
		return "svc= " + line // an empty service
	}
}
