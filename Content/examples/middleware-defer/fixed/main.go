// Fixed: the timing middleware defers a function literal, so time.Since(start)
// is evaluated when the deferred call runs, after the handler has returned:
// every logged duration covers the handler's work. As in the bad variant,
// the deferred call runs at the end of each request, so pending defers go
// back to 0 after every request and nothing grows with 100x the requests.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type timing struct {
	logger  *log.Logger
	work    time.Duration
	logged  atomic.Int64 // requests logged
	tooLow  atomic.Int64 // logged durations shorter than the handler's work
	verbose bool
}

func (t *timing) logf(path string, d time.Duration) {
	t.logged.Add(1)
	if d < t.work {
		t.tooLow.Add(1)
	}
	if t.verbose {
		t.logger.Printf("request %s completed in %v", path, d)
	}
}

func (t *timing) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer func() {
			t.logf(r.URL.Path, time.Since(start)) // duration computed at return
		}()
		next.ServeHTTP(w, r)
	})
}

func main() {
	base := flag.Int("requests", 20, "requests in the 1x round (10x and 100x follow)")
	work := flag.Duration("work", 5*time.Millisecond, "time each request's handler works")
	conc := flag.Int("concurrency", 10, "concurrent clients")
	verbose := flag.Bool("v", false, "log every request")
	flag.Parse()

	t := &timing{logger: log.New(os.Stdout, "", 0), work: *work, verbose: *verbose}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(*work) // the handler's work
		fmt.Fprintln(w, "ok")
	})
	srv := httptest.NewServer(t.middleware(handler))
	defer srv.Close()
	client := srv.Client()

	for _, mult := range []int{1, 10, 100} {
		n := *base * mult
		before, beforeLow := t.logged.Load(), t.tooLow.Load()
		if err := drive(client, srv.URL, n, *conc); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			srv.Close()
			os.Exit(1)
		}
		fmt.Printf("%dx: %d requests, %d of %d logged durations shorter than the handler's %v of work\n",
			mult, n, t.tooLow.Load()-beforeLow, t.logged.Load()-before, *work)
		// What the round left behind: goroutines and live heap after a collection.
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Printf("figure: goroutines%dx=%d heapInuseKB%dx=%d\n", mult, runtime.NumGoroutine(), mult, ms.HeapInuse/1024)
	}
}

// drive sends n GET requests with conc concurrent clients.
func drive(client *http.Client, url string, n, conc int) error {
	jobs := make(chan int)
	errs := make(chan error, conc)
	var wg sync.WaitGroup
	for c := 0; c < conc; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				resp, err := client.Get(fmt.Sprintf("%s/item/%d", url, i))
				if err != nil {
					errs <- err
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}
