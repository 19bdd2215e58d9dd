// work.go: the only file you edit in this exercise.
package main

import (
	"context"
	"log/slog"
	"time"
)

// waitHealthy waits for the restarted instances one after the other, in
// order: it checks each instance right away and then on every tick of a
// ticker until the check passes. When an instance takes longer than
// slowAfter, a warning goes to the log so that an operator can see which
// instance is stuck.
func waitHealthy(ctx context.Context, instances []*Instance, log *slog.Logger) error {
	for _, in := range instances {
		tick := time.NewTicker(pollEvery)
		defer tick.Stop()
		slow := time.AfterFunc(slowAfter, func() {
			log.Warn("instance is not healthy yet", "instance", in.Name, "waited", slowAfter)
		})
		defer slow.Stop()

		for !in.Healthy() {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-tick.C:
			}
		}
	}
	return nil
}
