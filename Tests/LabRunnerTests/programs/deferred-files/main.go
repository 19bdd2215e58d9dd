// deferred-files opens the number of files given as its first argument, defers each Close
// in the loop (the leak), and ends with os.Exit, which runs none of the defers: the files
// are still open when the program ends.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

func main() {
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "usage: deferred-files N")
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "deferred-files-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 0; i < n; i++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("f-%d", i)))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
	}
	fmt.Printf("holding %d files\n", n)
	// Leave at once with os.Exit: no deferred Close ever runs, and no sampler had time to
	// look; the figures must come from the events sent as each file opened and each defer
	// was registered.
	os.Exit(3)
}
