package declined

import (
	"fmt"
	"os"
)

// Recovers uses recover in the deferred call.
func Recovers(jobs []func()) {
	for _, job := range jobs {
		defer func() { // want "not fixed: the deferred call uses recover\\(\\)"
			if r := recover(); r != nil {
				fmt.Println("recovered", r)
			}
		}()
		job()
	}
}

// Named changes its named result from a deferred literal.
func Named(names []string) (n int) {
	for range names {
		defer func() { n++ }() // want "not fixed: the deferred function literal reads or writes the function's named results"
	}
	return 0
}

// Escapes keeps the files for later: closing them per iteration would break the caller.
func Escapes(names []string) []*os.File {
	var open []*os.File
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want "not fixed: the deferred value f escapes the iteration"
		open = append(open, f)
	}
	return open
}

// UsedAfter defers Close on a variable that is used after the loop.
func UsedAfter(names []string) string {
	var last *os.File
	for _, name := range names {
		last, _ = os.Open(name)
		defer last.Close() // want "not fixed: the deferred value last escapes the iteration"
	}
	return last.Name()
}
