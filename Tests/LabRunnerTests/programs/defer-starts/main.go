// A deferred call that starts but never ends: it lets main go on and then blocks for good.
// It ran (it started), so nothing is pending when main returns; a probe that counted a call
// only when it ended would report 1 here every time.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer func() {
			wg.Done()
			select {}
		}()
		fmt.Println("worker: returning")
	}()
	wg.Wait()
	fmt.Println("main: returning")
}
