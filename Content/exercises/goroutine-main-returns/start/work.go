// The learner's file for the goroutine-main-returns exercise.
package main

import (
	"fmt"
	"time"
)

// run processes every batch in its own goroutine. Each worker adds its
// result line to sum when it finishes. The caller prints sum as soon as run
// returns, and the program ends right after that.
func run(batches [][]int, sum *summary) {
	for k, batch := range batches {
		go worker(k+1, batch, sum)
	}
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
