// Fixed: main waits for every worker with a sync.WaitGroup before it
// returns, so each worker finishes and its deferred cleanup runs.
package main

import (
	"flag"
	"fmt"
	"sync"
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
	grace := flag.Duration("grace", 100*time.Millisecond, "unused here; kept so both variants take the same flags")
	flag.Parse()
	_ = *grace

	var wg sync.WaitGroup
	for i := 1; i <= *workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker(i, *work)
		}()
	}
	wg.Wait()
	fmt.Println("main: returning")
}
