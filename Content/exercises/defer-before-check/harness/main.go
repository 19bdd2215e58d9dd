// Harness for the defer-before-check exercise. This file is ours: the check
// always builds the shipped copy next to your work.go.
//
// It starts a local HTTP server (127.0.0.1 only), builds a list of URLs from
// the seed (most point at the server, some cannot be fetched: a port that
// nobody listens on, or a scheme that net/http does not speak), hands them to
// fetchAll in work.go and prints the summary.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// pageSize is the body length the server sends for page k.
func pageSize(seed uint64, k int) int {
	return 100 + int((seed*2654435761+uint64(k)*40503)%4000)
}

// countingTransport wraps the default transport and counts the response
// bodies it hands out and the ones that were closed.
type countingTransport struct {
	opened, closed atomic.Int64
}

type countedBody struct {
	io.ReadCloser
	t    *countingTransport
	once sync.Once
}

func (b *countedBody) Close() error {
	b.once.Do(func() { b.t.closed.Add(1) })
	return b.ReadCloser.Close()
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	t.opened.Add(1)
	resp.Body = &countedBody{ReadCloser: resp.Body, t: t}
	return resp, nil
}

// closedPortURL returns a URL on 127.0.0.1 whose port had a listener a moment
// ago and has none now, so connecting to it is refused.
func closedPortURL() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(1)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/gone"
}

func main() {
	seed := flag.Uint64("seed", 1, "seed for the URL list")
	flag.Parse()

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/page/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(strings.Repeat("x", pageSize(*seed, k))))
	}))

	rng := rand.New(rand.NewPCG(*seed, *seed^0x5eed))
	n := 8 + rng.IntN(13)
	bad := closedPortURL()
	urls := make([]string, 0, n+1)
	for i := 0; i < n; i++ {
		switch r := rng.IntN(10); {
		case r < 2:
			urls = append(urls, bad)
		case r < 3:
			urls = append(urls, fmt.Sprintf("gopher://127.0.0.1/page/%d", i))
		default:
			urls = append(urls, fmt.Sprintf("%s/page/%d", srv.URL, i))
		}
	}
	// At least one URL always fails, at a position that depends on the seed.
	pos := rng.IntN(len(urls) + 1)
	urls = append(urls[:pos], append([]string{bad}, urls[pos:]...)...)

	tr := &countingTransport{}
	client := &http.Client{Transport: tr, Timeout: 2 * time.Second}
	sum := fetchAll(client, urls)

	fmt.Printf("urls: %d\n", len(urls))
	fmt.Printf("fetched: %d\n", sum.OK)
	fmt.Printf("failed: %d\n", sum.Failed)
	fmt.Printf("bytes: %d\n", sum.Bytes)

	// Every body that was handed out must have been closed.
	fmt.Printf("figure: unclosedBodies=%d\n", tr.opened.Load()-tr.closed.Load())

	http.DefaultTransport.(*http.Transport).CloseIdleConnections()
	srv.Close()
}
