// The functions whose cost the benchmarks in cost_test.go measure. This
// variant replaces the defer in a loop with the closure fix (closureInLoop):
// each iteration calls a function literal whose single defer the compiler
// can open-code, and the call runs at the end of that iteration.
// Run: go test -bench . -benchmem -run '^$'
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

// nineDefers has one defer more than the compiler open-codes in a function
// (it keeps the pending defers in a one-byte mask, so at most 8): every defer
// here gets a record in the stack frame instead. Still no heap allocation.
//
//go:noinline
func nineDefers() {
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
}

// manyReturns has two defers and eight return statements. Open coding copies
// the deferred calls to every exit, so the compiler gives up when returns ×
// defers is more than 15: both defers get stack records.
//
//go:noinline
func manyReturns(x int) int {
	defer bump()
	defer bump()
	if x == 1 {
		return 10
	}
	if x == 2 {
		return 20
	}
	if x == 3 {
		return 30
	}
	if x == 4 {
		return 40
	}
	if x == 5 {
		return 50
	}
	if x == 6 {
		return 60
	}
	if x == 7 {
		return 70
	}
	return 0
}

// closureInLoop wraps each iteration in a function literal, so each deferred
// call runs at the end of its own iteration.
func closureInLoop(n int) {
	for i := 0; i < n; i++ {
		func(v int) {
			defer func() { sink += v }()
		}(i)
	}
}

// main calls the functions once, so a run's pending-defers chart shows the
// loop; nineDefers and manyReturns are only benchmarked.
func main() {
	noDefer()
	oneDefer()
	lockUnlock()
	lockDeferUnlock()
	closureInLoop(8)
	fmt.Println("counter:", counter, "sink:", sink)
	fmt.Println("run the benchmarks with: go test -bench . -benchmem -run '^$'")
}
