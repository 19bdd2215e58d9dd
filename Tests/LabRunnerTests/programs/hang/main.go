// hang prints a line and then sleeps far longer than any test's timeout.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("hanging")
	time.Sleep(time.Hour)
}
