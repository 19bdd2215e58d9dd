// Fixed: check the error from os.Open first and defer Close only once there
// is a real file to close.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func readConfig(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer func() {
		fmt.Println("deferred Close returned:", f.Close())
	}()
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
