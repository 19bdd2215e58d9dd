// Harness for the "http-body-loop" exercise. DeferLab always builds this
// shipped copy together with your work.go, so editing it changes nothing in
// a check.
//
// It starts a small package index on a local httptest.Server: for every
// package it serves the release list, newest release first, one release per
// line (10 to 27 KB per package). Which packages exist and what they released
// depends on -seed. It calls latestReleases from work.go with 200 to 600
// package names and prints what came back.
//
// The client it hands to latestReleases counts the response bodies that are
// open (handed out and not closed yet); the harness prints the most that
// were open at once as "figure: peakOpenBodies=N": a measurement, not
// output.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Release is one line of a release list: "v1.4.2<TAB>2024-03-18<TAB>sha256:…".
type Release struct {
	Version string
	Date    string
}

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the packages and their releases")
	flag.Parse()
	os.Exit(run(*seed))
}

// bodyCounter is the client's transport: it passes every request on to an
// ordinary http.Transport and counts the response bodies that have been
// handed out and not yet closed. An open body that has not been read to
// the end keeps its connection busy.
type bodyCounter struct {
	next       http.RoundTripper
	mu         sync.Mutex
	open, peak int
}

func (c *bodyCounter) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.open++
	c.peak = max(c.peak, c.open)
	c.mu.Unlock()
	resp.Body = &countedBody{ReadCloser: resp.Body, c: c}
	return resp, nil
}

type countedBody struct {
	io.ReadCloser
	c    *bodyCounter
	once sync.Once
}

func (b *countedBody) Close() error {
	b.once.Do(func() {
		b.c.mu.Lock()
		b.c.open--
		b.c.mu.Unlock()
	})
	return b.ReadCloser.Close()
}

func run(seed uint64) int {
	names, lists := makeIndex(seed)

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/packages/")
		name, ok2 := strings.CutSuffix(name, "/releases")
		body, found := lists[name]
		if !ok || !ok2 || !found {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
	transport := &http.Transport{}
	bodies := &bodyCounter{next: transport}
	client := &http.Client{Transport: bodies, Timeout: 10 * time.Second}

	latest, err := latestReleases(client, srv.URL, names)
	transport.CloseIdleConnections()
	srv.Close()

	fmt.Printf("packages: %d\n", len(names))
	fmt.Printf("answers: %d\n", len(latest))
	for _, name := range names {
		r := latest[name]
		fmt.Printf("%s %s %s\n", name, r.Version, r.Date)
	}
	bodies.mu.Lock()
	fmt.Printf("figure: peakOpenBodies=%d\n", bodies.peak)
	bodies.mu.Unlock()
	if err != nil {
		// The error holds the server's address, which differs per run.
		fmt.Println("latestReleases failed")
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	return 0
}

var stems = []string{
	"yaml", "retry", "backoff", "semver", "uuid", "cron", "jwt", "lru",
	"ratelimit", "glob", "toml", "humanize", "color", "shlex", "xattr",
}

// makeIndex returns 200 to 600 distinct package names, in the order they are
// asked for, and every package's release list.
func makeIndex(seed uint64) ([]string, map[string][]byte) {
	rng := rand.New(rand.NewPCG(seed, 0x4e77b0d1))
	n := 200 + rng.IntN(401)
	names := make([]string, 0, n)
	bodies := make(map[string][]byte, n)
	for len(names) < n {
		name := fmt.Sprintf("%s-%d", stems[rng.IntN(len(stems))], rng.IntN(1000))
		if _, dup := bodies[name]; dup {
			continue
		}
		names = append(names, name)

		// Releases from v0.1.0 up, then listed newest first. The newest
		// one is from late 2024; the ones before it are 1 to 9 days apart.
		lines := make([]string, 180+rng.IntN(271))
		major, minor, patch := 0, 1, 0
		day := 20050 + rng.IntN(30) - 5*len(lines) // days since 1970
		for i := range lines {
			lines[i] = fmt.Sprintf("v%d.%d.%d\t%s\tsha256:%016x%016x\n", major, minor, patch,
				time.Unix(int64(day)*86400, 0).UTC().Format(time.DateOnly), rng.Uint64(), rng.Uint64())
			day += 1 + rng.IntN(9)
			switch r := rng.IntN(20); {
			case r == 0:
				major, minor, patch = major+1, 0, 0
			case r < 5:
				minor, patch = minor+1, 0
			default:
				patch++
			}
		}
		slices.Reverse(lines)
		bodies[name] = []byte(strings.Join(lines, ""))
	}
	return names, bodies
}
