// Bad: the arguments of a deferred call are evaluated when the defer
// statement runs, not when the call runs. The summary logs count as it was
// at the defer (0), and the per-item lines come out in reverse order at the
// end, each with the value it had when it was deferred.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
)

func process(items []string) {
	count := 0
	defer log.Printf("processed %d of %d items", count, len(items)) // count is 0 here
	for i, it := range items {
		defer log.Printf("done with item %d (%s)", i, it) // i and it are fixed now
		count++
	}
}

func main() {
	n := flag.Int("items", 3, "number of items")
	flag.Parse()
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	items := make([]string, *n)
	for i := range items {
		items[i] = fmt.Sprintf("item-%c", 'a'+i%26)
	}
	process(items)
}
