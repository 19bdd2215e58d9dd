package files

import (
	"io"
	"log"
	"net/http"
	"os"
	"testing"
)

// Read closes before checking: the defer moves after the check.
func Read(name string) ([]byte, error) {
	f, err := os.Open(name)
	defer f.Close() // want "defer uses f before err is checked: if os.Open fails, f may be nil, and the deferred f.Close\\(\\) still uses it when the function returns \\(a method on a nil pointer may handle nil or panic; a call on a nil interface panics\\) \\(fix available\\)"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// Gap has statements and blank lines between the three places.
func Gap(name string) ([]byte, error) {
	f, err := os.Open(name)
	size := 512

	// Close when done.
	defer f.Close() // want "fix available"

	buf := make([]byte, size)
	if err != nil {
		return nil, err
	}
	n, err := f.Read(buf)
	return buf[:n], err
}

// Literal defers a function literal that uses the response.
func Literal(url string) (int, error) {
	resp, err := http.Get(url)
	defer func() { // want "defer uses resp before err is checked: if http.Get fails, resp may be nil, and the deferred func\\(\\) \\{ … \\}\\(\\) still uses it"
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Fatal leaves the function through log.Fatal; the error has another name.
func Fatal(name string) int64 {
	f, openErr := os.Open(name)
	defer f.Close() // want "defer uses f before openErr is checked"
	if openErr != nil {
		log.Fatal(openErr)
	}
	st, _ := f.Stat()
	return st.Size()
}

// Nested is inside a loop body and a switch clause.
func Nested(names []string) {
	for _, name := range names {
		switch name {
		case "":
		default:
			func() {
				f, err := os.Open(name)
				defer f.Close() // want "fix available"
				if err != nil {
					panic(err)
				}
				io.Copy(os.Stdout, f)
			}()
		}
	}
}

// Test stops with t.Fatalf, which ends the test's goroutine.
func Test(t *testing.T, name string) {
	f, err := os.Open(name)
	defer f.Close() // want "defer uses f before err is checked.*\\(fix available\\)"
	if err != nil {
		t.Fatalf("open: %v", err)
	}
}
