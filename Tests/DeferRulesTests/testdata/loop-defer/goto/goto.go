package gotos

import "os"

// Again runs the loop again through a backward goto: the defer can run more than once.
func Again(names []string) {
	tries := 0
again:
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want "defer runs when Again returns"
		_, _ = f.Stat()
		break
	}
	tries++
	if tries < 3 {
		goto again
	}
}
