// Fixed: check the error first and defer Close only once there is something
// to close. This holds whatever the type: a nil interface, a nil pointer or a
// zero value never reaches the deferred call.
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
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}

func main() {
	dir, err := os.MkdirTemp("", "deferlab-nilcloser-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	err = loadConfig(filepath.Join(dir, "missing.conf"))
	fmt.Println("loadConfig error:", err)
	fmt.Println("program finished without panic")
}
