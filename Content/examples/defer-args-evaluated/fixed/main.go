// Fixed: wrap the summary in a function literal so count is read when the
// deferred call runs, and log each item when it is done instead of deferring.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
)

func process(items []string) {
	count := 0
	defer func() {
		log.Printf("processed %d of %d items", count, len(items)) // count read at return
	}()
	for i, it := range items {
		log.Printf("done with item %d (%s)", i, it)
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
