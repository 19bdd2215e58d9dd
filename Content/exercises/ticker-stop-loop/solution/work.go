// work.go: reference solution.
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
		if err := waitOne(ctx, in, log); err != nil {
			return err
		}
	}
	return nil
}

// waitOne waits for one instance. Its deferred Stops run when it returns:
// the ticker stops, and the slow warning is called off as soon as the
// instance is healthy, so it can only fire for an instance still waited on.
func waitOne(ctx context.Context, in *Instance, log *slog.Logger) error {
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
	return nil
}
