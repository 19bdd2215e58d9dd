// Fixed: the work and its defers live in run(), which returns an exit code.
// main calls os.Exit only after run has returned, so every deferred call
// (the Flush included) has already run and the exit status is unchanged.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
)

func main() {
	items := flag.Int("items", 5, "number of report lines")
	failAt := flag.Int("fail-at", 3, "item that fails the check (0: none)")
	flag.Parse()
	os.Exit(run(*items, *failAt))
}

func run(items, failAt int) int {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	defer fmt.Println("deferred: report finished")

	failed := false
	for i := 1; i <= items; i++ {
		ok := i != failAt
		fmt.Fprintf(out, "report: item %d ok=%v\n", i, ok)
		if !ok {
			failed = true
		}
	}
	if failed {
		fmt.Fprintln(os.Stderr, "check failed, exiting with status 1")
		return 1
	}
	return 0
}
