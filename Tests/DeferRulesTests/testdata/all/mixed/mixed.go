package mixed

import (
	"log"
	"os"
	"time"
)

// Process has several rules' findings on the same statements.
func Process(names []string) error {
	start := time.Now()
	for i, name := range names {
		f, err := os.Open(name)
		defer f.Close() // want "uses f before err is checked" "every iteration adds one more pending f.Close\\(\\)"
		if err != nil {
			return err
		}

		defer log.Printf("file %d done after %v", i, time.Since(start)) // want "time.Since\\(start\\) is evaluated at the defer statement" "every iteration adds one more pending log.Printf"

		defer func() { log.Println("closing", name) }() // want "every iteration adds one more pending func"
	}
	return nil
}

// Main exits with pending defers.
func Main(names []string) {
	defer log.Println("bye")
	if err := Process(names); err != nil {
		log.Fatal(err) // want "log.Fatal calls os.Exit\\(1\\) and skips the pending deferred"
	}
}
