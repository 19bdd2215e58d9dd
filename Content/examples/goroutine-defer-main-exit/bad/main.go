// Bad: main starts a worker goroutine and returns without waiting for it.
// When main returns the whole process ends at once; other goroutines are not
// unwound, so the worker's deferred cleanup never runs.
package main

import (
	"flag"
	"fmt"
	"time"
)

func worker(id int, work time.Duration) {
	defer fmt.Printf("worker %d: deferred cleanup ran\n", id)
	fmt.Printf("worker %d: started\n", id)
	time.Sleep(work)
	fmt.Printf("worker %d: work done\n", id)
}

func main() {
	workers := flag.Int("workers", 3, "number of worker goroutines")
	work := flag.Duration("work", 2*time.Second, "how long each worker works")
	grace := flag.Duration("grace", 100*time.Millisecond, "how long main lingers before returning")
	flag.Parse()

	for i := 1; i <= *workers; i++ {
		go worker(i, *work)
	}
	time.Sleep(*grace) // BUG: a guess, not a wait for the workers
	fmt.Println("main: returning")
}
