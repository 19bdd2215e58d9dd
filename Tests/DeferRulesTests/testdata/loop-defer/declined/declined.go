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
		defer func() { n++ }() // want "not fixed: the deferred call reads or writes the function's named result n"
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
		defer f.Close() // want "unsafe fix: f is stored in open, declared outside the iteration"
		open = append(open, f)
	}
	return open
}

// UsedAfter defers Close on a variable that is used after the loop.
func UsedAfter(names []string) string {
	var last *os.File
	for _, name := range names {
		last, _ = os.Open(name)
		defer last.Close() // want "unsafe fix: last is not created in the iteration \\(declared outside the loop\\)"
	}
	return last.Name()
}

// Outer wraps its own directory handle, but the wrap would carry the inner loop's
// recovering defer into the closure: declined as well.
func Outer(dirs [][]string) {
	for _, names := range dirs {
		d, err := os.Open(".")
		if err != nil {
			continue
		}
		defer d.Close() // want "not fixed: the wrap also moves the defer on line \\d+: the deferred call uses recover"
		for _, n := range names {
			defer func() { // want "not fixed: the deferred call uses recover"
				if r := recover(); r != nil {
					fmt.Println(n, r)
				}
			}()
		}
	}
}

func catch() {
	if r := recover(); r != nil {
		fmt.Println("recovered", r)
	}
}

// Catches defers a helper that recovers.
func Catches(jobs []func()) {
	for _, job := range jobs {
		defer catch() // want "not fixed: the deferred catch calls recover\\(\\)"
		job()
	}
}

func closeInto(f *os.File, err *error) {
	if cerr := f.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// CloseInto reports the first close error through the named result.
func CloseInto(names []string) (err error) {
	for _, n := range names {
		f, oerr := os.Open(n)
		if oerr != nil {
			return oerr
		}
		defer closeInto(f, &err) // want "not fixed: the deferred call reads or writes the function's named result err"
	}
	return nil
}
