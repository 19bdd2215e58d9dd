package control

import (
	"context"
	"fmt"
	"time"
)

// Walk uses every kind of exit a loop body can have.
func Walk(rows [][]int, limit int) (int, error) {
	sum := 0
outer:
	for r, row := range rows {
		for _, v := range row {
			t := time.NewTimer(time.Minute)
			defer t.Stop() // want "fix available"
			_ = t.C
			switch {
			case v < 0:
				continue outer
			case v == 0:
				break
			case v > limit:
				break outer
			case v == limit:
				return sum, fmt.Errorf("row %d hit the limit", r)
			}
			if v == 7 {
				goto done
			}
			if v == 1 {
				continue
			}
			sum += v
		}
	}
	return sum, nil
done:
	return -1, nil
}

// Select keeps the break of a select inside the closure.
func Select(chs []chan int) int {
	n := 0
	for _, ch := range chs {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel() // want "fix available"
		select {
		case <-ctx.Done():
			n--
		case v := <-ch:
			if v < 0 {
				break
			}
			n += v
		default:
		}
	}
	return n
}
