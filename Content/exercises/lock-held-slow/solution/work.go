// Reference solution for the lock-held-slow exercise.
package main

import "sync"

// cache remembers the results of a slow lookup. Get is called from many
// goroutines at once.
type cache struct {
	mu     sync.Mutex
	data   map[string]int
	lookup func(key string) int // slow: tens of milliseconds per call
}

func newCache(lookup func(key string) int) *cache {
	return &cache{data: make(map[string]int), lookup: lookup}
}

// Get returns the value for key, calling the slow lookup only on a miss. The
// lock guards the map only: the slow lookup runs without it, so callers for
// different keys do not queue behind each other. (Two callers missing the
// same key at once may both look it up; both get the same value.)
func (c *cache) Get(key string) int {
	if v, ok := c.cached(key); ok {
		return v
	}
	v := c.lookup(key)
	c.store(key, v)
	return v
}

// cached reads the map under the lock; the deferred Unlock runs as soon as
// this small function returns.
func (c *cache) cached(key string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.data[key]
	return v, ok
}

// store writes the map under the lock.
func (c *cache) store(key string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[key] = v
}
