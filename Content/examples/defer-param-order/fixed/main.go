// Fixed: if the values are wanted in ascending order, do not rely on defer
// order at all: do the work in the loop itself (or register the defers in
// the reverse order). Here each value is handled in the iteration it belongs to.
package main

import (
	"flag"
	"fmt"
)

func main() {
	n := flag.Int("n", 3, "loop iterations")
	flag.Parse()
	fmt.Print("loop printed:")
	for i := 0; i < *n; i++ {
		fmt.Print(" ", i)
	}
	fmt.Println()
}
