// Harness for the time-since-early exercise. This file is ours: the check
// always builds the shipped copy next to your work.go.
//
// It makes a seed-dependent list of steps, each of which sleeps for a
// seed-dependent 5 to 20 ms, runs every step through timeStep in work.go and
// then compares what timeStep recorded with how long the step really took.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"time"
)

type entry struct {
	name string
	took time.Duration
}

var recorded []entry

// record is the metrics call that work.go uses: it stores how long a named
// step took.
func record(name string, took time.Duration) {
	recorded = append(recorded, entry{name, took})
}

var verbs = []string{"load", "parse", "check", "merge", "index", "encode", "upload", "notify"}

func main() {
	seed := flag.Uint64("seed", 1, "seed for the steps")
	flag.Parse()

	rng := rand.New(rand.NewPCG(*seed, *seed^0x7135))
	n := 4 + rng.IntN(6)
	short := 0
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("%s-%d", verbs[rng.IntN(len(verbs))], rng.IntN(100))
		sleep := time.Duration(5+rng.IntN(16)) * time.Millisecond

		recorded = recorded[:0]
		before := time.Now()
		timeStep(name, func() { time.Sleep(sleep) })
		outer := time.Since(before)

		// A correct record lies between the sleep (the least the step can
		// take) and the time the whole timeStep call took.
		verdict := "ok"
		switch {
		case len(recorded) == 0:
			verdict = "not recorded"
		case len(recorded) > 1:
			verdict = fmt.Sprintf("recorded %d times", len(recorded))
		case recorded[0].name != name:
			verdict = fmt.Sprintf("recorded under the wrong name %q", recorded[0].name)
		case recorded[0].took < sleep:
			verdict = "too short"
		case recorded[0].took > outer:
			verdict = "too long"
		}
		if verdict != "ok" {
			short++
		}
		fmt.Printf("step %d %s (sleeps %d ms): %s\n", i, name, sleep/time.Millisecond, verdict)
	}
	// Every step that was not recorded correctly counts here (limit: 0).
	fmt.Printf("figure: shortRecords=%d\n", short)
}
