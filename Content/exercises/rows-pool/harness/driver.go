package main

// A small in-memory database/sql driver, part of the harness. It knows one
// table, orders(id, customer, amount), and answers exactly one kind of
// query: the orders of one customer, newest (highest id) first. It exists
// so that the exercise uses the real database/sql connection pool without
// any database server.

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
)

const driverName = "deferlab-orders"

// ordersQuery is the only statement the driver understands.
const ordersQuery = "SELECT id, amount FROM orders WHERE customer = ? ORDER BY id DESC"

type orderRow struct{ id, amount int64 }

// store maps a customer id to its orders, newest first. The harness fills it
// before it opens the database and never changes it afterwards.
var store = map[int64][]orderRow{}

func init() { sql.Register(driverName, ordersDriver{}) }

type ordersDriver struct{}

func (ordersDriver) Open(string) (driver.Conn, error) { return &ordersConn{}, nil }

type ordersConn struct{}

func (c *ordersConn) Prepare(query string) (driver.Stmt, error) {
	if err := checkQuery(query); err != nil {
		return nil, err
	}
	return ordersStmt{}, nil
}
func (c *ordersConn) Close() error { return nil }
func (c *ordersConn) Begin() (driver.Tx, error) {
	return nil, errors.New("orders driver: transactions are not supported")
}

// QueryContext lets database/sql run a query without preparing it first.
func (c *ordersConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkQuery(query); err != nil {
		return nil, err
	}
	vals := make([]driver.Value, len(args))
	for i, a := range args {
		vals[i] = a.Value
	}
	return lookup(vals)
}

type ordersStmt struct{}

func (ordersStmt) Close() error  { return nil }
func (ordersStmt) NumInput() int { return 1 }
func (ordersStmt) Exec([]driver.Value) (driver.Result, error) {
	return nil, errors.New("orders driver: Exec is not supported")
}
func (ordersStmt) Query(args []driver.Value) (driver.Rows, error) { return lookup(args) }

func checkQuery(q string) error {
	if strings.Join(strings.Fields(q), " ") != ordersQuery {
		return fmt.Errorf("orders driver: unknown query %q (use %q)", q, ordersQuery)
	}
	return nil
}

func lookup(args []driver.Value) (driver.Rows, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("orders driver: want 1 argument, got %d", len(args))
	}
	id, ok := args[0].(int64)
	if !ok {
		return nil, fmt.Errorf("orders driver: customer must be an integer, got %T", args[0])
	}
	return &ordersRows{rows: store[id]}, nil
}

type ordersRows struct {
	rows []orderRow
	next int
}

func (r *ordersRows) Columns() []string { return []string{"id", "amount"} }
func (r *ordersRows) Close() error      { return nil }
func (r *ordersRows) Next(dest []driver.Value) error {
	if r.next >= len(r.rows) {
		return io.EOF
	}
	dest[0] = r.rows[r.next].id
	dest[1] = r.rows[r.next].amount
	r.next++
	return nil
}
