// A trace program: every resource prints when it is opened and closed. After DeferLab's
// loop-defer fix it must print the same lines, except that each close comes at the end of
// its own iteration instead of when the function returns.
package main

import (
	"errors"
	"fmt"
)

type resource struct{ name string }

func open(name string) *resource {
	fmt.Println("open", name)
	return &resource{name}
}

func (r *resource) Close() { fmt.Println("close", r.name) }

func (r *resource) use() { fmt.Println("use", r.name) }

func sum(items []int) (int, error) {
	total := 0
	for i, v := range items {
		r := open(fmt.Sprint("sum", i))
		defer r.Close()
		r.use()
		if v < 0 {
			return total, fmt.Errorf("negative at %d", i)
		}
		if v == 0 {
			continue
		}
		if v > 100 {
			break
		}
		total += v
		fmt.Println("added", v)
	}
	return total, nil
}

func cells(rows [][]int) (n int) {
outer:
	for i, row := range rows {
		for j, v := range row {
			r := open(fmt.Sprint("cell", i, j))
			defer r.Close()
			r.use()
			switch {
			case v == 0:
				continue outer
			case v < 0:
				break outer
			case v == 9:
				goto done
			}
			n += v
			fmt.Println("cell", i, j, v)
		}
	}
	fmt.Println("loops ended")
	return
done:
	fmt.Println("jumped")
	return n * 100
}

func find(names []string, want string) (string, error) {
	for i := 0; i < len(names); i++ {
		r := open(names[i])
		defer r.Close()
		r.use()
		if names[i] == want {
			return fmt.Sprint("found at ", i), nil
		}
		select {
		default:
			if names[i] == "stop" {
				break
			}
			fmt.Println("looked at", names[i])
		}
	}
	return "", errors.New("not found")
}

func main() {
	fmt.Println(sum([]int{1, 0, 2, 101, 3}))
	fmt.Println(sum([]int{4, -1, 5}))
	fmt.Println(cells([][]int{{1, 2}, {0, 3}, {4, -1}, {5}}))
	fmt.Println(cells([][]int{{1, 9}, {2}}))
	fmt.Println(find([]string{"a", "stop", "b", "c"}, "b"))
	fmt.Println(find([]string{"x"}, "y"))
}
