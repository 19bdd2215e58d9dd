// Bad: the Close is deferred before the error is checked, and the file comes
// back as an io.ReadCloser. When the open fails, openSource returns a nil
// interface: no type, no value, no Close method to call. A nil *os.File can
// still be closed (it returns os.ErrInvalid); a nil interface cannot. And
// because the method value rc.Close is evaluated at the defer statement, the
// program panics right there, before the error check is reached.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// openSource hides the concrete type, as constructors often do.
func openSource(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func loadConfig(path string) error {
	rc, err := openSource(path)
	fmt.Printf("loadConfig: rc is nil: %v; deferring rc.Close()\n", rc == nil)
	defer rc.Close() // BUG: rc is a nil interface when openSource failed
	fmt.Println("loadConfig: after the defer statement, checking the error")
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, rc)
	return err
}

func main() {
	dir, err := os.MkdirTemp("", "deferlab-nilcloser-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	// A panic runs the deferred calls of every function it unwinds, so this
	// one still removes the folder before the program dies.
	defer os.RemoveAll(dir)
	err = loadConfig(filepath.Join(dir, "missing.conf"))
	fmt.Println("loadConfig error:", err)
	fmt.Println("program finished without panic")
}
