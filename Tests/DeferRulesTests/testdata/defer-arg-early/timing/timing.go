package timing

import (
	"fmt"
	"log"
	clock "time"
)

const label = "load"

// Load logs how long it took — but time.Since runs at the defer statement.
func Load(name string) {
	start := clock.Now()
	defer log.Printf("%s %s took %v", label, name, clock.Since(start)) // want "^clock.Since\\(start\\) is evaluated at the defer statement, not when the function returns: the deferred call gets the time spent before the defer, almost zero \\(fix available\\)$"
	fmt.Println("loading", name)
}

// Stamp records the time of the defer statement, not of the return.
func Stamp(events map[string]clock.Time) {
	defer record(events, "end", clock.Now()) // want "clock.Now\\(\\) is evaluated at the defer statement, not when the function returns: the deferred call gets the time of the defer statement, not of the return \\(fix available\\)"
	fmt.Println("working")
}

// Long wraps a call that does not fit on one line.
func Long(name string, attempt int, start clock.Time) {
	defer log.Printf("operation %q attempt %d of the long running job finished after %v",
		name, attempt, clock.Since(start)) // want "fix available"
	fmt.Println(name, -attempt)
}

// Method uses a logger variable that is never reassigned.
func Method(l *log.Logger, start clock.Time) error {
	defer l.Println("done in", clock.Since(start).Round(clock.Millisecond)) // want "clock.Since\\(start\\) is evaluated.*\\(fix available\\)$"
	return nil
}

func record(events map[string]clock.Time, key string, t clock.Time) { events[key] = t }
