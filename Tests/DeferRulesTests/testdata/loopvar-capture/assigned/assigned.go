package assigned

import "fmt"

// Assigned uses = in the range clause: one v for the whole loop, in every Go version.
func Assigned(values []string) {
	var v string
	for _, v = range values {
		go func() { fmt.Println(v) }() // want "captures v, which the loop assigns with =.*\\(fix available\\)"
		fmt.Println()
	}
}

// Counter uses = in a three-clause loop.
func Counter(n int, done chan int) {
	var i int
	for i = 0; i < n; i++ {
		go func() { done <- i }() // want "captures i, which the loop assigns with ="
	}
}
