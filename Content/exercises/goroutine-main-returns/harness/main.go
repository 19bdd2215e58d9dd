// Harness for the goroutine-main-returns exercise. This file is ours: the
// check always builds the shipped copy, so edit work.go only.
//
// It builds one batch of numbers per worker from -seed, calls run (in
// work.go) and, once run has returned, prints the summary the workers left
// behind, sorted so that the output does not depend on goroutine order.
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"
)

// summary collects one line per finished worker. Workers may call add
// concurrently.
type summary struct {
	mu    sync.Mutex
	lines []string
}

func (s *summary) add(line string) {
	s.mu.Lock()
	s.lines = append(s.lines, line)
	s.mu.Unlock()
}

// snapshot returns a sorted copy of the lines added so far.
func (s *summary) snapshot() []string {
	s.mu.Lock()
	out := append([]string(nil), s.lines...)
	s.mu.Unlock()
	sort.Strings(out)
	return out
}

// settle waits until no more goroutines are alive than before run was called,
// or until limit has passed. A worker that has signalled it is done still has
// to return from its goroutine; this gives such goroutines a moment to exit so
// that a correct run is not blamed for them. It does not wait for work: every
// worker spends at least 30 ms on its batch, longer than limit.
func settle(base int, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(200 * time.Microsecond)
	}
}

func main() {
	seed := flag.Int64("seed", 1, "seed for the input")
	flag.Parse()

	rng := rand.New(rand.NewSource(*seed))
	workers := 4 + rng.Intn(5) // 4..8 workers
	batches := make([][]int, workers)
	for k := range batches {
		n := 3 + rng.Intn(7) // 3..9 items per batch
		for i := 0; i < n; i++ {
			batches[k] = append(batches[k], rng.Intn(1000))
		}
	}

	base := runtime.NumGoroutine()
	sum := &summary{}
	run(batches, sum)

	// run has returned: every worker should have reported by now.
	lines := sum.snapshot()
	settle(base, 20*time.Millisecond)
	fmt.Printf("workers started: %d\n", workers)
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Printf("workers reported: %d of %d\n", len(lines), workers)
	if len(lines) != workers {
		fmt.Fprintf(os.Stderr, "harness: only %d of %d workers reported before run returned\n", len(lines), workers)
	}
}
