package mixed

import (
	"log"
	"net/http"
	"time"
)

// Process has two rules' findings on one statement.
func Process(names []string) error {
	for _, name := range names {
		resp, err := http.Get(name)
		defer resp.Body.Close() // want "uses resp before err is checked" "every iteration adds one more pending resp.Body.Close\\(\\)"
		_ = resp.StatusCode
		if err != nil {
			return err
		}
	}
	return nil
}

// Report logs at return: moving its defers into the iterations would print at other times
// (unsafe), while time.Since and the captured loop variable are fixed where they are.
func Report(names []string) {
	start := time.Now()
	for _, name := range names {
		defer log.Printf("done after %v", time.Since(start)) // want "time.Since\\(start\\) is evaluated at the defer statement" "every iteration adds one more pending log.Printf.*unsafe fix"

		defer func() { log.Println("closing", name) }() // want "every iteration adds one more pending func.*unsafe fix" "captures the loop variable name"
	}
}

// Main exits with pending defers.
func Main(names []string) {
	defer log.Println("bye")
	Report(names)
	if err := Process(names); err != nil {
		log.Fatal(err) // want "log.Fatal calls os.Exit\\(1\\) and skips the pending deferred"
	}
}
