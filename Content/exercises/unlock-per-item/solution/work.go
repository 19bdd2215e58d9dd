// Reference solution for the unlock-per-item exercise.
package main

import (
	"hash/fnv"
	"sync"
)

const shardCount = 8

// Counters keeps running totals per key. The keys are spread over shards,
// each with its own lock, so that writers working on different keys rarely
// wait for each other.
type Counters struct {
	shards [shardCount]shard
}

type shard struct {
	mu     sync.Mutex
	totals map[string]int64
}

func newCounters() *Counters {
	c := &Counters{}
	for i := range c.shards {
		c.shards[i].totals = make(map[string]int64)
	}
	return c
}

func (c *Counters) shardFor(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	return &c.shards[h.Sum32()%shardCount]
}

// AddBatch adds every sample of the batch to its key's total. It is called
// from many goroutines at once.
func (c *Counters) AddBatch(batch []Sample) {
	for _, s := range batch {
		c.shardFor(s.Key).add(s.Key, s.Value)
	}
}

// add takes the shard's lock for one sample. The deferred Unlock runs when
// add returns, so the lock is free again before AddBatch locks the next
// shard, which may be this same one.
func (sh *shard) add(key string, v int64) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.totals[key] += v
}

// Snapshot returns a copy of all totals. It holds every shard's lock while
// it copies, so that all shards are copied at the same point in time.
//
// Here the locks are meant to pile up: each deferred Unlock waits for the
// copy to be finished. Shards are always taken in index order and AddBatch
// holds one lock at a time, so nobody can wait for a lock held by a
// goroutine that waits for theirs.
func (c *Counters) Snapshot() map[string]int64 {
	for i := range c.shards {
		c.shards[i].mu.Lock()
		defer c.shards[i].mu.Unlock()
	}
	out := make(map[string]int64)
	for i := range c.shards {
		for k, v := range c.shards[i].totals {
			out[k] = v
		}
	}
	return out
}
