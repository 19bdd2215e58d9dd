package main

// A small in-memory database/sql driver, part of the harness. It knows one
// table, accounts(id, region, owner, balance), and answers one query: the
// accounts of a region in id order. Like a real server it streams the rows,
// and the stream of a region can break off part-way: the connection is
// reset, or the server cancels the statement. Only the standard library is
// used, so the exercise runs without any database server.

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"
)

const driverName = "deferlab-accounts"

// accountsQuery is the only statement the driver understands.
const accountsQuery = "SELECT id, owner, balance FROM accounts WHERE region = ? ORDER BY id"

type accountRow struct {
	id      int64
	owner   string
	balance int64 // cents
}

// table holds one region's rows and, when its stream breaks, the row
// before which it breaks and the error it breaks with.
type table struct {
	rows   []accountRow
	failAt int // -1: never
	err    error
}

// store maps a region to its table. The harness fills it before it opens
// the database and never changes it afterwards.
var store = map[string]*table{}

// ServerError is an error the database server sent, like PostgreSQL's
// ErrorResponse: a SQLSTATE code and a message.
type ServerError struct {
	Code    string
	Message string
}

func (e *ServerError) Error() string {
	return fmt.Sprintf("ERROR: %s (SQLSTATE %s)", e.Message, e.Code)
}

// errStatementTimeout is what the server sends when it cancels a statement
// that ran longer than its statement_timeout.
var errStatementTimeout = &ServerError{Code: "57014", Message: "canceling statement due to statement timeout"}

// errConnReset is what reading from a connection the server dropped gives.
var errConnReset = &net.OpError{
	Op:     "read",
	Net:    "tcp",
	Source: &net.TCPAddr{IP: net.IPv4(10, 0, 3, 7), Port: 41234},
	Addr:   &net.TCPAddr{IP: net.IPv4(10, 0, 1, 20), Port: 5432},
	Err:    os.NewSyscallError("read", syscall.ECONNRESET),
}

func init() { sql.Register(driverName, accountsDriver{}) }

type accountsDriver struct{}

func (accountsDriver) Open(string) (driver.Conn, error) { return &accountsConn{}, nil }

type accountsConn struct{}

func (c *accountsConn) Prepare(query string) (driver.Stmt, error) {
	if err := checkQuery(query); err != nil {
		return nil, err
	}
	return accountsStmt{}, nil
}
func (c *accountsConn) Close() error { return nil }
func (c *accountsConn) Begin() (driver.Tx, error) {
	return nil, errors.New("accounts driver: transactions are not supported")
}

// QueryContext lets database/sql run the query without preparing it first.
func (c *accountsConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
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

type accountsStmt struct{}

func (accountsStmt) Close() error  { return nil }
func (accountsStmt) NumInput() int { return 1 }
func (accountsStmt) Exec([]driver.Value) (driver.Result, error) {
	return nil, errors.New("accounts driver: Exec is not supported")
}
func (accountsStmt) Query(args []driver.Value) (driver.Rows, error) { return lookup(args) }

func checkQuery(q string) error {
	if strings.Join(strings.Fields(q), " ") != accountsQuery {
		return fmt.Errorf("accounts driver: unknown query %q (use %q)", q, accountsQuery)
	}
	return nil
}

func lookup(args []driver.Value) (driver.Rows, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("accounts driver: want 1 argument, got %d", len(args))
	}
	region, ok := args[0].(string)
	if !ok {
		return nil, fmt.Errorf("accounts driver: region must be a string, got %T", args[0])
	}
	t := store[region]
	if t == nil {
		t = &table{failAt: -1}
	}
	return &accountRows{t: t}, nil
}

type accountRows struct {
	t    *table
	next int
}

func (r *accountRows) Columns() []string { return []string{"id", "owner", "balance"} }
func (r *accountRows) Close() error      { return nil }

// Next streams one row; at failAt the stream breaks with the table's error.
func (r *accountRows) Next(dest []driver.Value) error {
	if r.next == r.t.failAt {
		return r.t.err
	}
	if r.next >= len(r.t.rows) {
		return io.EOF
	}
	row := r.t.rows[r.next]
	dest[0], dest[1], dest[2] = row.id, row.owner, row.balance
	r.next++
	return nil
}
