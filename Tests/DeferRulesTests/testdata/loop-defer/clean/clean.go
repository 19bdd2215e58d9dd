package clean

import (
	"log"
	"os"
	"sync"
)

// Wrapped already runs each defer per iteration.
func Wrapped(names []string) {
	for _, name := range names {
		func() {
			f, err := os.Open(name)
			if err != nil {
				return
			}
			defer f.Close()
		}()
	}
}

// Workers defers inside goroutines.
func Workers(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
		}()
	}
	wg.Wait()
}

// Callback defers inside a function literal passed as an argument.
func Callback(names []string, each func(func())) {
	for range names {
		each(func() {
			defer log.Println("done")
		})
	}
}

// NoLoop has an ordinary defer.
func NoLoop(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}
