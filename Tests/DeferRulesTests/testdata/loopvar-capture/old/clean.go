package old

import (
	"fmt"
	"sync"
)

// Argument passes the value as an argument: nothing is captured.
func Argument(values []string) {
	var wg sync.WaitGroup
	for _, v := range values {
		wg.Add(1)
		go func(v string) {
			defer wg.Done()
			fmt.Println(v)
		}(v)
	}
	wg.Wait()
}

// Copied already copies the variable.
func Copied(values []string) {
	for _, v := range values {
		v := v
		go func() { fmt.Println(v) }()
	}
}

// Once leaves the loop right after the goroutine starts: v never changes again.
func Once(values []string) {
	for _, v := range values {
		if v != "" {
			go func() { fmt.Println(v) }()
			return
		}
	}
}

// Nested: the goroutine is inside a function literal, which has its own scope.
func Nested(values []string) {
	for _, v := range values {
		func() {
			fmt.Println(v)
		}()
	}
}

// InnerDefer: a defer in a literal called on the spot runs within the iteration.
func InnerDefer(values []string) {
	for _, v := range values {
		func() {
			defer func() { fmt.Println(v) }()
		}()
	}
}
