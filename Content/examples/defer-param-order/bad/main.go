// Bad (as a claim): passing i as an argument does copy each value at the
// defer statement, but the deferred calls still run last-in, first-out.
// The output is "2 1 0", not "0 1 2".
package main

import (
	"flag"
	"fmt"
)

func main() {
	n := flag.Int("n", 3, "loop iterations")
	flag.Parse()
	fmt.Print("deferred calls printed:")
	func() {
		for i := 0; i < *n; i++ {
			defer func(val int) {
				fmt.Print(" ", val)
			}(i)
		}
	}()
	fmt.Println()
}
