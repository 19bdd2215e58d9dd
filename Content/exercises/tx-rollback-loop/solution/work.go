// work.go: reference solution.
package main

import (
	"context"
	"database/sql"
	"fmt"
)

// applyTransfers books the transfers in order, each in a transaction of its
// own. A transfer the source account cannot cover is rejected and nothing is
// written for it. It returns the ids of the rejected transfers; on an error
// it stops and returns the error with the ids rejected so far.
func applyTransfers(ctx context.Context, db *sql.DB, transfers []Transfer) ([]int64, error) {
	var rejected []int64
	for _, t := range transfers {
		booked, err := applyTransfer(ctx, db, t)
		if err != nil {
			return rejected, fmt.Errorf("transfer %d: %w", t.ID, err)
		}
		if !booked {
			rejected = append(rejected, t.ID)
		}
	}
	return rejected, nil
}

// applyTransfer books one transfer in its own transaction and reports
// whether it was booked (false: the source cannot cover it). The deferred
// Rollback runs when this function returns, so the transaction ends, and
// its connection goes back to the pool, before the next transfer begins:
// on the rejected path it rolls back, after a Commit it does nothing.
func applyTransfer(ctx context.Context, db *sql.DB, t Transfer) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()

	var balance int64
	err = tx.QueryRowContext(ctx, "SELECT balance FROM accounts WHERE id = ?", t.From).Scan(&balance)
	if err != nil {
		return false, err
	}
	if balance < t.Amount {
		return false, nil
	}

	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - ? WHERE id = ?", t.Amount, t.From); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance + ? WHERE id = ?", t.Amount, t.To); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO ledger (transfer, from_id, to_id, amount) VALUES (?, ?, ?, ?)",
		t.ID, t.From, t.To, t.Amount); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
