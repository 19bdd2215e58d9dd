package main

// A minimal reader for the CPU profile this program writes (cpu.pprof): a
// gzipped profile.proto message. It reads only what the summary needs: each
// sample's count and stack, and the function names of the stack's frames.
// Standard library only, so the example builds offline.

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// cpuSummary counts the CPU samples of a profile: all of them, those with a
// frame of the handler on the stack, and those with the runtime's defer
// machinery (runtime.deferproc, runtime.deferreturn) on the stack.
type cpuSummary struct {
	samples, inHandle, inDeferRuntime int64
}

func (c cpuSummary) String() string {
	return fmt.Sprintf("%d samples from the snapshot to the end; main.(*service).handle on the stack in %d, runtime.deferproc or runtime.deferreturn in %d",
		c.samples, c.inHandle, c.inDeferRuntime)
}

func summarizeCPUProfile(path string) (cpuSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return cpuSummary{}, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return cpuSummary{}, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return cpuSummary{}, err
	}

	type sample struct {
		locations []uint64
		count     int64
	}
	var (
		samples   []sample
		locFuncs  = map[uint64][]uint64{} // location id -> function ids (inlined frames too)
		funcNames = map[uint64]int64{}    // function id -> string table index
		strs      []string
	)
	err = fields(data, func(num int, wire int, v uint64, b []byte) error {
		switch num {
		case 2: // Sample
			var s sample
			values := 0
			err := fields(b, func(num int, wire int, v uint64, b []byte) error {
				switch {
				case num == 1 && wire == 2:
					return varints(b, func(x uint64) { s.locations = append(s.locations, x) })
				case num == 1:
					s.locations = append(s.locations, v)
				case num == 2 && wire == 2:
					return varints(b, func(x uint64) {
						if values == 0 {
							s.count = int64(x)
						}
						values++
					})
				case num == 2:
					if values == 0 {
						s.count = int64(v)
					}
					values++
				}
				return nil
			})
			samples = append(samples, s)
			return err
		case 4: // Location
			var id uint64
			var funcs []uint64
			err := fields(b, func(num int, wire int, v uint64, b []byte) error {
				switch num {
				case 1:
					id = v
				case 4: // Line
					return fields(b, func(num int, wire int, v uint64, b []byte) error {
						if num == 1 {
							funcs = append(funcs, v)
						}
						return nil
					})
				}
				return nil
			})
			locFuncs[id] = funcs
			return err
		case 5: // Function
			var id uint64
			var name int64
			err := fields(b, func(num int, wire int, v uint64, b []byte) error {
				switch num {
				case 1:
					id = v
				case 2:
					name = int64(v)
				}
				return nil
			})
			funcNames[id] = name
			return err
		case 6: // string_table
			strs = append(strs, string(b))
		}
		return nil
	})
	if err != nil {
		return cpuSummary{}, err
	}
	name := func(fn uint64) string {
		if i := funcNames[fn]; i >= 0 && i < int64(len(strs)) {
			return strs[i]
		}
		return ""
	}
	var sum cpuSummary
	for _, s := range samples {
		sum.samples += s.count
		handle, deferRuntime := false, false
		for _, loc := range s.locations {
			for _, fn := range locFuncs[loc] {
				n := name(fn)
				handle = handle || n == "main.(*service).handle"
				// deferproc and its variants (deferprocStack…) register a
				// defer that is not open-coded; deferreturn runs it.
				deferRuntime = deferRuntime || strings.HasPrefix(n, "runtime.deferproc") || n == "runtime.deferreturn"
			}
		}
		if handle {
			sum.inHandle += s.count
		}
		if deferRuntime {
			sum.inDeferRuntime += s.count
		}
	}
	return sum, nil
}

// fields calls fn for each field of one protobuf message: its number, wire
// type, and its value (varint) or bytes (length-delimited).
func fields(b []byte, fn func(num int, wire int, v uint64, b []byte) error) error {
	for len(b) > 0 {
		key, n := binary.Uvarint(b)
		if n <= 0 {
			return errors.New("cpu profile: bad field key")
		}
		b = b[n:]
		num, wire := int(key>>3), int(key&7)
		var v uint64
		var body []byte
		switch wire {
		case 0:
			v, n = binary.Uvarint(b)
			if n <= 0 {
				return errors.New("cpu profile: bad varint")
			}
			b = b[n:]
		case 1:
			if len(b) < 8 {
				return errors.New("cpu profile: short fixed64")
			}
			v, b = binary.LittleEndian.Uint64(b), b[8:]
		case 2:
			l, n := binary.Uvarint(b)
			if n <= 0 || uint64(len(b)-n) < l {
				return errors.New("cpu profile: bad length")
			}
			body, b = b[n:n+int(l)], b[n+int(l):]
		case 5:
			if len(b) < 4 {
				return errors.New("cpu profile: short fixed32")
			}
			v, b = uint64(binary.LittleEndian.Uint32(b)), b[4:]
		default:
			return fmt.Errorf("cpu profile: wire type %d", wire)
		}
		if err := fn(num, wire, v, body); err != nil {
			return err
		}
	}
	return nil
}

// varints calls fn for each varint of a packed repeated field.
func varints(b []byte, fn func(uint64)) error {
	for r := bytes.NewReader(b); r.Len() > 0; {
		x, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		fn(x)
	}
	return nil
}
