// Fixed: the body of each iteration is a function literal, so its
// deferred Close runs at the end of that iteration: one file open at a time.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	n := flag.Int("n", 10000, "number of files to create and read")
	flag.Parse()
	os.Exit(run(*n))
}

// run keeps main's os.Exit away from the defers: they all run before run returns.
func run(n int) int {
	dir, err := os.MkdirTemp("", "deferlab-files-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	defer os.RemoveAll(dir)

	if err := createFiles(dir, n); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	total, err := processAll(dir, n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	fmt.Printf("processed %d files, %d bytes\n", n, total)
	return 0
}

func createFiles(dir string, n int) error {
	for i := 0; i < n; i++ {
		name := filepath.Join(dir, fmt.Sprintf("data-%d.txt", i))
		if err := os.WriteFile(name, []byte(fmt.Sprintf("record %d\n", i)), 0o600); err != nil {
			return err
		}
	}
	return nil
}

func processAll(dir string, n int) (int64, error) {
	var total int64
	for i := 0; i < n; i++ {
		c, err := func() (int64, error) {
			f, err := os.Open(filepath.Join(dir, fmt.Sprintf("data-%d.txt", i)))
			if err != nil {
				return 0, fmt.Errorf("after %d files: %w", i, err)
			}
			defer f.Close() // runs when this function literal returns
			return io.Copy(io.Discard, f)
		}()
		if err != nil {
			return total, err
		}
		total += c
	}
	return total, nil
}
