// The learner's file for the log-fatal-cleanup exercise.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
)

// writeReport prints one line per record to standard output, through a
// buffer, and a total at the end. It stops at the first invalid record; the
// lines written before it must still appear, followed by the reason.
func writeReport(records []record) error {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	fmt.Fprintf(w, "%-4s %-10s %8s\n", "#", "account", "amount")
	total := 0
	for i, r := range records {
		if r.account == "" {
			log.Fatalf("record %d: missing account", i+1)
		}
		if r.amount <= 0 {
			log.Fatalf("record %d (%s): amount %d is not positive", i+1, r.account, r.amount)
		}
		total += r.amount
		fmt.Fprintf(w, "%-4d %-10s %8d\n", i+1, r.account, r.amount)
	}
	fmt.Fprintf(w, "%-15s %8d\n", "total", total)
	return nil
}
