// Reference solution for the log-fatal-cleanup exercise.
package main

import (
	"bufio"
	"fmt"
	"os"
)

// writeReport prints one line per record to standard output, through a
// buffer, and a total at the end. At the first invalid record it returns an
// error instead of exiting, so the deferred Flush runs and the lines written
// so far reach standard output; the caller decides how to exit.
func writeReport(records []record) error {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	fmt.Fprintf(w, "%-4s %-10s %8s\n", "#", "account", "amount")
	total := 0
	for i, r := range records {
		if r.account == "" {
			return fmt.Errorf("record %d: missing account", i+1)
		}
		if r.amount <= 0 {
			return fmt.Errorf("record %d (%s): amount %d is not positive", i+1, r.account, r.amount)
		}
		total += r.amount
		fmt.Fprintf(w, "%-4d %-10s %8d\n", i+1, r.account, r.amount)
	}
	fmt.Fprintf(w, "%-15s %8d\n", "total", total)
	return nil
}
