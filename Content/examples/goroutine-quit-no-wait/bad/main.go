// Bad: main tells its workers to stop by closing a quit channel, then
// returns at once. A stop signal is not a wait: each worker sees the signal
// and returns, which starts its deferred cleanup (writing out what it
// buffered), but main has already returned and the process ends before any
// cleanup finishes. Cancelling a context instead of closing a channel is the
// same signal and has the same problem.
package main

import (
	"flag"
	"fmt"
	"time"
)

// worker produces items until quit is closed; its deferred cleanup flushes
// what it buffered, which takes a little while.
func worker(id int, quit <-chan struct{}, flush time.Duration) {
	buffered := 0
	defer func() {
		time.Sleep(flush) // writing the buffered items out
		fmt.Printf("worker %d: flushed %d buffered items\n", id, buffered)
	}()
	fmt.Printf("worker %d: started\n", id)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-quit:
			return
		case <-tick.C:
			buffered++
		}
	}
}

func main() {
	workers := flag.Int("workers", 3, "number of worker goroutines")
	run := flag.Duration("run", 50*time.Millisecond, "how long the workers run before main stops them")
	flush := flag.Duration("flush", 20*time.Millisecond, "how long each worker's deferred flush takes")
	flag.Parse()

	quit := make(chan struct{})
	for i := 1; i <= *workers; i++ {
		go worker(i, quit, *flush)
	}
	time.Sleep(*run)
	close(quit) // BUG: tells the workers to stop, but nobody waits for them
	fmt.Println("main: stop signal sent, returning")
}
