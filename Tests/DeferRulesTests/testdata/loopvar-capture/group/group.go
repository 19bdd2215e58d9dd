package group

import (
	"fmt"

	"x/errgroup"
)

// Group runs each value in a goroutine of an errgroup.
func Group(values []string) error {
	var g errgroup.Group
	for _, v := range values {
		g.Go(func() error { // want "the function literal run in another goroutine \\(by Go\\) captures the loop variable v.*\\(fix available\\)"
			_, err := fmt.Println(v)
			return err
		})
	}
	return g.Wait()
}
