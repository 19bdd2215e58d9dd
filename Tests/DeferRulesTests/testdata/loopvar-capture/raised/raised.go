//go:build go1.22

package raised

// Start runs in a go 1.21 module, but the constraint raises this file to go1.22.
func Start(values []int, done chan int) {
	for _, v := range values {
		go func() { done <- v }()
	}
}
