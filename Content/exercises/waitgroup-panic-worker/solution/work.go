// Reference solution for the waitgroup-panic-worker exercise.
package main

import (
	"fmt"
	"sync"
)

// ingest reads every partition in its own goroutine and decodes its lines
// with decodeEvent. A line that cannot be decoded is recorded in Rejected
// and skipped; the rest of its partition is still read.
func ingest(parts []*Partition) Stats {
	st := Stats{ByService: make(map[string]int)}
	var mu sync.Mutex // guards st
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done() // once per worker, however its loop ends
			for {
				line, off, ok := p.Next()
				if !ok {
					return
				}
				ev, err := decode(line)

				mu.Lock()
				if err != nil {
					st.Rejected = append(st.Rejected, Offset{p.ID, off})
				} else {
					st.Events++
					st.Bytes += ev.Bytes
					st.ByService[ev.Service]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return st
}

// decode calls decodeEvent and turns a panic in it into an error. The
// deferred recover belongs to this call only, so a bad line costs that line
// and nothing else: the worker goes on with the next one.
func decode(line string) (ev Event, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decodeEvent panicked: %v", r)
		}
	}()
	return decodeEvent(line)
}
