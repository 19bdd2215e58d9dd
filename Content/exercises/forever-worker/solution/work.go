// Reference solution for the forever-worker exercise.
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
//
// Its own defer is right where it is: the ticker lives as long as forward.
// Everything that belongs to one event is released in relay.
func forward(ctx context.Context, sub *Subscription, out *Sink, pool *BufferPool) error {
	alive := time.NewTicker(heartbeat)
	defer alive.Stop()

	for {
		select {
		case ev := <-sub.C:
			if err := relay(ev, out, pool); err != nil {
				return err
			}

		case <-alive.C:
			out.Ping()

		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// relay encodes and sends one event. Its deferred Put runs when relay
// returns, so the buffer is back in the pool before the next event is
// taken, and the next Get reuses it.
func relay(ev Event, out *Sink, pool *BufferPool) error {
	buf := pool.Get()
	defer pool.Put(buf)

	if err := json.NewEncoder(buf).Encode(ev); err != nil {
		return fmt.Errorf("event %d: %w", ev.Seq, err)
	}
	if err := out.Send(buf.Bytes()); err != nil {
		return fmt.Errorf("event %d: %w", ev.Seq, err)
	}
	return nil
}
