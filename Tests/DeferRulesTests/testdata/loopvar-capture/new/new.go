package newer

import (
	"fmt"
	"sync"
)

// Range starts a goroutine per value; before Go 1.22 they share v.
func Range(values []string) {
	var wg sync.WaitGroup
	for _, v := range values {
		wg.Add(1)
		go func() {
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
			go func() {
				defer wg.Done()
				fmt.Println(j, i)
			}()
		} else {
			wg.Done()
		}
	}
	wg.Wait()
}

// Outer defers once per inner loop but captures the outer loop's variable.
func Outer(groups [][]string) {
	for g, names := range groups {
		for _, name := range names {
			defer func() { fmt.Println(g, name) }()
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
			go func() { fmt.Println(k) }()
		}
	}
}
