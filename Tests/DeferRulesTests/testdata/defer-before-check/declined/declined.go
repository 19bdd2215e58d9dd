package declined

import (
	"errors"
	"fmt"
	"os"
)

type conn struct{ fd int }

// Close needs a connection: it writes its field.
func (c *conn) Close() error {
	c.fd = -1
	return nil
}

func dialConn(name string) (*conn, error) {
	if name == "" {
		return nil, errors.New("no name")
	}
	return &conn{fd: 3}, nil
}

// Passed hands err on instead of checking it.
func Passed(name string) error {
	f, err := dialConn(name)
	defer f.Close() // want "not fixed: the next statement that uses err is not a plain if err != nil \\{ … \\} without init statement or else"
	return report(err)
}

// NoCheck never checks its named result err in the same block.
func NoCheck(name string) (err error) {
	var f *conn
	f, err = dialConn(name)
	defer f.Close() // want "not fixed: err is not checked later in the same block"
	return
}

// Compound checks err with more than err != nil.
func Compound(name string) error {
	f, err := dialConn(name)
	defer f.Close() // want "not fixed: the next statement that uses err is not a plain if err != nil \\{ … \\} without init statement or else"
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

// Continues does not leave the function when err != nil.
func Continues(name string) {
	f, err := dialConn(name)
	defer f.Close() // want "not fixed: the if err != nil block does not always leave the function"
	if err != nil {
		fmt.Println("cannot open", name)
	}
	fmt.Println("done")
}

// TwoDefers has another defer between the defer and the check.
func TwoDefers(name string) error {
	f, err := dialConn(name)
	defer f.Close() // want "not fixed: another defer lies between the defer and the err check"
	defer fmt.Println("leaving")
	if err != nil {
		return err
	}
	return nil
}

// EarlyReturn can leave the function between the defer and the check.
func EarlyReturn(name string) error {
	f, err := dialConn(name)
	defer f.Close() // want "not fixed: a statement between the defer and the err check can leave the function"
	if name == "" {
		return nil
	}
	if err != nil {
		return err
	}
	return nil
}

func report(err error) error { return err }

type tester struct{}

func (tester) Fatalf(string, ...any) {}

// NotTesting: a Fatalf method of another type may return.
func NotTesting(t tester, name string) {
	f, err := dialConn(name)
	defer f.Close() // want "not fixed: the if err != nil block does not always leave the function"
	if err != nil {
		t.Fatalf("open: %v", err)
	}
}
