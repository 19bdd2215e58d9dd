// Fixed: main closes the quit channel and then waits for every worker with a
// sync.WaitGroup. Each worker returns, its deferred flush runs to the end,
// and only then does main return.
package main

import (
	"flag"
	"fmt"
	"sync"
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
	var wg sync.WaitGroup
	for i := 1; i <= *workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker(i, quit, *flush)
		}()
	}
	time.Sleep(*run)
	close(quit) // tell the workers to stop…
	wg.Wait()   // …and wait until each one's deferred flush has finished
	fmt.Println("main: every worker stopped, returning")
}
