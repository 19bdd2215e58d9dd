// Harness for the "ticker-stop-loop" exercise. DeferLab always builds this
// shipped copy together with your work.go, so editing it changes nothing in
// a check.
//
// It plays a rolling restart of 150 to 400 instances (names, order and how
// many health checks each needs depend on -seed) and calls waitHealthy from
// work.go to wait for them one after the other. Most instances pass within
// a few checks; exactly one needs 250 ms, longer than slowAfter, and must be
// reported as slow. Time runs about a thousand times faster than in a real
// deployment: a poll every millisecond, a warning after 100 ms.
//
// The logger handed to waitHealthy records every warning. A warning about an
// instance that had already passed its health check is a false alarm; the
// harness prints how many there were as "figure: staleWarnings=N", a
// measurement, not output.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

const (
	pollEvery = 1 * time.Millisecond   // how often waitHealthy checks an instance
	slowAfter = 100 * time.Millisecond // when an instance counts as slow
	slowStart = 250 * time.Millisecond // how long the one slow instance needs
	deadline  = 5 * time.Second        // for the whole rolling restart
)

// Instance is one restarted service instance.
type Instance struct {
	Name string

	needed  int          // checks until healthy; 0: healthy slowStart after the first check
	checks  atomic.Int32 // Healthy calls so far
	first   atomic.Int64 // time of the first check, in UnixNano
	healthy atomic.Bool
}

// Healthy runs one health check.
func (in *Instance) Healthy() bool {
	n := in.checks.Add(1)
	now := time.Now().UnixNano()
	in.first.CompareAndSwap(0, now)
	ok := in.healthy.Load()
	switch {
	case ok:
	case in.needed > 0:
		ok = int(n) >= in.needed
	default:
		ok = time.Duration(now-in.first.Load()) >= slowStart
	}
	if ok {
		in.healthy.Store(true)
	}
	return ok
}

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the instances")
	flag.Parse()
	os.Exit(run(*seed))
}

func run(seed uint64) int {
	instances := makeInstances(seed)
	byName := make(map[string]*Instance, len(instances))
	for _, in := range instances {
		byName[in.Name] = in
	}
	warned := &warnings{byName: byName}

	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	err := waitHealthy(ctx, instances, slog.New(&warningLog{warnings: warned}))
	cancel()

	fmt.Printf("instances: %d\n", len(instances))
	for _, in := range instances {
		switch {
		case !in.healthy.Load():
			fmt.Printf("%s: not healthy\n", in.Name)
		case in.needed == 0:
			fmt.Printf("%s: healthy after a slow start\n", in.Name)
		default:
			fmt.Printf("%s: healthy (checks: %d)\n", in.Name, in.checks.Load())
		}
	}
	warned.mu.Lock()
	fmt.Printf("slow instances reported: %v\n", warned.slow)
	fmt.Printf("figure: staleWarnings=%d\n", warned.stale)
	warned.mu.Unlock()
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	return 0
}

// warningLog is a slog.Handler that sorts warnings about instances: about
// one still unhealthy (a real slow start) or one already healthy (stale).
type warningLog struct {
	*warnings
	attrs []slog.Attr // from Logger.With
}

type warnings struct {
	byName map[string]*Instance
	mu     sync.Mutex
	slow   []string
	stale  int
}

func (h *warningLog) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }
func (h *warningLog) WithGroup(string) slog.Handler                { return h }

func (h *warningLog) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &warningLog{warnings: h.warnings, attrs: append(h.attrs[:len(h.attrs):len(h.attrs)], attrs...)}
}

func (h *warningLog) Handle(_ context.Context, r slog.Record) error {
	var in *Instance
	find := func(a slog.Attr) bool {
		if a.Key == "instance" {
			in = h.byName[a.Value.String()]
			return false
		}
		return true
	}
	for _, a := range h.attrs {
		if !find(a) {
			break
		}
	}
	r.Attrs(find)
	h.mu.Lock()
	switch {
	case in == nil:
		h.slow = append(h.slow, "(a warning without a known instance)")
	case in.healthy.Load():
		h.stale++
	default:
		h.slow = append(h.slow, in.Name)
	}
	h.mu.Unlock()
	return nil
}

var roles = []string{"api", "web", "auth", "search", "billing", "cache", "worker", "gateway"}

// makeInstances returns 150 to 400 instances in restart order. Half pass
// their first check, the others need 2 to 4; one, not among the first ten,
// needs slowStart.
func makeInstances(seed uint64) []*Instance {
	rng := rand.New(rand.NewPCG(seed, 0x71c4e7))
	n := 150 + rng.IntN(251)
	seen := map[string]bool{}
	out := make([]*Instance, 0, n)
	for len(out) < n {
		name := fmt.Sprintf("%s-%02d", roles[rng.IntN(len(roles))], rng.IntN(100))
		if seen[name] {
			continue
		}
		seen[name] = true
		needed := 1
		if rng.IntN(2) == 0 {
			needed = 2 + rng.IntN(3)
		}
		out = append(out, &Instance{Name: name, needed: needed})
	}
	out[10+rng.IntN(n-10)].needed = 0
	return out
}
