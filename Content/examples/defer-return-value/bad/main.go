// Bad: with an unnamed result, "return i" copies i into the result before the
// deferred function runs. The deferred i++ changes only the local variable.
package main

import "fmt"

func count() int {
	i := 0
	defer func() {
		i++
		fmt.Println("deferred func ran: local i is now", i)
	}()
	return i
}

func main() {
	fmt.Println("unnamed result: count() returned", count())
}
