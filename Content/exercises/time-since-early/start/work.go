// Your file: run one step of a job and record how long it took. Only this
// file is yours to edit.
package main

import "time"

// timeStep runs step and then records, under name, the time the step took.
func timeStep(name string, step func()) {
	start := time.Now()
	defer record(name, time.Since(start))
	step()
}
