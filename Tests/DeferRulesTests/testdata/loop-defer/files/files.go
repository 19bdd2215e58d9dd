package files

import (
	"io"
	"os"
)

// CountBytes opens every file and sums their sizes.
func CountBytes(names []string) (int64, error) {
	var total int64
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return 0, err
		}
		defer f.Close() // want "defer runs when CountBytes returns, not at the end of each iteration: every iteration adds one more pending f.Close\\(\\) until then \\(fix available\\)"
		n, err := io.Copy(io.Discard, f)
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// FirstLine has named results and a bare return.
func FirstLine(names []string) (line string, err error) {
	for i := 0; i < len(names); i++ {
		var f *os.File
		f, err = os.Open(names[i])
		if err != nil {
			return
		}
		defer f.Close() // want "fix available"
		buf := make([]byte, 10)
		if _, err = f.Read(buf); err != nil {
			continue
		}
		line = string(buf)
	}
	return
}
