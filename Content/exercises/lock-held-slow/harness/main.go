// Harness for the lock-held-slow exercise. This file is ours: the check
// always builds the shipped copy, so edit work.go only.
//
// It makes a cache (newCache in work.go) whose misses call a slow lookup
// (15-25 ms, depending on -seed and the key), asks for 30 distinct keys at
// the same moment from 30 goroutines, then asks for every key once more.
// It prints the values, sorted by key, and how many slow lookups ran. It
// also measures how long the slowest caller waited beyond its own lookup and
// prints it as "figure: maxWaitMillis=N": a measurement, not output.
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

const callers = 30

func main() {
	seed := flag.Int64("seed", 1, "seed for the input")
	flag.Parse()

	rng := rand.New(rand.NewSource(*seed))
	words := []string{"user", "order", "cart", "price", "stock", "promo", "invoice", "route"}
	keys := make([]string, 0, callers)
	delay := map[string]time.Duration{}
	for len(keys) < callers {
		k := fmt.Sprintf("%s-%03d", words[rng.Intn(len(words))], rng.Intn(1000))
		if _, dup := delay[k]; dup {
			continue
		}
		keys = append(keys, k)
		delay[k] = time.Duration(15+rng.Intn(11)) * time.Millisecond // 15..25 ms
	}

	// The slow backend: sleeps for the key's delay and records how long it
	// really took, so that a caller's own lookup is not counted as waiting.
	var lookups atomic.Int64
	var tookMu sync.Mutex
	took := map[string]time.Duration{}
	lookup := func(key string) int {
		lookups.Add(1)
		start := time.Now()
		time.Sleep(delay[key])
		h := fnv.New32a()
		fmt.Fprintf(h, "%d/%s", *seed, key)
		tookMu.Lock()
		took[key] += time.Since(start)
		tookMu.Unlock()
		return int(h.Sum32() % 100000)
	}

	c := newCache(lookup)

	// The burst: every caller starts at the same moment.
	values := make([]int, callers)
	elapsed := make([]time.Duration, callers)
	var ready, done sync.WaitGroup
	gate := make(chan struct{})
	for i, k := range keys {
		ready.Add(1)
		done.Add(1)
		go func(i int, k string) {
			defer done.Done()
			ready.Done()
			<-gate
			start := time.Now()
			values[i] = c.Get(k)
			elapsed[i] = time.Since(start)
		}(i, k)
	}
	ready.Wait()
	close(gate)
	done.Wait()

	var maxWait time.Duration
	for i, k := range keys {
		tookMu.Lock()
		w := elapsed[i] - took[k]
		tookMu.Unlock()
		if w > maxWait {
			maxWait = w
		}
	}

	// Second round: every key is cached now, so no lookup should run.
	for i, k := range keys {
		if v := c.Get(k); v != values[i] {
			fmt.Printf("key %s: second Get returned %d, first %d\n", k, v, values[i])
		}
	}

	order := make([]int, callers)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	for _, i := range order {
		fmt.Printf("%-12s %5d\n", keys[i], values[i])
	}
	fmt.Printf("slow lookups: %d for %d keys\n", lookups.Load(), callers)
	fmt.Printf("figure: maxWaitMillis=%d\n", maxWait.Milliseconds())
}
