//go:build go1.21

package lowered

import "fmt"

// Start runs in a go 1.23 module, but the constraint lowers this file to go1.21.
func Start(values []int, done chan int) {
	for _, v := range values {
		go func() { done <- v }() // want "captures the loop variable v: in go1.21"
		fmt.Println(v)
	}
}
