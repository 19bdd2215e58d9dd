package nested

import "os"

// Both loops defer: each gets its own wrap.
func Both(dirs [][]string) error {
	for _, names := range dirs {
		d, err := os.Open(".")
		if err != nil {
			return err
		}
		defer d.Close() // want "fix available"
		_, _ = d.Stat()
		for _, name := range names {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close() // want "fix available"
			_, _ = f.Stat()
		}
	}
	return nil
}

// InLiteral: loops inside function literals and call arguments are checked too.
func InLiteral(run func(string, func()), names []string) {
	run("all", func() {
		for _, name := range names {
			f, err := os.Open(name)
			if err != nil {
				continue
			}
			defer f.Close() // want "defer runs when the enclosing function literal returns"
		}
	})
}
