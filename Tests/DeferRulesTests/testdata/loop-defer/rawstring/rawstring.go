package rawstring

import (
	"fmt"
	"os"
)

// Report writes a multi-line raw string in the wrapped body: its bytes must not move.
func Report(names []string) {
	for _, name := range names {
		f, err := os.Create(name)
		if err != nil {
			return
		}
		defer f.Close() // want "fix available"
		fmt.Fprint(f, `first line
	second line, indented with a tab
third line`)
		/* a block comment
		   across lines */
	}
}
