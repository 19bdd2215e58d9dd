// Harness for the "context-cancel-loop" exercise. DeferLab always builds this
// shipped copy together with your work.go, so editing it changes nothing in
// a check.
//
// It makes a price list (200 to 600 SKUs, prices and unknown SKUs depend on
// -seed), calls refreshPrices from work.go with the service's lifetime
// context and prints the prices it got back.
//
// The lifetime context counts the contexts derived from it that are still
// attached to it and prints the most it saw at once as
// "figure: liveContexts=N": a measurement, not output.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"sync"
	"time"
)

// callTimeout is the deadline refreshPrices gives each Quote call. It is far
// longer than the whole refresh takes, as per-call deadlines usually are.
const callTimeout = 2 * time.Second

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the SKUs and their prices")
	flag.Parse()
	os.Exit(run(*seed))
}

// run uses no defer of its own, so that the pending-defer figure is
// refreshPrices' alone.
func run(seed uint64) int {
	skus, svc := makeCatalog(seed)
	life := newLifetime()

	prices, err := refreshPrices(life, svc, skus)
	life.mu.Lock()
	peak := life.peak
	life.mu.Unlock()
	life.shutdown()

	fmt.Printf("skus: %d\n", len(skus))
	fmt.Printf("priced: %d\n", len(prices))
	names := make([]string, 0, len(prices))
	for sku := range prices {
		names = append(names, sku)
	}
	sort.Strings(names)
	var total int64
	for _, sku := range names {
		fmt.Printf("%s %d.%02d\n", sku, prices[sku]/100, prices[sku]%100)
		total += prices[sku]
	}
	fmt.Printf("total: %d.%02d\n", total/100, total%100)
	fmt.Printf("figure: liveContexts=%d\n", peak)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	return 0
}

// ErrUnknownSKU is what Quote returns for a SKU the service has no price for.
var ErrUnknownSKU = errors.New("pricing: unknown SKU")

// PriceService stands for the client of a remote pricing service.
type PriceService struct {
	prices map[string]int64 // in cents
}

// Quote returns the current price of sku, in cents. Like many RPC clients,
// it refuses a call without a deadline.
func (s *PriceService) Quote(ctx context.Context, sku string) (int64, error) {
	if _, ok := ctx.Deadline(); !ok {
		return 0, errors.New("pricing: call without a deadline")
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	p, ok := s.prices[sku]
	if !ok {
		return 0, ErrUnknownSKU
	}
	return p, nil
}

// makeCatalog returns 200 to 600 distinct SKUs in the order they are asked
// for; about one in twelve is unknown to the service.
func makeCatalog(seed uint64) ([]string, *PriceService) {
	rng := rand.New(rand.NewPCG(seed, 0xc0471e))
	n := 200 + rng.IntN(401)
	svc := &PriceService{prices: make(map[string]int64, n)}
	seen := make(map[string]bool, n)
	skus := make([]string, 0, n)
	for len(skus) < n {
		sku := fmt.Sprintf("SKU-%c%c-%05d", 'A'+rng.IntN(26), 'A'+rng.IntN(26), rng.IntN(100000))
		if seen[sku] {
			continue
		}
		seen[sku] = true
		skus = append(skus, sku)
		if rng.IntN(12) != 0 {
			svc.prices[sku] = int64(99 + rng.IntN(250000))
		}
	}
	return skus, svc
}

// lifetime is the service's lifetime context: it is done when the service
// shuts down, after the refresh. It implements AfterFunc, which
// context.WithTimeout, WithCancel and friends use to attach a child to a
// parent that is not one of the context package's own types: the child
// registers a function to be called when the parent is done, and removes it
// again when the child itself is cancelled or expires. A parent made by the
// context package keeps the same list (its children) inside, where it
// cannot be counted; here every registration is counted.
type lifetime struct {
	done chan struct{}

	mu    sync.Mutex
	err   error
	funcs map[uint64]func()
	next  uint64
	peak  int
}

func newLifetime() *lifetime {
	return &lifetime{done: make(chan struct{}), funcs: map[uint64]func(){}}
}

func (l *lifetime) Deadline() (time.Time, bool) { return time.Time{}, false }
func (l *lifetime) Done() <-chan struct{}       { return l.done }
func (l *lifetime) Value(any) any               { return nil }

func (l *lifetime) Err() error {
	l.mu.Lock()
	err := l.err
	l.mu.Unlock()
	return err
}

// AfterFunc registers f to run when l is done; stop removes it again.
func (l *lifetime) AfterFunc(f func()) (stop func() bool) {
	l.mu.Lock()
	id := l.next
	l.next++
	l.funcs[id] = f
	l.peak = max(l.peak, len(l.funcs))
	l.mu.Unlock()
	return func() bool {
		l.mu.Lock()
		_, ok := l.funcs[id]
		delete(l.funcs, id)
		l.mu.Unlock()
		return ok
	}
}

// shutdown ends the lifetime and tells every context still attached.
func (l *lifetime) shutdown() {
	l.mu.Lock()
	if l.err != nil {
		l.mu.Unlock()
		return
	}
	l.err = context.Canceled
	close(l.done)
	funcs := l.funcs
	l.funcs = map[uint64]func(){}
	l.mu.Unlock()
	for _, f := range funcs {
		go f()
	}
}

var _ context.Context = (*lifetime)(nil)
