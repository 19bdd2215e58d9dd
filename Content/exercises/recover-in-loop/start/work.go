// The learner's file for the recover-in-loop exercise.
package main

import "fmt"

// processBatch runs every item through step and adds up the results. The
// batch is all or nothing: if any step panics, processBatch must stop at that
// item and return an error naming it (with the panic value), together with
// the total and count of the items processed before it. It must never let
// the panic escape to its caller.
func processBatch(items []item) (total, processed int, err error) {
	for _, it := range items {
		// Turn a panic in this item's step into the batch's error.
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("item %s failed: %v", it.name, r)
			}
		}()

		total += step(it)
		processed++
	}
	return total, processed, nil
}
