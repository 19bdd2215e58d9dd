// Harness for the "select-loop-defer" exercise. DeferLab always builds this
// shipped copy together with your work.go, so editing it changes nothing in
// a check.
//
// It starts worker from work.go in its own goroutine, sends it 200 to 600
// jobs (how many, and their payloads, depends on -seed) one at a time, then
// closes done and prints the worker's tally.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"
)

// Job is one unit of work: a payload the worker must pass through a
// scratch file.
type Job struct {
	ID      int
	Payload []byte
}

// Tally is what the worker reports when it stops.
type Tally struct {
	Jobs  int    // jobs finished
	Bytes int64  // payload bytes read back from scratch files
	Sum   uint32 // CRC-32 (IEEE) of those bytes, in job order
}

// The whole run must be over well before this.
const deadline = 3 * time.Second

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the jobs")
	flag.Parse()
	os.Exit(run(*seed))
}

// run uses no defer of its own, so that the pending-defer figure is the
// worker's alone; it cleans up explicitly on every path.
func run(seed uint64) int {
	dir, err := os.MkdirTemp("", "select-loop-defer-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	code := feed(dir, seed)
	cleanup(dir)
	return code
}

type outcome struct {
	tally Tally
	err   error
}

func feed(dir string, seed uint64) int {
	rng := rand.New(rand.NewPCG(seed, 0x5e1ec7100b))
	n := 200 + rng.IntN(401)

	jobs := make(chan Job) // unbuffered: a send completes when the worker takes the job
	done := make(chan struct{})
	result := make(chan outcome, 1)
	go func() {
		t, err := worker(dir, jobs, done)
		result <- outcome{t, err}
	}()

	timeout := time.After(deadline)
	sent := 0
	for ; sent < n; sent++ {
		p := make([]byte, 16+rng.IntN(497))
		for i := range p {
			p[i] = byte(rng.Uint32())
		}
		select {
		case jobs <- Job{ID: sent + 1, Payload: p}:
		case r := <-result:
			fmt.Printf("worker returned after taking %d of %d jobs\n", sent, n)
			report(dir, r)
			return 1
		case <-timeout:
			fmt.Printf("worker stopped taking jobs after %d of %d\n", sent, n)
			return 1
		}
	}
	// Every job has been taken, so the worker sees only done from now on.
	close(done)

	select {
	case r := <-result:
		fmt.Printf("jobs sent: %d\n", n)
		return report(dir, r)
	case <-timeout:
		fmt.Println("worker did not return after done was closed")
		return 1
	}
}

func report(dir string, r outcome) int {
	fmt.Printf("jobs done: %d\n", r.tally.Jobs)
	fmt.Printf("bytes: %d\n", r.tally.Bytes)
	fmt.Printf("checksum: %08x\n", r.tally.Sum)
	left, _ := os.ReadDir(dir)
	fmt.Printf("scratch files left: %d\n", len(left))
	if r.err != nil {
		fmt.Println("worker failed")
		fmt.Fprintln(os.Stderr, "error:", r.err)
		return 1
	}
	return 0
}

// cleanup removes the scratch folder. os.Remove is enough when the worker
// removed its files; os.RemoveAll is the fallback.
func cleanup(dir string) {
	if os.Remove(dir) != nil {
		os.RemoveAll(dir)
	}
}
