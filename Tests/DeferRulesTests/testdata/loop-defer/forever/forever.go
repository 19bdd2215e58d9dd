package forever

import "sync"

// Serve never leaves its loop: the deferred unlocks never run.
func Serve(mu *sync.Mutex, work chan func()) {
	for {
		mu.Lock()
		defer mu.Unlock() // want "defer never runs: the loop has no exit.*unsafe fix: mu.Unlock\\(\\) releases a lock"
		job := <-work
		job()
	}
}
