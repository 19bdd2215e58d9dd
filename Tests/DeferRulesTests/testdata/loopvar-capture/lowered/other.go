package lowered

// Modern is go 1.23 code: each iteration has its own v.
func Modern(values []int, done chan int) {
	for _, v := range values {
		go func() { done <- v }()
	}
}
