package safe

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"time"
)

// ReadAll keeps every file's contents: fresh bytes, while each file closes with its iteration.
func ReadAll(names []string) ([][]byte, error) {
	var out [][]byte
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return nil, err
		}
		defer f.Close() // want "fix available"
		data, err := io.ReadAll(f)
		if err != nil {
			return nil, err
		}
		out = append(out, data)
	}
	return out, nil
}

// Lines scans each file with a scanner of its own iteration.
func Lines(names []string) (int, error) {
	lines := 0
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return 0, err
		}
		defer f.Close() // want "fix available"
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if sc.Text() != "" {
				lines++
			}
		}
		if err := sc.Err(); err != nil {
			return 0, err
		}
	}
	return lines, nil
}

// Poll asks until the server answers; each attempt has a deadline of its own.
func Poll(client *http.Client, url string) (int, error) {
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel() // want "fix available"
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return 0, err
		}
		resp, err := client.Do(req)
		if err != nil {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		defer resp.Body.Close()
		return resp.StatusCode, nil
	}
}

// Sizes adds up the sizes of the files.
func Sizes(names []string) (int64, error) {
	var total int64
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return 0, err
		}
		defer func() { _ = f.Close() }() // want "fix available"
		st, err := f.Stat()
		if err != nil {
			continue
		}
		total += st.Size()
	}
	return total, nil
}

// Scratch writes each payload to a temporary file of its own and removes it again.
func Scratch(dir string, payloads [][]byte) (int, error) {
	total := 0
	for _, p := range payloads {
		f, err := os.CreateTemp(dir, "job-*")
		if err != nil {
			return 0, err
		}
		defer os.Remove(f.Name()) // want "fix available"
		defer f.Close()           // want "fix available"
		n, err := f.Write(p)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
