// Bad: log.Fatal prints its message and then calls os.Exit(1), so no
// deferred call runs: the lock file's removal and the "deferred" line are
// skipped. (So that a run leaves nothing behind, the program removes its
// temp dir by hand right before log.Fatal; that explicit cleanup is exactly
// what a deferred call cannot do here.)
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	fail := flag.Bool("fail", true, "make the job fail")
	flag.Parse()
	log.SetFlags(0)

	dir, err := os.MkdirTemp("", "deferlab-logfatal-")
	if err != nil {
		log.Fatal(err)
	}
	lock := filepath.Join(dir, "job.lock")
	if err := os.WriteFile(lock, []byte("locked\n"), 0o600); err != nil {
		os.RemoveAll(dir)
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	defer fmt.Println("deferred: removing lock file", filepath.Base(lock))

	fmt.Println("job: started")
	if *fail {
		os.RemoveAll(dir) // explicit, because log.Fatal skips the defers above
		log.Fatal("job: failed: disk quota exceeded (simulated)")
	}
	fmt.Println("job: done")
}
