// Harness for the "rows-pool" exercise. DeferLab always builds this shipped
// copy (main.go and driver.go) together with your work.go, so editing it
// changes nothing in a check.
//
// It fills an in-memory orders table (customers and orders depend on -seed),
// opens it through database/sql with a pool of only 2 connections, and calls
// latestOrders from work.go with a deadline of 2 seconds. Then it prints the
// orders it got back and the pool's statistics.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"time"
)

// Order is one row of the orders table.
type Order struct {
	Customer int64
	ID       int64
	Amount   int64 // in cents
}

const (
	maxOpenConns = 2
	deadline     = 2 * time.Second
)

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the customers and their orders")
	flag.Parse()
	os.Exit(run(*seed))
}

func run(seed uint64) int {
	customers := fillStore(seed)

	db, err := sql.Open(driverName, "")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	defer db.Close()
	db.SetMaxOpenConns(maxOpenConns)

	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()

	type result struct {
		orders []Order
		err    error
	}
	done := make(chan result, 1)
	go func() {
		orders, err := latestOrders(ctx, db, customers)
		done <- result{orders, err}
	}()

	var r result
	select {
	case r = <-done:
	case <-time.After(deadline + 500*time.Millisecond):
		// latestOrders ignored the context and is still blocked.
		fmt.Println("latestOrders did not return after the deadline")
		printStats(db)
		return 1
	}

	fmt.Printf("customers: %d\n", len(customers))
	fmt.Printf("orders returned: %d\n", len(r.orders))
	slices.SortFunc(r.orders, func(a, b Order) int {
		if a.Customer != b.Customer {
			return int(a.Customer - b.Customer)
		}
		return int(a.ID - b.ID)
	})
	var total int64
	for _, o := range r.orders {
		fmt.Printf("customer %d: order %d, %d.%02d\n", o.Customer, o.ID, o.Amount/100, o.Amount%100)
		total += o.Amount
	}
	fmt.Printf("total: %d.%02d\n", total/100, total%100)
	printStats(db)
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

// fillStore creates 12 to 40 customers with 1 to 6 orders each and returns
// the customer ids in the order latestOrders gets them.
func fillStore(seed uint64) []int64 {
	rng := rand.New(rand.NewPCG(seed, 0x5e1ec7))
	n := 12 + rng.IntN(29)
	customers := make([]int64, 0, n)
	nextOrder := int64(10000 + rng.IntN(50000))
	for len(customers) < n {
		c := int64(100 + rng.IntN(900))
		if _, taken := store[c]; taken {
			continue
		}
		customers = append(customers, c)
		k := 1 + rng.IntN(6)
		rows := make([]orderRow, k)
		for i := k - 1; i >= 0; i-- { // newest first
			nextOrder += int64(1 + rng.IntN(40))
			rows[i] = orderRow{id: nextOrder, amount: int64(100 + rng.IntN(99900))}
		}
		store[c] = rows
	}
	return customers
}
