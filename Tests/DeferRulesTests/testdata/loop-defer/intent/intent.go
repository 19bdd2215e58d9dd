package intent

import (
	"net"
	"os"
	"sync"
)

type shard struct {
	mu    sync.Mutex
	items map[string]int
}

// LockAll takes every shard's lock and then works while holding all of them.
func LockAll(shards []*shard) int {
	for _, s := range shards {
		s.mu.Lock()
		defer s.mu.Unlock() // want "unsafe fix: s.mu.Unlock\\(\\) releases a lock"
	}
	n := 0
	for _, s := range shards {
		n += len(s.items)
	}
	return n
}

// Counted gives back one count per item when it returns.
func Counted(wg *sync.WaitGroup, items []string) {
	for range items {
		wg.Add(1)
		defer wg.Done() // want "unsafe fix: wg.Done\\(\\) gives back a count"
	}
}

// Enter changes directory in a loop; the deferred calls restore them at return, like a stack.
func Enter(dirs []string) error {
	for _, d := range dirs {
		old, err := os.Getwd()
		if err != nil {
			return err
		}
		if err := os.Chdir(d); err != nil {
			return err
		}
		defer os.Chdir(old) // want "unsafe fix: os.Chdir\\(old\\) restores or undoes state"
	}
	return nil
}

var current = "none"

// Swap replaces a package variable and puts the old values back at return.
func Swap(names []string) string {
	for _, n := range names {
		saved := current
		current = n
		defer func() { current = saved }() // want "unsafe fix: the deferred function literal assigns current"
	}
	return current
}

// Rollback undoes every step when a later step fails.
func Rollback(steps []func() (func(), error), finish func() error) error {
	var err error
	for _, step := range steps {
		undo, serr := step()
		if serr != nil {
			return serr
		}
		defer func() { // want "unsafe fix: the deferred function literal reads err, declared outside the iteration"
			if err != nil {
				undo()
			}
		}()
	}
	err = finish()
	return err
}

// Setups keeps every set-up in place until run has finished.
func Setups(setups []func() (func(), error), run func()) error {
	for _, setup := range setups {
		cleanup, err := setup()
		if err != nil {
			return err
		}
		defer cleanup() // want "unsafe fix: cleanup is a clean-up function returned by setup\\(\\)"
	}
	run()
	return nil
}

// Hold accepts connections and keeps every one open until stop is closed.
func Hold(ln net.Listener, n int, stop chan struct{}) {
	for i := 0; i < n; i++ {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close() // want "unsafe fix: the iteration makes conn and releases it but never uses it in between"
	}
	<-stop
}
