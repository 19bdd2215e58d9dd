// Harness for the "loop-files" exercise. DeferLab always builds this shipped
// copy together with your work.go, so editing it changes nothing in a check.
//
// It creates a few hundred small log files in a temporary folder (how many,
// and what they contain, depends on -seed), hands their paths to
// checksumFiles from work.go and prints what came back.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the files and their contents")
	flag.Parse()
	os.Exit(run(*seed))
}

// run returns the exit status, so that the deferred RemoveAll still runs
// before main calls os.Exit.
func run(seed uint64) int {
	dir, err := os.MkdirTemp("", "loop-files-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	var paths []string
	// Remove the files one by one rather than with os.RemoveAll, which opens
	// the folder and would add to the open-file figure of every run.
	defer func() {
		for _, p := range paths {
			os.Remove(p)
		}
		os.Remove(dir)
	}()

	paths, err = makeFiles(dir, seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}

	lines, sum, err := checksumFiles(paths)
	if err != nil {
		// The error may contain the temp folder's name, which differs per run.
		fmt.Println("checksumFiles failed")
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	fmt.Printf("files: %d\n", len(paths))
	fmt.Printf("lines: %d\n", lines)
	fmt.Printf("checksum: %08x\n", sum)
	return 0
}

var words = []string{
	"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
	"hotel", "india", "juliet", "kilo", "lima", "mike", "november",
}

// makeFiles writes 300 to 800 files, each with 1 to 12 lines of random
// words, and returns their paths in the order they must be read (on an
// error, the paths written so far, for the clean-up).
func makeFiles(dir string, seed uint64) ([]string, error) {
	rng := rand.New(rand.NewPCG(seed, 0x10f11e5))
	n := 300 + rng.IntN(501)
	paths := make([]string, 0, n)
	for i := 0; i < n; i++ {
		var b strings.Builder
		for l := 1 + rng.IntN(12); l > 0; l-- {
			for w := 1 + rng.IntN(6); w > 0; w-- {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d\n", rng.IntN(100000))
		}
		p := filepath.Join(dir, fmt.Sprintf("part-%04d.log", i))
		if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
