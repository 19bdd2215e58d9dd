// Fixed: each iteration is a function literal, so its deferred rows.Close()
// runs at the end of that iteration and gives the connection back to the
// pool. (Reading the rows to the end would also release it.) All queries
// finish with at most one connection in use, and db.Stats() shows no waits.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

var started atomic.Int64 // queries started so far

// firstNames runs one query per id and keeps only the first row of each.
func firstNames(db *sql.DB, ids int) ([]string, error) {
	var names []string
	for i := 0; i < ids; i++ {
		started.Add(1)
		err := func() error {
			rows, err := db.Query("SELECT id, name FROM users WHERE group_id = ?", i)
			if err != nil {
				return err
			}
			defer rows.Close() // runs at the end of this iteration
			if rows.Next() {
				var id int64
				var name string
				if err := rows.Scan(&id, &name); err != nil {
					return err
				}
				names = append(names, name)
			}
			return rows.Err()
		}()
		if err != nil {
			return names, err
		}
	}
	return names, nil
}

func main() {
	queries := flag.Int("queries", 20, "number of queries to run")
	maxOpen := flag.Int("maxopen", 4, "db.SetMaxOpenConns value")
	deadline := flag.Duration("deadline", time.Second, "how long the job may take")
	flag.Parse()

	db, err := sql.Open(driverName, "")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	db.SetMaxOpenConns(*maxOpen)

	ctx, cancel := context.WithTimeout(context.Background(), *deadline)
	defer cancel()

	type result struct {
		names []string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		names, err := firstNames(db, *queries)
		done <- result{names, err}
	}()

	select {
	case r := <-done:
		if r.err != nil {
			fmt.Fprintln(os.Stderr, "error:", r.err)
			db.Close()
			os.Exit(1)
		}
		s := db.Stats()
		fmt.Printf("finished: %d of %d queries\n", len(r.names), *queries)
		fmt.Printf("db.Stats: InUse=%d WaitCount=%d OpenConnections=%d MaxOpenConnections=%d\n",
			s.InUse, s.WaitCount, s.OpenConnections, s.MaxOpenConnections)
		db.Close()
	case <-ctx.Done():
		s := db.Stats()
		fmt.Printf("stopped at deadline (%v): %v; %d of %d queries started, the last one is waiting for a connection\n",
			*deadline, ctx.Err(), started.Load(), *queries)
		fmt.Printf("db.Stats: InUse=%d WaitCount=%d OpenConnections=%d MaxOpenConnections=%d\n",
			s.InUse, s.WaitCount, s.OpenConnections, s.MaxOpenConnections)
		// os.Exit skips deferred calls, so release what we hold first.
		cancel()
		db.Close()
		os.Exit(1)
	}
}
