// Shapes the tracer must follow exactly: a deferred call that panics and a recover further
// down the stack, a goroutine ended by runtime.Goexit, and a named result a defer changes.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func double(n int) (result int) {
	defer func() { result *= 2 }()
	return n + 1
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	defer fmt.Println("first deferred")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("goroutine: deferred")
		runtime.Goexit()
	}()
	wg.Wait()
	fmt.Println("double:", double(20))
	defer func() { panic("boom in defer") }()
	fmt.Println("returning")
}
