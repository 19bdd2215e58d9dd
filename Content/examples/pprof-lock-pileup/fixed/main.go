// Fixed: the handler does the slow backend call without the lock and takes
// the lock only for the short cache update (still with defer, in a small
// method of its own). Requests now run concurrently: at the snapshot only
// the requests inside their backend call are alive, none is queued on the
// mutex, and the heap holds only their buffers. The program writes the same
// profiles as the bad variant, CPU profile included.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

func init() {
	// Record every allocation. This must happen before the allocations of
	// interest; the default rate samples one allocation per 512 KiB.
	runtime.MemProfileRate = 1
}

type service struct {
	mu    sync.Mutex
	cache map[int]int
	work  time.Duration
	buf   int // bytes per request buffer
}

// handle serves one request: slow work first, without the lock.
func (s *service) handle(id int) {
	buf := make([]byte, s.buf) // the request's buffer, live until handle returns
	v := s.fetch(id, buf)
	s.store(id, v)
}

// store holds the lock only for the map update; the defer releases it as
// soon as store returns.
func (s *service) store(id, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache[id] = v
}

// fetch simulates the slow backend call.
func (s *service) fetch(id int, buf []byte) int {
	time.Sleep(s.work)
	buf[0] = byte(id)
	return int(buf[0])
}

func main() {
	requests := flag.Int("requests", 200, "requests to serve")
	interval := flag.Duration("interval", time.Millisecond, "time between request arrivals")
	work := flag.Duration("work", 10*time.Millisecond, "backend time per request")
	bufSize := flag.Int("buf", 64<<10, "bytes of buffer each request holds")
	snapshot := flag.Duration("snapshot", 150*time.Millisecond, "when to take the profiles")
	out := flag.String("out", "", "directory for the profiles (default: a new temp dir, removed at exit unless -keep)")
	keep := flag.Bool("keep", false, "keep the default temp dir instead of removing it")
	flag.Parse()
	os.Exit(run(*requests, *interval, *work, *bufSize, *snapshot, *out, *keep))
}

