// Fixed: with a named result, the deferred function changes the result
// variable itself after "return i" has set it, so the caller sees 1.
package main

import "fmt"

func count() (i int) {
	defer func() {
		i++
		fmt.Println("deferred func ran: result i is now", i)
	}()
	return i
}

func main() {
	fmt.Println("named result: count() returned", count())
}
