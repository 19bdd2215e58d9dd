// Harness for the log-fatal-cleanup exercise. This file is ours: the check
// always builds the shipped copy, so edit work.go only.
//
// It builds a list of ledger records from -seed (one of them, somewhere in
// the middle, is invalid), calls writeReport (in work.go) and, when that
// returns an error, prints the error to stderr and exits with status 1. It
// also prints the line "figure: errorsReturned=N", which the check reads as a
// measurement.
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
)

// record is one ledger entry. A valid record has a non-empty account and a
// positive amount.
type record struct {
	account string
	amount  int
}

var accounts = []string{"alder", "birch", "cedar", "elm", "hazel", "larch", "maple", "rowan", "spruce", "willow"}

func main() {
	seed := flag.Int64("seed", 1, "seed for the input")
	flag.Parse()

	rng := rand.New(rand.NewSource(*seed))
	n := 8 + rng.Intn(13) // 8..20 records
	bad := n/3 + rng.Intn(n/3+1)
	records := make([]record, n)
	for i := range records {
		records[i] = record{
			account: fmt.Sprintf("%s-%02d", accounts[rng.Intn(len(accounts))], rng.Intn(100)),
			amount:  1 + rng.Intn(99999),
		}
	}
	// The invalid record: either a negative amount or a missing account.
	if rng.Intn(2) == 0 {
		records[bad].amount = -records[bad].amount
	} else {
		records[bad].account = ""
	}

	err := writeReport(records)
	// A measurement, not output: did the error come back to main? (If the
	// program ended inside writeReport, this line is never printed.)
	if err != nil {
		fmt.Println("figure: errorsReturned=1")
		fmt.Fprintln(os.Stderr, "report failed:", err)
		os.Exit(1) // writeReport's deferred calls have already run
	}
	fmt.Println("figure: errorsReturned=0")
}
