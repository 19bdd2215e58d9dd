// Harness for the bufio-flush-error exercise. This file is ours: the check
// always builds the shipped copy, so edit work.go only.
//
// It runs 4 to 7 exports (how many, their orders and their destinations
// depend on -seed) through exportOrders (work.go). Each destination is a
// sink: a file on a volume that fills up, or a pipe to a consumer that goes
// away. A sink takes bytes until its capacity is used up; the write that
// crosses it is cut short and fails, as write(2) does. For every export the
// harness prints what exportOrders returned and what really arrived.
//
// The program exits with status 1 when an export failed, as a command-line
// tool should. It also prints figures it measured: lostErrors (exports that
// reported success although their data did not all arrive) and extraWrites
// (writes to the destinations beyond what a buffered writer needs).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math/rand/v2"
	"os"
	"syscall"
)

// Order is one row of an export.
type Order struct {
	ID       int64
	Customer string
	Cents    int64
	Status   string
}

// sink is an export destination with room for capacity bytes (-1: no
// limit). Past that, writes fail with errno.
type sink struct {
	name     string
	capacity int
	errno    syscall.Errno
	got      bytes.Buffer
	writes   int
	failed   bool
}

func (s *sink) Write(p []byte) (int, error) {
	s.writes++
	if s.failed {
		return 0, &fs.PathError{Op: "write", Path: s.name, Err: s.errno}
	}
	if s.capacity >= 0 && s.got.Len()+len(p) > s.capacity {
		n := s.capacity - s.got.Len()
		s.got.Write(p[:n])
		s.failed = true
		return n, &fs.PathError{Op: "write", Path: s.name, Err: s.errno}
	}
	return s.got.Write(p)
}

// csvOf is the export the harness expects for a list of orders.
func csvOf(orders []Order) []byte {
	var b bytes.Buffer
	b.WriteString("id,customer,amount,status\n")
	for _, o := range orders {
		fmt.Fprintf(&b, "%d,%s,%d.%02d,%s\n", o.ID, o.Customer, o.Cents/100, o.Cents%100, o.Status)
	}
	return b.Bytes()
}

// bufSize is bufio's default buffer size: a buffered writer sends at most
// one write per bufSize bytes, plus the final flush.
const bufSize = 4096

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the exports")
	flag.Parse()
	os.Exit(run(*seed))
}

func run(seed uint64) int {
	rng := rand.New(rand.NewPCG(seed, 0xb0f10))
	n := 4 + rng.IntN(4)
	// Which export meets a destination that fails only after the last full
	// buffer went out; the others fail at random, or not at all.
	late := rng.IntN(n)

	failed, lost, writes, allowed := 0, 0, 0, 0
	for i := 0; i < n; i++ {
		orders := makeOrders(rng, 10+rng.IntN(290))
		want := csvOf(orders)
		dst := &sink{
			name:     fmt.Sprintf("/srv/exports/orders-%02d.csv", i+1),
			capacity: -1,
			errno:    []syscall.Errno{syscall.ENOSPC, syscall.EPIPE}[rng.IntN(2)],
		}
		switch {
		case i == late:
			// Room for every full buffer, not for the rest.
			full := (len(want) - 1) / bufSize * bufSize
			dst.capacity = full + rng.IntN(len(want)-full)
		case rng.IntN(3) == 0:
			dst.capacity = rng.IntN(len(want))
		}

		err := exportOrders(dst, orders)

		result := "ok"
		if err != nil {
			failed++
			switch {
			case errors.Is(err, syscall.ENOSPC):
				result = "error: no space left on device"
			case errors.Is(err, syscall.EPIPE):
				result = "error: broken pipe"
			default:
				result = "error: " + err.Error()
			}
		}
		got := dst.got.Bytes()
		arrived := "complete"
		if !bytes.Equal(got, want) {
			arrived = fmt.Sprintf("%d of %d bytes", len(got), len(want))
			if err == nil {
				lost++
			}
		}
		fmt.Printf("%s: %d orders: %s; arrived: %s (crc %08x)\n",
			dst.name, len(orders), result, arrived, crc32.ChecksumIEEE(got))
		writes += dst.writes
		allowed += (len(want)+bufSize-1)/bufSize + 1
	}
	fmt.Printf("exports: %d, failed: %d\n", n, failed)
	// Exports that returned nil although their data did not all arrive
	// (limit: 0).
	fmt.Printf("figure: lostErrors=%d\n", lost)
	// Writes beyond one per 4096 bytes and one more per export (limit: 0).
	fmt.Printf("figure: extraWrites=%d\n", max(0, writes-allowed))
	if failed > 0 {
		return 1
	}
	return 0
}

var (
	customers = []string{"Acme GmbH", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Tyrell"}
	statuses  = []string{"paid", "paid", "paid", "shipped", "refunded", "pending"}
)

func makeOrders(rng *rand.Rand, n int) []Order {
	orders := make([]Order, n)
	id := int64(100_000 + rng.IntN(900_000))
	for i := range orders {
		id += int64(1 + rng.IntN(20))
		orders[i] = Order{
			ID:       id,
			Customer: customers[rng.IntN(len(customers))],
			Cents:    int64(100 + rng.IntN(500_000)),
			Status:   statuses[rng.IntN(len(statuses))],
		}
	}
	return orders
}
