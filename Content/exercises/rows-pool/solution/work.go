// work.go: reference solution.
package main

import (
	"context"
	"database/sql"
)

// latestOrders returns the newest order of every customer in the list
// (customers without orders are left out). It stops at the first error and
// returns that error with the orders found so far.
func latestOrders(ctx context.Context, db *sql.DB, customers []int64) ([]Order, error) {
	var out []Order
	for _, c := range customers {
		o, found, err := latestOrder(ctx, db, c)
		if err != nil {
			return out, err
		}
		if found {
			out = append(out, o)
		}
	}
	return out, nil
}

// latestOrder runs one query. Its deferred rows.Close runs when it returns,
// so the connection goes back to the pool before the next customer's query,
// even though only the first row is read.
func latestOrder(ctx context.Context, db *sql.DB, c int64) (Order, bool, error) {
	rows, err := db.QueryContext(ctx,
		"SELECT id, amount FROM orders WHERE customer = ? ORDER BY id DESC", c)
	if err != nil {
		return Order{}, false, err
	}
	defer rows.Close()

	if !rows.Next() {
		return Order{}, false, rows.Err()
	}
	o := Order{Customer: c}
	if err := rows.Scan(&o.ID, &o.Amount); err != nil {
		return Order{}, false, err
	}
	return o, true, nil
}
