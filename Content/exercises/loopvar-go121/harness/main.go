// Harness for the loopvar-go121 exercise. This file is ours: the check always
// builds the shipped copy next to your work.go, in a module whose go line is
// 1.21 (so a loop's variables are shared by all of its iterations).
//
// It makes a seed-dependent list of jobs, hands it to runBatch in work.go,
// sorts the lines the workers reported and prints them.
package main

import (
	"flag"
	"fmt"
	"hash/crc32"
	"math/rand"
	"sort"
	"strings"
)

// Job is one piece of work for a worker.
type Job struct {
	Name string
	Data []byte
}

// process does the work for one job and describes the result in one line.
func process(j Job) string {
	return fmt.Sprintf("%s: %d bytes, crc %08x", j.Name, len(j.Data), crc32.ChecksumIEEE(j.Data))
}

var words = []string{"amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heron",
	"iris", "juniper", "kelp", "lotus", "maple", "nectar", "onyx", "pine"}

func main() {
	seed := flag.Int64("seed", 1, "seed for the job list")
	flag.Parse()

	rng := rand.New(rand.NewSource(int64(*seed)))
	n := 3 + rng.Intn(8)
	jobs := make([]Job, n)
	for i := range jobs {
		data := make([]byte, 16+rng.Intn(240))
		for k := range data {
			data[k] = byte(rng.Intn(256))
		}
		jobs[i] = Job{Name: fmt.Sprintf("%02d-%s", i+1, words[rng.Intn(len(words))]), Data: data}
	}

	lines := runBatch(jobs)
	sort.Strings(lines)
	fmt.Printf("jobs: %d, reports: %d\n", len(jobs), len(lines))
	fmt.Println(strings.Join(lines, "\n"))

	// Measured, not part of the output: how many jobs no worker reported.
	reported := make(map[string]bool, len(lines))
	for _, l := range lines {
		reported[l] = true
	}
	missed := 0
	for _, j := range jobs {
		if !reported[process(j)] {
			missed++
		}
	}
	fmt.Printf("figure: jobsNotProcessed=%d\n", missed)
}
