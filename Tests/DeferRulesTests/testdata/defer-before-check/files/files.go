package files

import (
	"database/sql"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"testing"
)

// Read closes the body before checking: the defer moves after the check.
func Read(url string) ([]byte, error) {
	resp, err := http.Get(url)
	defer resp.Body.Close() // want "defer uses resp before err is checked: if http.Get fails, resp may be nil, and the deferred resp.Body.Close\\(\\) reads resp.Body through a nil pointer and panics \\(fix available\\)"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Gap has statements and blank lines between the three places.
func Gap(client *http.Client, url string) ([]byte, error) {
	resp, err := client.Get(url)
	size := 512

	// Close when done.
	defer resp.Body.Close() // want "fix available"

	buf := make([]byte, size)
	if err != nil {
		return nil, err
	}
	n, err := resp.Body.Read(buf)
	return buf[:n], err
}

// Literal defers a function literal that uses the response.
func Literal(url string) (int, error) {
	resp, err := http.Get(url)
	defer func() { // want "defer uses resp before err is checked: if http.Get fails, resp may be nil, and the deferred io.Copy\\(io.Discard, resp.Body\\) reads resp.Body through a nil pointer and panics"
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Fatal leaves the function through log.Fatal; the error has another name. Nothing in
// database/sql's documentation says the rows need no closing on error: unsafe.
func Fatal(db *sql.DB) int {
	rows, queryErr := db.Query("select 1")
	defer rows.Close() // want "defer uses rows before queryErr is checked: .*\\(\\*Rows\\).Close dereferences its nil receiver and panics \\(unsafe fix: nothing proves that rows needs no clean-up when db.Query fails"
	if queryErr != nil {
		log.Fatal(queryErr)
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n
}

// Interface closes a connection that is a nil interface on failure.
func Interface(addr string) error {
	conn, err := net.Dial("tcp", addr)
	defer conn.Close() // want "calls Close on a nil interface \\(conn\\) and panics \\(unsafe fix"
	if err != nil {
		return err
	}
	_, err = conn.Write([]byte("hello"))
	return err
}

// Nested is inside a loop body and a switch clause.
func Nested(urls []string) {
	for _, u := range urls {
		switch u {
		case "":
		default:
			func() {
				resp, err := http.Get(u)
				defer resp.Body.Close() // want "fix available"
				if err != nil {
					panic(err)
				}
				io.Copy(io.Discard, resp.Body)
			}()
		}
	}
}

// Test stops with t.Fatalf, which ends the test's goroutine.
func Test(t *testing.T, url string) {
	resp, err := http.Get(url)
	defer resp.Body.Close() // want "defer uses resp before err is checked.*\\(fix available\\)"
	if err != nil {
		t.Fatalf("get: %v", err)
	}
}

type conn struct{ fd int }

// Close needs a connection: it writes its field.
func (c *conn) Close() error {
	c.fd = -1
	return nil
}

func dialConn(addr string) (*conn, error) {
	if addr == "" {
		return nil, errors.New("no address")
	}
	return &conn{fd: 3}, nil
}

// Dial: dialConn returns nil with every error, so the move is safe.
func Dial(addr string) (int, error) {
	c, err := dialConn(addr)
	defer c.Close() // want "\\(\\*conn\\).Close reads its receiver's fields without checking for nil, and panics \\(fix available\\)"
	if err != nil {
		return 0, err
	}
	return c.fd, nil
}

func dialEither(addr string) (*conn, error) {
	if addr == "" {
		return nil, errors.New("no address")
	}
	if addr == "busy" {
		return &conn{fd: 4}, errors.New("busy, but connected")
	}
	return &conn{fd: 3}, nil
}

// Either: dialEither can return a connection together with an error, so the move is unsafe.
func Either(addr string) error {
	c, err := dialEither(addr)
	defer c.Close() // want "unsafe fix: nothing proves that c needs no clean-up when dialEither fails"
	if err != nil {
		return err
	}
	return nil
}

func release(c *conn) { c.fd = 0 }

// Helper: a function of the package that dereferences its argument.
func Helper(addr string) error {
	c, err := dialConn(addr)
	defer release(c) // want "release reads through its argument without checking for nil, and panics \\(fix available\\)"
	if err != nil {
		return err
	}
	return nil
}
