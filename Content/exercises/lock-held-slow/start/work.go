// The learner's file for the lock-held-slow exercise.
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

// Get returns the value for key, calling the slow lookup only on a miss.
func (c *cache) Get(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()

	if v, ok := c.data[key]; ok {
		return v
	}
	v := c.lookup(key)
	c.data[key] = v
	return v
}
