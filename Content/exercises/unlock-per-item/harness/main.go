// Harness for the unlock-per-item exercise. This file is ours: the check
// always builds the shipped copy, so edit work.go only.
//
// Four writer goroutines feed batches of samples into one Counters (from
// work.go) while a scraper takes snapshots, as a metrics endpoint would.
// The batches depend on -seed. When every writer is done the harness prints
// the final totals, sorted by key.
//
// A writer that does not come back is not left to the check's timeout: after
// one second the harness reports which writers are stuck, where they wait
// (from the goroutine stacks, also written in full to stderr), prints
// "figure: stalledWriters=N" and exits with status 1.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Sample is one measurement: add Value to the counter named Key.
type Sample struct {
	Key   string
	Value int64
}

const (
	writers = 4
	// A correct run takes a few milliseconds; a writer still busy after
	// this long is stuck.
	stallAfter = time.Second
)

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the batches")
	flag.Parse()
	os.Exit(run(*seed))
}

func run(seed uint64) int {
	work, samples, batches := makeBatches(seed)
	c := newCounters()

	var applied atomic.Int64 // batches AddBatch has returned from
	var finished atomic.Int64
	done := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(mine [][]Sample) {
			defer wg.Done()
			for _, b := range mine {
				c.AddBatch(b)
				applied.Add(1)
			}
			finished.Add(1)
		}(work[w])
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	// The scraper reads while the writers write, until they are done.
	scraped := make(chan struct{})
	go func() {
		defer close(scraped)
		for {
			select {
			case <-done:
				return
			default:
				c.Snapshot()
				time.Sleep(200 * time.Microsecond)
			}
		}
	}()

	select {
	case <-done:
	case <-time.After(stallAfter):
		stuck := writers - int(finished.Load())
		sites, top := blockedSites()
		if len(sites) > 0 {
			fmt.Printf("stalled after %v: %d of %d writers wait in sync.(*Mutex).Lock%s\n", stallAfter, stuck, writers, top)
		} else {
			fmt.Printf("stalled after %v: %d of %d writers have not returned from AddBatch\n", stallAfter, stuck, writers)
		}
		fmt.Printf("batches applied: %d of %d; goroutines waiting for a lock: %d\n", applied.Load(), batches, len(sites))
		for _, s := range sites {
			fmt.Printf("  waiting for a lock: %s\n", s)
		}
		fmt.Printf("figure: stalledWriters=%d\n", stuck)
		return 1
	}
	<-scraped

	totals := c.Snapshot()
	keys := make([]string, 0, len(totals))
	var sum int64
	for k, v := range totals {
		keys = append(keys, k)
		sum += v
	}
	sort.Strings(keys)
	fmt.Printf("writers: %d, batches: %d, samples: %d\n", writers, batches, samples)
	for _, k := range keys {
		fmt.Printf("%-28s %9d\n", k, totals[k])
	}
	fmt.Printf("keys: %d, total: %d\n", len(keys), sum)
	fmt.Printf("figure: stalledWriters=0\n")
	return 0
}

// makeBatches splits the seed's samples into batches of 8 to 40 samples
// and deals 20 to 60 batches to each writer.
func makeBatches(seed uint64) (work [writers][][]Sample, samples, batches int) {
	rng := rand.New(rand.NewPCG(seed, 0x10c4ed))
	services := []string{"orders", "users", "cart", "search", "billing", "auth"}
	methods := []string{"get", "put", "list"}
	codes := []string{"200", "404", "500"}
	keys := make([]string, 18+rng.IntN(15))
	for i := range keys {
		keys[i] = fmt.Sprintf("api.%s.%s.%s", services[rng.IntN(len(services))],
			methods[rng.IntN(len(methods))], codes[rng.IntN(len(codes))])
	}
	for w := range work {
		n := 20 + rng.IntN(41)
		for b := 0; b < n; b++ {
			batch := make([]Sample, 8+rng.IntN(33))
			for i := range batch {
				batch[i] = Sample{Key: keys[rng.IntN(len(keys))], Value: 1 + rng.Int64N(500)}
			}
			work[w] = append(work[w], batch)
			samples += len(batch)
			batches++
		}
	}
	return work, samples, batches
}

// blockedSites finds the goroutines waiting for a sync.Mutex and returns,
// for each of them, the function of package main that called Lock, sorted;
// top names the most common one as ", called from F at FILE:LINE". The
// stacks of those goroutines go to stderr, as a goroutine dump shows them.
func blockedSites() (sites []string, top string) {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	count := map[string]int{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		if !strings.Contains(g, "sync.(*Mutex).Lock") {
			continue
		}
		fmt.Fprintf(os.Stderr, "%s\n\n", g)
		site := "outside package main"
		lines := strings.Split(g, "\n")
		for i := 1; i+1 < len(lines); i++ {
			if !strings.HasPrefix(lines[i], "main.") {
				continue
			}
			fn := strings.TrimPrefix(lines[i], "main.")
			if p := strings.LastIndex(fn, "("); p > 0 {
				fn = fn[:p]
			}
			at := strings.Fields(strings.TrimSpace(lines[i+1]))[0]
			site = fmt.Sprintf("%s at %s", fn, filepath.Base(at))
			break
		}
		sites = append(sites, site)
		count[site]++
	}
	sort.Strings(sites)
	best := ""
	for s, n := range count {
		if best == "" || n > count[best] || n == count[best] && s < best {
			best = s
		}
	}
	if best != "" {
		top = ", called from " + best
	}
	return sites, top
}
