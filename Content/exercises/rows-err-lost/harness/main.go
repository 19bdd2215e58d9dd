// Harness for the rows-err-lost exercise. DeferLab always builds this
// shipped copy (main.go and driver.go) together with your work.go, so
// editing it changes nothing in a check.
//
// It fills an in-memory accounts table for 5 to 8 regions (accounts and
// balances depend on -seed) and opens it through database/sql. For at least
// one region, often more, the driver's row stream breaks off part-way,
// after a number of rows that also depends on the seed. The harness calls
// loadAccounts from work.go for every region and prints each region's
// summary, or the error. It exits with status 1 when a region failed, as a
// report job should, and prints "figure: lostErrors=N": regions that came
// back without an error but with rows missing.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"syscall"
	"time"
)

// Account is one row of the accounts table.
type Account struct {
	ID      int64
	Owner   string
	Balance int64 // in cents
}

var regions = []string{"eu-west", "eu-central", "us-east", "us-west", "ap-south", "ap-northeast", "sa-east", "af-south"}

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the accounts and where the streams break")
	flag.Parse()
	os.Exit(run(*seed))
}

func run(seed uint64) int {
	names := fillStore(seed)

	db, err := sql.Open(driverName, "")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	defer db.Close()
	db.SetMaxOpenConns(4)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	failed, lost := 0, 0
	for _, region := range names {
		accounts, err := loadAccounts(ctx, db, region)
		if err != nil {
			failed++
			fmt.Printf("%-13s error: %s\n", region, describe(err))
			continue
		}
		if len(accounts) != len(store[region].rows) {
			lost++
		}
		var total int64
		var largest Account
		for _, a := range accounts {
			total += a.Balance
			if a.Balance > largest.Balance {
				largest = a
			}
		}
		fmt.Printf("%-13s %3d accounts, total %s, largest #%d %s (%s)\n",
			region, len(accounts), money(total), largest.ID, money(largest.Balance), largest.Owner)
	}
	fmt.Printf("regions: %d, failed: %d\n", len(names), failed)
	// Regions returned without an error but with rows missing (limit: 0).
	fmt.Printf("figure: lostErrors=%d\n", lost)
	if failed > 0 {
		return 1
	}
	return 0
}

// describe names an error by what it is, so that wrapping it does not
// change the output.
func describe(err error) string {
	var se *ServerError
	switch {
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset by peer"
	case errors.As(err, &se):
		return "server: " + se.Message
	}
	return "unexpected: " + err.Error()
}

func money(cents int64) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) }

var owners = []string{"Acme GmbH", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Tyrell", "Soylent", "Cyberdyne"}

// fillStore creates the regions' tables and returns the regions in the
// order the report goes through them.
func fillStore(seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 0x0ddba11))
	names := append([]string(nil), regions...)
	rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	names = names[:5+rng.IntN(4)]

	id := int64(1000 + rng.IntN(9000))
	broken := rng.IntN(len(names)) // this one always breaks
	for i, region := range names {
		t := &table{rows: make([]accountRow, 20+rng.IntN(381)), failAt: -1}
		for k := range t.rows {
			id += int64(1 + rng.IntN(7))
			t.rows[k] = accountRow{id: id, owner: owners[rng.IntN(len(owners))], balance: rng.Int64N(5_000_000)}
		}
		if i == broken || rng.IntN(4) == 0 {
			t.failAt = rng.IntN(len(t.rows)) // somewhere before the last row
			t.err = []error{errConnReset, errStatementTimeout}[rng.IntN(2)]
		}
		store[region] = t
	}
	return names
}
