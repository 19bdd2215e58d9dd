// Bad: the Close is deferred before the error from os.Open is checked. When
// the open fails, f is a nil *os.File. Calling Close on it does not panic:
// (*os.File).Close checks for nil and returns os.ErrInvalid ("invalid
// argument"). A plain "defer f.Close()" would drop that error silently; here
// it is printed so it can be seen.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

func readConfig(path string) error {
	f, err := os.Open(path)
	defer func() {
		cerr := f.Close()
		fmt.Printf("deferred Close on %T(nil=%v) returned: %v (is os.ErrInvalid: %v)\n",
			f, f == nil, cerr, errors.Is(cerr, os.ErrInvalid))
	}()
	if err != nil {
		return err
	}
	return nil
}

func main() {
	dir, err := os.MkdirTemp("", "deferlab-nilclose-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	err = readConfig(filepath.Join(dir, "missing.conf"))
	fmt.Println("readConfig error:", err)
	fmt.Println("program finished without panic")
}
