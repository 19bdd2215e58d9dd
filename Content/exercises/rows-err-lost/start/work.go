// The learner's file for the rows-err-lost exercise.
package main

import (
	"context"
	"database/sql"
)

// loadAccounts returns every account of one region, in id order.
func loadAccounts(ctx context.Context, db *sql.DB, region string) ([]Account, error) {
	rows, err := db.QueryContext(ctx,
		"SELECT id, owner, balance FROM accounts WHERE region = ? ORDER BY id", region)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.Scan(&a.ID, &a.Owner, &a.Balance); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}
