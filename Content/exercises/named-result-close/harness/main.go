// Harness for the named-result-close exercise. This file is ours: the check
// always builds the shipped copy next to your work.go.
//
// create hands out fake files (flushWriter). Like a buffered file or an
// upload, a flushWriter keeps what is written in memory and only stores it
// when it is closed, so Close can fail. The seed decides how many saves are
// made, what they write, and which of them fail in Write or in Close. The
// harness prints what each save returned and what ended up stored.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
)

// flushWriter is a fake file that satisfies io.WriteCloser.
type flushWriter struct {
	name        string
	buf         bytes.Buffer
	writes      int
	failWriteAt int  // the write (1-based) that fails; 0: none fails
	failClose   bool // the flush in Close fails
	writeFailed bool
	closes      int
}

func (w *flushWriter) Write(p []byte) (int, error) {
	if w.closes > 0 {
		return 0, fmt.Errorf("write %s: file already closed", w.name)
	}
	w.writes++
	if w.writes == w.failWriteAt {
		w.writeFailed = true
		return 0, fmt.Errorf("write %s: connection reset", w.name)
	}
	return w.buf.Write(p)
}

// Close flushes the buffered data to storage. Only a successful flush
// stores anything.
func (w *flushWriter) Close() error {
	w.closes++
	switch {
	case w.closes > 1:
		return fmt.Errorf("close %s: file already closed", w.name)
	case w.writeFailed:
		return fmt.Errorf("flush %s: aborted after a failed write", w.name)
	case w.failClose:
		return fmt.Errorf("flush %s: disk quota exceeded", w.name)
	}
	stored[w.name] = w.buf.Len()
	return nil
}

var (
	stored = map[string]int{}          // name -> bytes stored
	plans  = map[string]*flushWriter{} // name -> the writer create will hand out
	opened = map[string]*flushWriter{} // name -> the writer create handed out
)

// create opens a new fake file for writing.
func create(name string) (io.WriteCloser, error) {
	w, ok := plans[name]
	if !ok {
		return nil, fmt.Errorf("create %s: no such directory", name)
	}
	opened[name] = w
	return w, nil
}

var fields = []string{"north", "south", "east", "west", "upper", "lower", "inner", "outer"}

func main() {
	seed := flag.Uint64("seed", 1, "seed for the saves")
	flag.Parse()

	rng := rand.New(rand.NewPCG(*seed, *seed^0xc105e))
	n := 4 + rng.IntN(6)
	type job struct {
		name    string
		records []string
	}
	jobs := make([]job, n)
	for i := range jobs {
		name := fmt.Sprintf("report-%02d-%s.csv", i+1, fields[rng.IntN(len(fields))])
		records := make([]string, 1+rng.IntN(6))
		for k := range records {
			records[k] = fmt.Sprintf("%s,%d,%d", fields[rng.IntN(len(fields))], rng.IntN(1000), rng.IntN(100000))
		}
		w := &flushWriter{name: name}
		switch r := rng.IntN(10); {
		case r < 3:
			w.failClose = true
		case r < 5:
			w.failWriteAt = 1 + rng.IntN(len(records))
		}
		jobs[i] = job{name, records}
		plans[name] = w
	}
	// At least one save always fails in Close only.
	pick := plans[jobs[rng.IntN(n)].name]
	pick.failClose, pick.failWriteAt = true, 0

	lost, unclosed := 0, 0
	for _, j := range jobs {
		err := save(j.name, j.records)
		w := opened[j.name]
		result := "ok"
		if err != nil {
			result = "error: " + err.Error()
		}
		state := "nothing stored"
		if size, ok := stored[j.name]; ok {
			state = fmt.Sprintf("%d bytes stored", size)
		}
		switch {
		case w == nil:
			state = "never created"
		case w.closes == 0:
			state = "left open"
			unclosed++
		}
		if err == nil {
			if _, ok := stored[j.name]; !ok {
				lost++ // save said ok, but nothing was stored
			}
		}
		fmt.Printf("save %s [%d lines]: %s; %s\n", j.name, len(j.records), result, state)
	}

	names := make([]string, 0, len(stored))
	for name := range stored {
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Printf("stored: %s\n", strings.Join(names, " "))
	// Saves that returned nil although nothing was stored (limit: 0).
	fmt.Printf("figure: lostErrors=%d\n", lost)
	// Writers that save never closed (limit: 0).
	fmt.Printf("figure: unclosedWriters=%d\n", unclosed)
}
