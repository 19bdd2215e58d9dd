// Fixed: the job runs in run(), which returns its error. The deferred calls
// run when run returns; only then does main call log.Fatal, which still
// prints the message and exits with status 1.
package main

import (
	"errors"
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
	if err := run(*fail); err != nil {
		log.Fatal(err)
	}
}

func run(fail bool) error {
	dir, err := os.MkdirTemp("", "deferlab-logfatal-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	lock := filepath.Join(dir, "job.lock")
	if err := os.WriteFile(lock, []byte("locked\n"), 0o600); err != nil {
		return err
	}
	defer fmt.Println("deferred: removing lock file", filepath.Base(lock))

	fmt.Println("job: started")
	if fail {
		return errors.New("job: failed: disk quota exceeded (simulated)")
	}
	fmt.Println("job: done")
	return nil
}
