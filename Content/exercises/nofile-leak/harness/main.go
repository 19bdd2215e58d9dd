// Harness for the nofile-leak exercise. This file is ours: the check always
// builds the shipped copy, so edit work.go only.
//
// It writes 80 to 240 log segments (how many, and what they hold, depends
// on -seed) to a temporary folder and calls bundle (work.go) to stream
// them, in order, into one upload. It prints how many bytes arrived and
// their CRC-32, or the error bundle returned, and exits with status 1 on an
// error. "figure: emfileErrors=N" says whether that error was "too many
// open files" (EMFILE).
//
// The check runs the program with an open-file limit of 64, soft and hard,
// as a container or a systemd unit with LimitNOFILE=64 would.
package main

import (
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// upload is the destination: it counts and checksums what it receives, as
// the body of one HTTP PUT would be.
type upload struct {
	n   int64
	crc uint32
}

func (u *upload) Write(p []byte) (int, error) {
	u.n += int64(len(p))
	u.crc = crc32.Update(u.crc, crc32.IEEETable, p)
	return len(p), nil
}

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the segments")
	flag.Parse()
	os.Exit(run(*seed))
}

// run uses no defer of its own; it removes the folder on every path.
func run(seed uint64) int {
	dir, err := os.MkdirTemp("", "nofile-leak-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	code := ship(dir, seed)
	os.RemoveAll(dir)
	return code
}

func ship(dir string, seed uint64) int {
	paths, size, err := writeSegments(dir, seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	fmt.Printf("segments: %d, %d bytes on disk\n", len(paths), size)

	var up upload
	n, err := bundle(&up, paths)
	emfile := 0
	if err != nil {
		if errors.Is(err, syscall.EMFILE) {
			emfile = 1
		}
		// The folder's name changes from run to run; the segment's does not.
		msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
		fmt.Printf("bundle failed after %d bytes: %s\n", n, msg)
	} else {
		fmt.Printf("bundle: %d bytes\n", n)
	}
	fmt.Printf("upload received: %d bytes, crc32 %08x\n", up.n, up.crc)
	// Did bundle fail with "too many open files"? (limit: 0)
	fmt.Printf("figure: emfileErrors=%d\n", emfile)
	if err != nil || up.n != size {
		return 1
	}
	return 0
}

var (
	levels   = []string{"info", "info", "info", "debug", "warn", "error"}
	services = []string{"orders", "users", "cart", "search", "billing"}
	messages = []string{"request served", "cache miss", "retrying upstream", "slow query", "connection closed", "job done"}
)

// writeSegments writes the segment files, one at a time, and returns their
// paths in order with their total size.
func writeSegments(dir string, seed uint64) ([]string, int64, error) {
	rng := rand.New(rand.NewPCG(seed, 0x5e9))
	n := 80 + rng.IntN(161)
	paths := make([]string, n)
	var size int64
	ts := 1_714_000_000 + rng.Int64N(10_000_000)
	for i := range paths {
		var b strings.Builder
		for k := 3 + rng.IntN(30); k > 0; k-- {
			ts += rng.Int64N(5)
			fmt.Fprintf(&b, "%d level=%s svc=%s msg=%q dur_ms=%d\n", ts,
				levels[rng.IntN(len(levels))], services[rng.IntN(len(services))],
				messages[rng.IntN(len(messages))], rng.IntN(2000))
		}
		paths[i] = filepath.Join(dir, fmt.Sprintf("segment-%06d.log", i+1))
		if err := os.WriteFile(paths[i], []byte(b.String()), 0o644); err != nil {
			return nil, 0, err
		}
		size += int64(b.Len())
	}
	return paths, size, nil
}
