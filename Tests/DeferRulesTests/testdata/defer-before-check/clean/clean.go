package clean

import (
	"io"
	"os"
)

// Checked defers after the check: nothing to report.
func Checked(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Handles looks at err inside the deferred function itself.
func Handles(name string) {
	f, err := os.Open(name)
	defer func() {
		if err == nil {
			f.Close()
		}
	}()
	if err != nil {
		return
	}
}

// Other defers something unrelated before the check.
func Other(name string, done chan struct{}) error {
	f, err := os.Open(name)
	defer close(done)
	if err != nil {
		return err
	}
	return f.Close()
}

// Reassigned gives f a new value before the defer.
func Reassigned(name string) {
	f, err := os.Open(name)
	if f == nil {
		f = os.Stdin
	}
	defer f.Close()
	_ = err
}

// NotAnError: the last result is not named like an error.
func NotAnError(m map[string]*os.File, name string) {
	f, ok := lookup(m, name)
	defer f.Close()
	if !ok {
		return
	}
}

func lookup(m map[string]*os.File, name string) (*os.File, bool) {
	f, ok := m[name]
	return f, ok
}

// Guarded: the deferred function checks f for nil itself.
func Guarded(name string) error {
	f, err := os.Open(name)
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	if err != nil {
		return err
	}
	return nil
}

// NilSafe closes before the check, but (*os.File).Close returns os.ErrInvalid on nil:
// correct code, not a finding.
func NilSafe(name string) ([]byte, error) {
	f, err := os.Open(name)
	defer f.Close()
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

type serverResponse struct {
	body       io.ReadCloser
	statusCode int
}

func (c *client) get(path string) (serverResponse, error) {
	if path == "" {
		return serverResponse{statusCode: -1}, errNoPath
	}
	return serverResponse{body: io.NopCloser(nil), statusCode: 200}, nil
}

type client struct{}

var errNoPath = os.ErrInvalid

// ensureReaderClosed checks for nil itself, so deferring it before the check is correct.
func ensureReaderClosed(response serverResponse) {
	if response.body != nil {
		_, _ = io.Copy(io.Discard, response.body)
		_ = response.body.Close()
	}
}

// Helper defers a nil-safe helper before the check: the response must be closed on both paths.
func Helper(c *client, path string) (int, error) {
	resp, err := c.get(path)
	defer ensureReaderClosed(resp)
	if err != nil {
		return resp.statusCode, err
	}
	return resp.statusCode, nil
}
