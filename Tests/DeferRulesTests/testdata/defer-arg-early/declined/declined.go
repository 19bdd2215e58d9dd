package declined

import (
	"fmt"
	"log"
	"time"
)

// Counted changes n after the defer: wrapping would log the later n.
func Counted(items []string, start time.Time) {
	n := 0
	defer log.Printf("%d items in %v", n, time.Since(start)) // want "not fixed: wrapping would also delay evaluating n to the return, when it may have another value"
	for range items {
		n++
	}
}

// Called: the length is computed by a call at the defer statement.
func Called(items []string, start time.Time) {
	defer log.Printf("%d items in %v", len(items), time.Since(start)) // want "not fixed: wrapping would also delay evaluating len\\(items\\) to the return"
	fmt.Println(items)
}

// Restarted reassigns the start time after the defer.
func Restarted() {
	start := time.Now()
	defer fmt.Println("took", time.Since(start)) // want "not fixed: wrapping would also delay evaluating start to the return"
	start = time.Now()
	fmt.Println(start)
}

type stats struct{ n int }

func (s *stats) add() { s.n++ }

// Receiver: a method call after the defer may change s.
func Receiver(s stats, start time.Time) {
	defer fmt.Println(s, time.Since(start)) // want "not fixed: wrapping would also delay evaluating s to the return"
	s.add()
}
