// The learner's file for the forever-worker exercise.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// heartbeat is how often the relay tells the sink it is alive.
const heartbeat = 20 * time.Millisecond

// forward relays every event of the subscription to the sink, encoded as
// JSON in a buffer from the pool. It runs until ctx is cancelled, that is
// for as long as the service runs, and returns early only if the sink
// fails.
func forward(ctx context.Context, sub *Subscription, out *Sink, pool *BufferPool) error {
	alive := time.NewTicker(heartbeat)
	defer alive.Stop()

	for {
		select {
		case ev := <-sub.C:
			buf := pool.Get()
			defer pool.Put(buf)

			if err := json.NewEncoder(buf).Encode(ev); err != nil {
				return fmt.Errorf("event %d: %w", ev.Seq, err)
			}
			if err := out.Send(buf.Bytes()); err != nil {
				return fmt.Errorf("event %d: %w", ev.Seq, err)
			}

		case <-alive.C:
			out.Ping()

		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
