package main

// A tiny in-memory database/sql driver, just enough for the example: every
// query returns the same few rows (id, name). It lets the program use the
// real database/sql connection pool without any external database.

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

const driverName = "deferlab-mem"

func init() { sql.Register(driverName, memDriver{}) }

type memDriver struct{}

func (memDriver) Open(name string) (driver.Conn, error) { return &memConn{}, nil }

type memConn struct{ closed bool }

func (c *memConn) Prepare(query string) (driver.Stmt, error) { return &memStmt{conn: c}, nil }
func (c *memConn) Close() error                              { c.closed = true; return nil }
func (c *memConn) Begin() (driver.Tx, error) {
	return nil, errors.New("memdriver: transactions not supported")
}

// QueryContext lets database/sql skip Prepare for plain queries.
func (c *memConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return newRows(), nil
}

type memStmt struct{ conn *memConn }

func (s *memStmt) Close() error  { return nil }
func (s *memStmt) NumInput() int { return -1 }
func (s *memStmt) Exec(args []driver.Value) (driver.Result, error) {
	return nil, errors.New("memdriver: exec not supported")
}
func (s *memStmt) Query(args []driver.Value) (driver.Rows, error) { return newRows(), nil }

const rowsPerQuery = 3

type memRows struct{ next int }

func newRows() *memRows { return &memRows{} }

func (r *memRows) Columns() []string { return []string{"id", "name"} }
func (r *memRows) Close() error      { return nil }
func (r *memRows) Next(dest []driver.Value) error {
	if r.next >= rowsPerQuery {
		return io.EOF
	}
	r.next++
	dest[0] = int64(r.next)
	dest[1] = fmt.Sprintf("user-%d", r.next)
	return nil
}
