package old

import (
	"fmt"
	"os"
	"sync"
)

// Range starts a goroutine per value; before Go 1.22 they share v.
func Range(values []string) {
	var wg sync.WaitGroup
	for _, v := range values {
		wg.Add(1)
		go func() { // want "the goroutine's function literal captures the loop variable v: in go1.21 all iterations share one v, so the goroutine may see a later iteration's value \\(fix available\\)"
			defer wg.Done()
			fmt.Println(v)
		}()
	}
	wg.Wait()
}

// Counter captures both variables of a three-clause loop.
func Counter(n int) {
	var wg sync.WaitGroup
	for i, j := 0, n; i < j; i, j = i+1, j-1 {
		wg.Add(1)
		if i%2 == 0 {
			go func() { // want "captures the loop variables i, j: in go1.21 all iterations share them"
				defer wg.Done()
				fmt.Println(j, i)
			}()
		} else {
			wg.Done()
		}
	}
	wg.Wait()
}

// Outer defers once per inner loop, so many times per call: loop-defer reports it, but its
// wrap is unsafe (the closure prints), so the captured variables are fixed where they are.
func Outer(groups [][]string) {
	for g, names := range groups {
		for _, name := range names {
			defer func() { fmt.Println(g, name) }() // want "captures the loop variable g.*\\(fix available\\)"
			break
		}
	}
}

// Keys captures a range key in a select clause.
func Keys(m map[string]int, done chan bool) {
	for k := range m {
		select {
		case <-done:
			return
		default:
			go func() { fmt.Println(k) }() // want "captures the loop variable k"
		}
	}
}

// Wrapped: the goroutine starts inside a function literal called on the spot; it still
// captures the loop's one v.
func Wrapped(values []string, done chan string) {
	for _, v := range values {
		func() {
			go func() { done <- v }() // want "captures the loop variable v.*\\(fix available\\)"
		}()
	}
}

// Unknown ranges over a call's result: the source does not name the element type, so the
// fix copies the variable instead of passing it.
func Unknown(get func() []string, done chan bool) {
	for _, v := range get() {
		go func() { // want "captures the loop variable v"
			fmt.Println(v)
			done <- true
		}()
	}
}

// Ticks's variable is declared with an integer literal: passed as an int.
func Ticks(done chan int) {
	for i := 0; i < 3; i++ {
		go func() { done <- i }() // want "captures the loop variable i"
	}
}

// LoopDefer is reported by loop-defer too, but its wrap is unsafe (the closure prints):
// the captured loop variable is fixed where it is.
func LoopDefer(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer func() { fmt.Println(name, f.Close()) }() // want "captures the loop variable name.*\\(fix available\\)"
		fmt.Println(name)
	}
}