func run(requests int, interval, work time.Duration, bufSize int, snapshot time.Duration, out string, keep bool) int {
	if out == "" {
		dir, err := os.MkdirTemp("", "deferlab-pprof-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			return 1
		}
		if !keep {
			defer os.RemoveAll(dir)
		}
		out = dir
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	fmt.Println("profiles directory:", out)
	var cpuFile *os.File // the CPU profile, from the snapshot to the end
	var err error
	defer func() {
		if cpuFile != nil { // an error path; otherwise it is stopped and checked below
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
	}()

	s := &service{cache: make(map[int]int), work: work, buf: bufSize}
	var lat latencies
	var wg sync.WaitGroup
	start := time.Now()
	snapAt := time.After(snapshot)
	arrivals := time.NewTicker(interval)
	defer arrivals.Stop()
	snapped := false
	for i := 0; i < requests; {
		select {
		case <-arrivals.C:
			wg.Add(1)
			arrived := time.Now()
			go func(id int) {
				defer wg.Done()
				s.handle(id)
				lat.add(time.Since(arrived))
			}(i)
			i++
		case <-snapAt:
			if cpuFile, err = takeSnapshot(out); err != nil {
				fmt.Fprintln(os.Stderr, "error:", err)
				return 1
			}
			snapped = true
		}
	}
	if !snapped {
		<-snapAt
		if cpuFile, err = takeSnapshot(out); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			return 1
		}
	}
	wg.Wait()
	elapsed := time.Since(start)
	pprof.StopCPUProfile()
	err = cpuFile.Close()
	cpuFile = nil
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	cpu, err := summarizeCPUProfile(filepath.Join(out, "cpu.pprof"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("request latency:", lat.String())
	fmt.Printf("gc cycles over the run: %d (one of them forced for the heap profile)\n", ms.NumGC)
	fmt.Println("cpu profile:", cpu)
	fmt.Printf("served %d requests in %v\n", requests, elapsed.Round(time.Millisecond))
	return 0
}

// latencies records how long each request took from its arrival to the end
// of its handler, queueing included.
type latencies struct {
	mu       sync.Mutex
	n        int
	sum, max time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n++
	l.sum += d
	l.max = max(l.max, d)
}

func (l *latencies) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.n == 0 {
		return "no requests"
	}
	r := 100 * time.Microsecond
	return fmt.Sprintf("mean %v, max %v", (l.sum / time.Duration(l.n)).Round(r), l.max.Round(r))
}

// takeSnapshot writes the profiles of this moment, then starts a CPU profile
// (cpu.pprof) for the rest of the run: started after the heap snapshot, so
// the profiler's own buffers are not in the heap profile.
func takeSnapshot(dir string) (*os.File, error) {
	if err := writeProfiles(dir); err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// writeProfiles writes goroutine.txt (debug=1), goroutine-stacks.txt
// (debug=2) and heap.pprof, and prints the first line of the debug=1
// goroutine profile and its biggest group.
func writeProfiles(dir string) error {
	fmt.Println("goroutines at snapshot:", runtime.NumGoroutine())
	write := func(name string, fn func(f *os.File) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	// Both goroutine profiles first, back to back, so that they describe
	// the same moment; then the files.
	var sb, stacks strings.Builder
	if err := pprof.Lookup("goroutine").WriteTo(&sb, 1); err != nil {
		return err
	}
	if err := pprof.Lookup("goroutine").WriteTo(&stacks, 2); err != nil {
		return err
	}
	if err := write("goroutine.txt", func(f *os.File) error {
		_, err := f.WriteString(sb.String())
		return err
	}); err != nil {
		return err
	}
	if err := write("goroutine-stacks.txt", func(f *os.File) error {
		_, err := f.WriteString(stacks.String())
		return err
	}); err != nil {
		return err
	}
	runtime.GC() // the heap profile shows the state as of the last GC
	if err := write("heap.pprof", func(f *os.File) error {
		return pprof.Lookup("heap").WriteTo(f, 0)
	}); err != nil {
		return err
	}
	printTop(sb.String())
	fmt.Println("most common wait reason (debug=2):", topWaitReason(stacks.String()))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("heap in use after GC: %d KiB in %d live objects\n", ms.HeapAlloc>>10, ms.HeapObjects)
	fn, line := heapTop()
	fmt.Println("heap top (inuse_space):", fn)
	fmt.Println("heap top line (inuse_space):", line)
	fmt.Println("wrote goroutine.txt (debug=1), goroutine-stacks.txt (debug=2), heap.pprof")
	return nil
}

// printTop prints the profile's header line and its largest group: the
// count, the innermost frame, and the first frame of this program with its
// file:line.
func printTop(profile string) {
	groups := strings.Split(strings.TrimSpace(profile), "\n\n")
	first := strings.SplitN(groups[0], "\n", 2)
	fmt.Println(first[0])
	if len(first) == 2 {
		groups[0] = first[1]
	}
	bestCount, bestTop, bestMain := 0, "", ""
	for _, g := range groups {
		lines := strings.Split(strings.TrimSpace(g), "\n")
		var n int
		if _, err := fmt.Sscanf(lines[0], "%d @", &n); err != nil || n <= bestCount {
			continue
		}
		top, mainFrame := "", ""
		for _, l := range lines[1:] {
			// A frame line: "#	0xADDR	function+0xOFF	/path/file.go:LINE"
			fields := strings.Fields(strings.TrimPrefix(l, "#"))
			if len(fields) < 3 {
				continue
			}
			fn, _, _ := strings.Cut(fields[1], "+0x")
			if top == "" {
				top = fn
			}
			if strings.HasPrefix(fn, "main.") {
				mainFrame = fn + " (" + filepath.Base(fields[2]) + ")"
				break
			}
		}
		bestCount, bestTop, bestMain = n, top, mainFrame
	}
	fmt.Printf("largest group: %d goroutines in %s, innermost frame %s\n", bestCount, bestMain, bestTop)
}

// topWaitReason counts the goroutines of a debug=2 goroutine profile by the
// wait reason in their header line ("goroutine 7 [sync.Mutex.Lock, 2 minutes]:")
// and names the most common one.
func topWaitReason(stacks string) string {
	count := map[string]int{}
	for _, l := range strings.Split(stacks, "\n") {
		if !strings.HasPrefix(l, "goroutine ") {
			continue
		}
		_, rest, ok := strings.Cut(l, " [")
		if !ok {
			continue
		}
		reason, _, _ := strings.Cut(rest, "]")
		reason, _, _ = strings.Cut(reason, ",")
		count[reason]++
	}
	best, n := "none", 0
	for reason, c := range count {
		if c > n || (c == n && reason < best) {
			best, n = reason, c
		}
	}
	return fmt.Sprintf("%s, %d goroutines", best, n)
}

// heapTop names the function, and the line in it, holding the most live heap
// in the sampled records the heap profile is made of: the first frame outside
// the runtime, as pprof -top's flat column and pprof -list show them.
func heapTop() (function, line string) {
	n, _ := runtime.MemProfile(nil, true)
	records := make([]runtime.MemProfileRecord, n+64)
	n, ok := runtime.MemProfile(records, true)
	if !ok {
		return "unknown", "unknown"
	}
	byFunc, byLine := map[string]int64{}, map[string]int64{}
	for _, r := range records[:n] {
		name, where := "unknown", "unknown"
		frames := runtime.CallersFrames(r.Stack())
		for {
			f, more := frames.Next()
			if f.Function != "" && !strings.HasPrefix(f.Function, "runtime.") {
				name = f.Function
				where = fmt.Sprintf("%s at %s:%d", f.Function, filepath.Base(f.File), f.Line)
				break
			}
			if !more {
				break
			}
		}
		byFunc[name] += r.InUseBytes()
		byLine[where] += r.InUseBytes()
	}
	top := func(live map[string]int64) string {
		best, bytes := "unknown", int64(-1)
		for name, b := range live {
			if b > bytes || (b == bytes && name < best) {
				best, bytes = name, b
			}
		}
		return fmt.Sprintf("%s, %d KiB", best, bytes>>10)
	}
	return top(byFunc), top(byLine)
}
