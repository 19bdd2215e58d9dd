// Bad: the report goes through a bufio.Writer whose Flush is deferred, and
// main ends with os.Exit(1) because a check failed. os.Exit ends the process
// immediately and runs no deferred calls, so the Flush never happens and the
// buffered report lines never reach stdout.
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

	out := bufio.NewWriter(os.Stdout)
	defer out.Flush() // never runs: os.Exit below skips it
	defer fmt.Println("deferred: report finished")

	failed := false
	for i := 1; i <= *items; i++ {
		ok := i != *failAt
		fmt.Fprintf(out, "report: item %d ok=%v\n", i, ok)
		if !ok {
			failed = true
		}
	}
	if failed {
		fmt.Fprintln(os.Stderr, "check failed, exiting with status 1")
		os.Exit(1)
	}
}
