// Bad: deferred calls run last-in, first-out. Here the file's Close was
// deferred after the buffer's Flush, so Close runs first and the Flush that
// follows has nowhere to write: the buffered lines are lost.
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
	w := bufio.NewWriter(f)
	// Registered first, so it runs last.
	defer func() {
		fmt.Println("deferred #1 runs: Flush, error =", w.Flush())
	}()
	// Registered second, so it runs first.
	defer func() {
		fmt.Println("deferred #2 runs: Close, error =", f.Close())
	}()
	for i := 1; i <= lines; i++ {
		fmt.Fprintf(w, "line %d\n", i)
	}
	return nil
}
