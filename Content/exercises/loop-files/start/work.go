// work.go: the only file you edit in this exercise.
package main

import (
	"bufio"
	"hash/crc32"
	"os"
)

// checksumFiles reads the files in the given order. It returns how many
// lines they hold in total and a CRC-32 (IEEE) of all their bytes, as if the
// files were one long stream.
func checksumFiles(paths []string) (lines int, sum uint32, err error) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return 0, 0, err
		}
		defer f.Close()

		sc := bufio.NewScanner(f)
		for sc.Scan() {
			lines++
			sum = crc32.Update(sum, crc32.IEEETable, sc.Bytes())
			sum = crc32.Update(sum, crc32.IEEETable, []byte{'\n'})
		}
		if err := sc.Err(); err != nil {
			return 0, 0, err
		}
	}
	return lines, sum, nil
}
