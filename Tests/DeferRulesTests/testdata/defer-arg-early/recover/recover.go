package recovers

import (
	"fmt"
	"time"
)

func report(r any) {
	if r != nil {
		fmt.Println("recovered:", r)
	}
}

// Guard means to recover, but recover() runs at the defer statement.
func Guard(job func()) {
	defer report(recover()) // want "recover\\(\\) is an argument of report\\(recover\\(\\)\\), so it is called at the defer statement.*\\(unsafe fix: after the rewrite recover\\(\\) is called by the deferred function itself"
	job()
}

// Timed defers the measurement itself: its result is thrown away.
func Timed(job func()) {
	start := time.Now()
	defer time.Since(start) // want "the deferred time.Since\\(start\\) throws its result away.*not fixed: what to do with the duration"
	job()
}
