// Reference solution for the goroutine-main-returns exercise.
package main

import (
	"fmt"
	"sync"
	"time"
)

// run processes every batch in its own goroutine and returns only after
// every worker has finished, so every worker's deferred report has been made.
func run(batches [][]int, sum *summary) {
	var wg sync.WaitGroup
	for k, batch := range batches {
		wg.Add(1) // before the go statement, so Wait cannot miss a worker
		go func() {
			defer wg.Done()
			worker(k+1, batch, sum)
		}()
	}
	wg.Wait()
}

// worker folds its batch into a checksum, one item at a time (each item takes
// about 10 ms), and reports in a deferred call so that the report is
// made however the loop ends.
func worker(id int, batch []int, sum *summary) {
	checksum := 17
	defer func() {
		sum.add(fmt.Sprintf("worker %d done: %d items, checksum %d", id, len(batch), checksum))
	}()
	for _, v := range batch {
		time.Sleep(10 * time.Millisecond) // stands in for real work
		checksum = (checksum*31 + v) % 1000003
	}
}
