// Reference solution for the recover-in-loop exercise.
package main

import "fmt"

// processBatch runs every item through step and adds up the results. The
// batch is all or nothing: if any step panics, processBatch stops at that
// item and returns an error naming it (with the panic value), together with
// the total and count of the items processed before it. The panic never
// escapes to the caller.
func processBatch(items []item) (total, processed int, err error) {
	// One deferred recover for the whole batch, registered once before the
	// loop: a panic in any step unwinds out of the loop (so the batch stops)
	// and this call turns it into the error. current names the item at fault.
	var current string
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("item %s failed: %v", current, r)
		}
	}()

	for _, it := range items {
		current = it.name
		total += step(it)
		processed++
	}
	return total, processed, nil
}
