package declined

import "fmt"

// Writes increments the loop variable from the goroutine.
func Writes(n int, done chan bool) {
	for i := 0; i < n; i++ {
		go func() { // want "not fixed: the function literal assigns the loop variable i or takes its address"
			i++
			done <- true
		}()
		fmt.Println(i)
	}
}

// Address hands out the loop variable's address.
func Address(values []int, out chan *int) {
	for _, v := range values {
		go func() { out <- &v }() // want "not fixed: the function literal assigns the loop variable v or takes its address"
		fmt.Println(v)
	}
}

// Redeclared declares v again later in the same block.
func Redeclared(values []int, done chan int) {
	for _, v := range values {
		go func() { done <- v }() // want "not fixed: the block declares v itself, so inserting v := v would declare it twice"
		v := v * 2
		fmt.Println(v)
	}
}

// Stored: the literal holding the go statement runs after the loop.
func Stored(values []int, done chan int) []func() {
	var starts []func()
	for _, v := range values {
		starts = append(starts, func() {
			go func() { done <- v }() // want "not fixed: the go statement is inside a function literal that may run after the iteration: v must be copied where that literal is made"
		})
	}
	return starts
}
