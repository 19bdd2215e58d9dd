package singleshot

import (
	"errors"
	"os"
)

// Find returns on the iteration that defers: the defer runs at most once per call.
func Find(names []string, want string) (string, error) {
	for _, name := range names {
		if name != want {
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return "", err
		}
		return st.Name(), nil
	}
	return "", errors.New("not found")
}

// Once breaks right after deferring.
func Once(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
		break
	}
}

// PanicsAfter leaves through panic in both branches.
func PanicsAfter(names []string) {
	for _, name := range names {
		defer println(name)
		if name == "" {
			panic("empty")
		} else {
			panic(name)
		}
	}
}

// NestedOnce breaks out of both loops right after deferring.
func NestedOnce(names []string) {
	for {
		for _, name := range names {
			defer println(name)
			break
		}
		break
	}
}

// InnerReturn returns from the inner loop right after deferring; the inner loop's
// continue comes before the defer.
func InnerReturn(groups [][]string) (string, error) {
	for _, names := range groups {
		for _, name := range names {
			if name == "" {
				continue
			}
			f, err := os.Open(name)
			if err != nil {
				return "", err
			}
			defer f.Close()
			return f.Name(), nil
		}
	}
	return "", nil
}
