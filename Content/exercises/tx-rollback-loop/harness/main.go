// Harness for the "tx-rollback-loop" exercise. DeferLab always builds this
// shipped copy (main.go and driver.go) together with your work.go, so
// editing it changes nothing in a check.
//
// It fills an in-memory bank (20 to 60 accounts and 200 to 600 transfers
// between them, all depending on -seed), opens it through database/sql with
// a pool of only 4 connections and calls applyTransfers from work.go with a
// deadline of 2 seconds. Then it prints the rejected transfers, the final
// balances, the pool's statistics and, as "figure: peakOpenTx=N", the most
// transactions the driver saw open at once.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"
)

// Transfer moves Amount (in cents) from account From to account To.
type Transfer struct {
	ID       int64
	From, To int64
	Amount   int64
}

const (
	maxOpenConns = 4
	deadline     = 2 * time.Second
)

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the accounts and transfers")
	flag.Parse()
	os.Exit(run(*seed))
}

// run uses no defer of its own, so that the pending-defer figure of a run
// is applyTransfers' alone.
func run(seed uint64) int {
	transfers := fillBank(seed)

	db, err := sql.Open(driverName, "")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	db.SetMaxOpenConns(maxOpenConns)
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	code := apply(ctx, db, transfers)
	cancel()
	db.Close()
	return code
}

func apply(ctx context.Context, db *sql.DB, transfers []Transfer) int {
	type result struct {
		rejected []int64
		err      error
	}
	done := make(chan result, 1)
	go func() {
		rejected, err := applyTransfers(ctx, db, transfers)
		done <- result{rejected, err}
	}()

	var r result
	select {
	case r = <-done:
	case <-time.After(deadline + 500*time.Millisecond):
		// applyTransfers ignored the context and is still blocked.
		fmt.Println("applyTransfers did not return after the deadline")
		printStats(db)
		return 1
	}

	bank.Lock()
	fmt.Printf("transfers: %d\n", len(transfers))
	fmt.Printf("booked: %d\n", len(bank.ledger))
	ids := make([]string, len(r.rejected))
	for i, id := range r.rejected {
		ids[i] = fmt.Sprint(id)
	}
	fmt.Printf("rejected: %d [%s]\n", len(r.rejected), strings.Join(ids, " "))
	accounts := make([]int64, 0, len(bank.accounts))
	for id := range bank.accounts {
		accounts = append(accounts, id)
	}
	slices.Sort(accounts)
	var total int64
	for _, id := range accounts {
		b := bank.accounts[id]
		fmt.Printf("account %d: %d.%02d\n", id, b/100, b%100)
		total += b
	}
	fmt.Printf("total: %d.%02d\n", total/100, total%100)
	peak := bank.peakTx
	bank.Unlock()

	printStats(db)
	fmt.Printf("figure: peakOpenTx=%d\n", peak)
	if r.err != nil {
		fmt.Println("error:", r.err)
		return 1
	}
	return 0
}

func printStats(db *sql.DB) {
	s := db.Stats()
	fmt.Printf("db.Stats: InUse=%d WaitCount=%d\n", s.InUse, s.WaitCount)
}

// fillBank creates the accounts and returns the transfers in booking order.
// About a third of the accounts start nearly empty, so dozens of transfers
// cannot be covered and must be rejected.
func fillBank(seed uint64) []Transfer {
	rng := rand.New(rand.NewPCG(seed, 0x7a5ac7))
	bank.accounts = map[int64]int64{}
	ids := make([]int64, 0, 60)
	for k := 20 + rng.IntN(41); len(ids) < k; {
		id := int64(1000 + rng.IntN(9000))
		if _, dup := bank.accounts[id]; dup {
			continue
		}
		ids = append(ids, id)
		if rng.IntN(3) == 0 {
			bank.accounts[id] = int64(rng.IntN(5000)) // nearly empty
		} else {
			bank.accounts[id] = int64(20000 + rng.IntN(200000))
		}
	}
	n := 200 + rng.IntN(401)
	transfers := make([]Transfer, n)
	next := int64(50000 + rng.IntN(40000))
	for i := range transfers {
		from := ids[rng.IntN(len(ids))]
		to := ids[rng.IntN(len(ids)-1)]
		if to == from {
			to = ids[len(ids)-1]
		}
		next += int64(1 + rng.IntN(7))
		transfers[i] = Transfer{ID: next, From: from, To: to, Amount: int64(500 + rng.IntN(30000))}
	}
	return transfers
}
