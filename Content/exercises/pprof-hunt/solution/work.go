// work.go: reference solution.
package main

import "context"

type fetchResult struct {
	value int
	err   error
}

// lookup asks the backend for key. The backend can be slow, so the call runs
// in its own goroutine and lookup gives up as soon as ctx is done: the
// client has gone, nobody needs the answer any more.
func lookup(ctx context.Context, b *Backend, key string) (int, error) {
	// Room for one result: the goroutine can always deliver its answer and
	// finish (running its deferred Release), even when lookup has already
	// returned and nobody will ever receive from the channel.
	results := make(chan fetchResult, 1)
	go func() {
		conn := b.Acquire()
		defer b.Release(conn)

		v, err := conn.Fetch(key)
		results <- fetchResult{v, err}
	}()

	select {
	case r := <-results:
		return r.value, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
