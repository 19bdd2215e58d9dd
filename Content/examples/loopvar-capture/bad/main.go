// The same source is built twice: once in a module that says "go 1.21" (bad)
// and once in a module that says "go 1.22" (fixed). The go line in go.mod
// decides the loop-variable semantics. Before 1.22 the three closures share
// one i, which is 3 when they run. From 1.22 on each iteration has its own i,
// and the closures run in LIFO order.
package main

import (
	"flag"
	"fmt"
	"strings"
)

func collect(n int) string {
	var out []string
	func() {
		for i := 0; i < n; i++ {
			defer func() {
				out = append(out, fmt.Sprint(i))
			}()
		}
	}()
	return strings.Join(out, " ")
}

func main() {
	n := flag.Int("n", 3, "loop iterations")
	flag.Parse()
	fmt.Println("deferred closures printed:", collect(*n))
}
