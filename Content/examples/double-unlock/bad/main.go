// Bad: the mutex is unlocked by hand and again by the deferred Unlock. The
// second Unlock is a fatal runtime error ("sync: unlock of unlocked mutex"):
// the process dies with exit status 2, recover cannot catch it, and no other
// deferred call runs.
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
	v := c.n
	c.mu.Unlock() // BUG: the deferred Unlock will unlock a second time
	return v
}

func main() {
	calls := flag.Int("calls", 3, "number of add calls")
	flag.Parse()
	defer fmt.Println("deferred line in main: never printed after the fatal error")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	var c counter
	for i := 0; i < *calls; i++ {
		fmt.Println("calling add")
		fmt.Println("add returned", c.add())
	}
}
