// work.go: the only file you edit in this exercise.
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
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return rejected, err
		}
		// Undoes everything unless the transaction is committed below;
		// after a Commit it does nothing.
		defer tx.Rollback()

		var balance int64
		err = tx.QueryRowContext(ctx, "SELECT balance FROM accounts WHERE id = ?", t.From).Scan(&balance)
		if err != nil {
			return rejected, fmt.Errorf("transfer %d: %w", t.ID, err)
		}
		if balance < t.Amount {
			rejected = append(rejected, t.ID)
			continue
		}

		if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - ? WHERE id = ?", t.Amount, t.From); err != nil {
			return rejected, fmt.Errorf("transfer %d: %w", t.ID, err)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance + ? WHERE id = ?", t.Amount, t.To); err != nil {
			return rejected, fmt.Errorf("transfer %d: %w", t.ID, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO ledger (transfer, from_id, to_id, amount) VALUES (?, ?, ?, ?)",
			t.ID, t.From, t.To, t.Amount); err != nil {
			return rejected, fmt.Errorf("transfer %d: %w", t.ID, err)
		}
		if err := tx.Commit(); err != nil {
			return rejected, fmt.Errorf("transfer %d: %w", t.ID, err)
		}
	}
	return rejected, nil
}
