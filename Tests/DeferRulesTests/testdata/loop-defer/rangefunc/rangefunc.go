package rangefunc

import (
	"iter"
	"os"
)

// Open yields open files; the range-over-func body is a loop body too.
func Open(names iter.Seq[string]) (int, error) {
	n := 0
	for name := range names {
		f, err := os.Open(name)
		if err != nil {
			return n, err
		}
		defer f.Close() // want "fix available"
		_, _ = f.Stat()
		n++
	}
	return n, nil
}

// Generic function with a type parameter in its results.
func First[T any](items []T, open func(T) (*os.File, error)) (T, error) {
	var zero T
	for _, it := range items {
		f, err := open(it)
		if err != nil {
			return zero, err
		}
		defer f.Close() // want "fix available"
		_, _ = f.Stat()
		if f.Name() != "" {
			continue
		}
	}
	return zero, nil
}
