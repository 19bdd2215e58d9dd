// Fixed: unlock in exactly one place. Either defer the Unlock or call it by
// hand, never both. Here the deferred Unlock is the only one.
package main

import (
	"flag"
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) add() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return c.n
}

func main() {
	calls := flag.Int("calls", 3, "number of add calls")
	flag.Parse()
	defer fmt.Println("deferred line in main: printed at the end")
	var c counter
	for i := 0; i < *calls; i++ {
		fmt.Println("calling add")
		fmt.Println("add returned", c.add())
	}
}
