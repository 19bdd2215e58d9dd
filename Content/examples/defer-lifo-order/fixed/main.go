// Fixed: defer the Close first and the Flush second. Because deferred calls
// run last-in, first-out, the Flush now runs before the Close.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	lines := flag.Int("lines", 3, "number of lines to write")
	flag.Parse()
	os.Exit(run(*lines))
}

func run(lines int) int {
	dir, err := os.MkdirTemp("", "deferlab-lifo-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	defer os.RemoveAll(dir)

	path := filepath.Join(dir, "report.txt")
	if err := writeReport(path, lines); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	fmt.Printf("lines in file: %d of %d\n", bytes.Count(data, []byte("\n")), lines)
	return 0
}

func writeReport(path string, lines int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	// Registered first, so it runs last.
	defer func() {
		fmt.Println("deferred #1 runs: Close, error =", f.Close())
	}()
	w := bufio.NewWriter(f)
	// Registered second, so it runs first.
	defer func() {
		fmt.Println("deferred #2 runs: Flush, error =", w.Flush())
	}()
	for i := 1; i <= lines; i++ {
		fmt.Fprintf(w, "line %d\n", i)
	}
	return nil
}
