// The functions whose cost the benchmarks in cost_test.go measure. This
// variant has the defer inside a loop (deferInLoop): such a defer cannot be
// open-coded by the compiler, and every pending call waits for the function
// to return. Run: go test -bench . -benchmem -run '^$'
// See the compiler's decision per defer: go build -gcflags=-d=defer
package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	counter int
	sink    int
)

//go:noinline
func bump() { counter++ }

// noDefer does the work with no defer at all. The noinline directives keep
// every benchmarked function a real call, so only the defer differs.
//
//go:noinline
func noDefer() {
	counter++
	bump()
}

// oneDefer defers a single call at the end of a straight-line function.
//
//go:noinline
func oneDefer() {
	counter++
	defer bump()
}

// lockUnlock releases the mutex by hand, without defer.
//
//go:noinline
func lockUnlock() {
	mu.Lock()
	counter++
	mu.Unlock()
}

// lockDeferUnlock is the common Lock / defer Unlock pattern.
//
//go:noinline
func lockDeferUnlock() {
	mu.Lock()
	defer mu.Unlock()
	counter++
}

// deferInLoop registers one deferred call per iteration; all of them run
// only when the function returns.
func deferInLoop(n int) {
	for i := 0; i < n; i++ {
		defer func(v int) { sink += v }(i)
	}
}

func main() {
	noDefer()
	oneDefer()
	lockUnlock()
	lockDeferUnlock()
	deferInLoop(8)
	fmt.Println("counter:", counter, "sink:", sink)
	fmt.Println("run the benchmarks with: go test -bench . -benchmem -run '^$'")
}
