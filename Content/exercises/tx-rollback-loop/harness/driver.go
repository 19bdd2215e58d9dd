package main

// A small in-memory database/sql driver, part of the harness. It knows two
// tables, accounts(id, balance) and ledger(transfer, from_id, to_id, amount),
// and the four statements below. Writes made in a transaction are kept on
// the connection and applied to the store only by Commit; Rollback drops
// them. It exists so that the exercise uses the real database/sql
// connection pool and transactions without any database server.
//
// It also counts the transactions open at once (begun and neither committed
// nor rolled back yet).

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

const driverName = "deferlab-bank"

const (
	selectBalance = "SELECT balance FROM accounts WHERE id = ?"
	debit         = "UPDATE accounts SET balance = balance - ? WHERE id = ?"
	credit        = "UPDATE accounts SET balance = balance + ? WHERE id = ?"
	insertLedger  = "INSERT INTO ledger (transfer, from_id, to_id, amount) VALUES (?, ?, ?, ?)"
)

type ledgerRow struct{ transfer, from, to, amount int64 }

// bank is the committed state of the database.
var bank struct {
	sync.Mutex
	accounts map[int64]int64
	ledger   []ledgerRow
	openTx   int // transactions begun and not yet ended
	peakTx   int
}

func init() { sql.Register(driverName, bankDriver{}) }

type bankDriver struct{}

func (bankDriver) Open(string) (driver.Conn, error) { return &bankConn{}, nil }

// bankConn is one connection. tx is nil outside a transaction.
type bankConn struct {
	tx *bankTx
}

// bankTx holds a transaction's writes until Commit.
type bankTx struct {
	c      *bankConn
	deltas map[int64]int64 // balance changes per account
	ledger []ledgerRow
}

func (c *bankConn) Close() error { return nil }

func (c *bankConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *bankConn) BeginTx(ctx context.Context, _ driver.TxOptions) (driver.Tx, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c.tx != nil {
		return nil, errors.New("bank driver: a transaction is already open on this connection")
	}
	c.tx = &bankTx{c: c, deltas: map[int64]int64{}}
	bank.Lock()
	bank.openTx++
	bank.peakTx = max(bank.peakTx, bank.openTx)
	bank.Unlock()
	return c.tx, nil
}

func (t *bankTx) Commit() error {
	bank.Lock()
	for id, d := range t.deltas {
		bank.accounts[id] += d
	}
	bank.ledger = append(bank.ledger, t.ledger...)
	bank.openTx--
	bank.Unlock()
	t.c.tx = nil
	return nil
}

func (t *bankTx) Rollback() error {
	bank.Lock()
	bank.openTx--
	bank.Unlock()
	t.c.tx = nil
	return nil
}

func (c *bankConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return c.query(query, values(args))
}

func (c *bankConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return c.exec(query, values(args))
}

func (c *bankConn) Prepare(query string) (driver.Stmt, error) {
	q := normalize(query)
	switch q {
	case selectBalance, debit, credit, insertLedger:
		return &bankStmt{c: c, query: q}, nil
	}
	return nil, fmt.Errorf("bank driver: unknown statement %q", query)
}

type bankStmt struct {
	c     *bankConn
	query string
}

func (s *bankStmt) Close() error  { return nil }
func (s *bankStmt) NumInput() int { return strings.Count(s.query, "?") }
func (s *bankStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.c.exec(s.query, args)
}
func (s *bankStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.c.query(s.query, args)
}

func (c *bankConn) query(query string, args []driver.Value) (driver.Rows, error) {
	if normalize(query) != selectBalance {
		return nil, fmt.Errorf("bank driver: unknown query %q (the only query is %q)", query, selectBalance)
	}
	id, err := ints(args, 1)
	if err != nil {
		return nil, err
	}
	bank.Lock()
	balance, ok := bank.accounts[id[0]]
	bank.Unlock()
	if !ok {
		return &bankRows{}, nil
	}
	if c.tx != nil {
		balance += c.tx.deltas[id[0]] // a transaction sees its own writes
	}
	return &bankRows{balance: []int64{balance}}, nil
}

func (c *bankConn) exec(query string, args []driver.Value) (driver.Result, error) {
	if c.tx != nil {
		return c.tx.stage(query, args)
	}
	// Outside a transaction every statement is applied at once.
	tx := &bankTx{deltas: map[int64]int64{}}
	res, err := tx.stage(query, args)
	if err == nil {
		bank.Lock()
		for id, d := range tx.deltas {
			bank.accounts[id] += d
		}
		bank.ledger = append(bank.ledger, tx.ledger...)
		bank.Unlock()
	}
	return res, err
}

// stage records one write in the transaction.
func (tx *bankTx) stage(query string, args []driver.Value) (driver.Result, error) {
	switch q := normalize(query); q {
	case debit, credit:
		v, err := ints(args, 2)
		if err != nil {
			return nil, err
		}
		bank.Lock()
		_, ok := bank.accounts[v[1]]
		bank.Unlock()
		if !ok {
			return driver.RowsAffected(0), nil
		}
		if q == debit {
			v[0] = -v[0]
		}
		tx.deltas[v[1]] += v[0]
		return driver.RowsAffected(1), nil
	case insertLedger:
		v, err := ints(args, 4)
		if err != nil {
			return nil, err
		}
		tx.ledger = append(tx.ledger, ledgerRow{v[0], v[1], v[2], v[3]})
		return driver.RowsAffected(1), nil
	}
	return nil, fmt.Errorf("bank driver: unknown statement %q", query)
}

func normalize(q string) string { return strings.Join(strings.Fields(q), " ") }

func values(args []driver.NamedValue) []driver.Value {
	out := make([]driver.Value, len(args))
	for i, a := range args {
		out[i] = a.Value
	}
	return out
}

func ints(args []driver.Value, n int) ([]int64, error) {
	if len(args) != n {
		return nil, fmt.Errorf("bank driver: want %d arguments, got %d", n, len(args))
	}
	out := make([]int64, n)
	for i, a := range args {
		v, ok := a.(int64)
		if !ok {
			return nil, fmt.Errorf("bank driver: argument %d must be an integer, got %T", i+1, a)
		}
		out[i] = v
	}
	return out, nil
}

type bankRows struct {
	balance []int64
	next    int
}

func (r *bankRows) Columns() []string { return []string{"balance"} }
func (r *bankRows) Close() error      { return nil }
func (r *bankRows) Next(dest []driver.Value) error {
	if r.next >= len(r.balance) {
		return io.EOF
	}
	dest[0] = r.balance[r.next]
	r.next++
	return nil
}
