// Reference solution for the nofile-leak exercise.
package main

import (
	"io"
	"os"
)

// bundle streams the segment files, in the given order, into dst as one
// body, and returns how many bytes it wrote. It opens one segment at a
// time, so that it needs one descriptor however many segments there are.
func bundle(dst io.Writer, paths []string) (int64, error) {
	var total int64
	for _, p := range paths {
		n, err := appendSegment(dst, p)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// appendSegment copies one segment to dst. Its deferred Close runs when it
// returns, before the next segment is opened.
func appendSegment(dst io.Writer, path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return io.Copy(dst, f)
}
