package outer

import "os"

// FirstOfEach opens the first readable file of every group: once per group, many per call.
func FirstOfEach(groups [][]string) int {
	n := 0
	for _, names := range groups {
		for _, name := range names {
			f, err := os.Open(name)
			if err != nil {
				continue
			}
			defer f.Close() // want "defer runs when FirstOfEach returns, not at the end of each iteration"
			_, _ = f.Stat()
			n++
			break
		}
	}
	return n
}

// FirstOverall returns from the inner loop: at most one defer per call, silent.
func FirstOverall(groups [][]string) *os.File {
	for _, names := range groups {
		for _, name := range names {
			f, err := os.Open(name)
			if err != nil {
				continue
			}
			defer f.Close()
			return f
		}
	}
	return nil
}

// LabeledBreak leaves both loops after deferring: silent.
func LabeledBreak(groups [][]string) {
all:
	for _, names := range groups {
		for _, name := range names {
			f, err := os.Open(name)
			if err != nil {
				continue
			}
			defer f.Close()
			break all
		}
	}
}
