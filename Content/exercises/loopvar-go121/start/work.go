// Your file: run every job in its own goroutine and collect what each worker
// reports. Only this file is yours to edit. The check builds it as Go 1.21.
package main

import "sync"

// runBatch starts one worker per job. The workers wait at a gate until all of
// them have been started, then run together. It returns one report line per
// job, in no particular order.
func runBatch(jobs []Job) []string {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		lines []string
	)
	gate := make(chan struct{})
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate // wait until every worker exists
			line := process(job)
			mu.Lock()
			lines = append(lines, line)
			mu.Unlock()
		}()
	}
	close(gate) // let all workers run
	wg.Wait()
	return lines
}
