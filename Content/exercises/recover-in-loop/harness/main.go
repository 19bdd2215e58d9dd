// Harness for the recover-in-loop exercise. This file is ours: the check
// always builds the shipped copy, so edit work.go only.
//
// It builds three batches of items from -seed, runs each through
// processBatch (in work.go) and prints how many items were processed, their
// total and the error. At least one batch (which ones depends on the seed)
// has a broken item somewhere in the middle: its step panics with an index
// out of range. At least one batch is clean.
package main

import (
	"flag"
	"fmt"
	"math/rand"
)

// item is one unit of work: step picks parts[pick] and scales it by weight.
type item struct {
	name   string
	parts  []int
	pick   int
	weight int
}

// step processes one item. It panics when pick is outside parts.
func step(it item) int {
	return it.parts[it.pick] * it.weight
}

// makeBatch builds n items; with broken set, one item between a quarter and
// three quarters of the way through panics in step, and so does a second one
// later on.
func makeBatch(rng *rand.Rand, n int, broken bool) []item {
	items := make([]item, n)
	for i := range items {
		parts := make([]int, 2+rng.Intn(6))
		for j := range parts {
			parts[j] = rng.Intn(1000)
		}
		items[i] = item{
			name:   fmt.Sprintf("job-%04d", rng.Intn(10000)),
			parts:  parts,
			pick:   rng.Intn(len(parts)),
			weight: 1 + rng.Intn(9),
		}
	}
	if broken {
		first := n/4 + rng.Intn(n/2)
		items[first].pick = len(items[first].parts) + rng.Intn(5)
		later := first + 1 + rng.Intn(n-first-1)
		items[later].pick = -1 - rng.Intn(3)
	}
	return items
}

func main() {
	seed := flag.Int64("seed", 1, "seed for the input")
	flag.Parse()

	// Three batches; at least one of them is broken and at least one is
	// clean, which ones depends on the seed.
	rng := rand.New(rand.NewSource(*seed))
	const batches = 3
	broken := make([]bool, batches)
	count := 0
	for b := range broken {
		broken[b] = rng.Intn(2) == 0
		if broken[b] {
			count++
		}
	}
	switch count {
	case 0:
		broken[rng.Intn(batches)] = true
	case batches:
		broken[rng.Intn(batches)] = false
	}

	for b := 0; b < batches; b++ {
		items := makeBatch(rng, 40+rng.Intn(81), broken[b]) // 40..120 items
		total, processed, err := processBatch(items)
		fmt.Printf("batch %d: items %d, processed %d, total %d\n", b+1, len(items), processed, total)
		if err != nil {
			fmt.Printf("batch %d: error: %v\n", b+1, err)
		} else {
			fmt.Printf("batch %d: error: none\n", b+1)
		}
	}
}
