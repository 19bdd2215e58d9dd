package escape

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
)

type handle struct{ f *os.File }

func (h *handle) Close() error { return h.f.Close() }

func openHandle(name string) (*handle, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &handle{f: f}, nil
}

// MapKey keeps each handle as a map key.
func MapKey(names []string) map[*handle]bool {
	seen := map[*handle]bool{}
	for _, n := range names {
		h, err := openHandle(n)
		if err != nil {
			continue
		}
		defer h.Close() // want "unsafe fix: h is stored in seen, declared outside the iteration"
		seen[h] = true
	}
	return seen
}

// Asserted keeps the file behind an interface, after a type assertion.
func Asserted(names []string) []*os.File {
	var out []*os.File
	for _, n := range names {
		var r io.ReadCloser
		f, err := os.Open(n)
		if err != nil {
			continue
		}
		r = f
		defer r.Close() // want "unsafe fix: r is stored in out, declared outside the iteration"
		out = append(out, r.(*os.File))
	}
	return out
}

// Aliased keeps the file through the variable it came from.
func Aliased(names []string) []*os.File {
	var out []*os.File
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			continue
		}
		r := f
		defer r.Close() // want "unsafe fix: f \\(sharing r\\) is stored in out"
		out = append(out, f)
	}
	return out
}

var registry []*os.File

func register(f *os.File) { registry = append(registry, f) }

// Argument hands each file to a function that keeps it.
func Argument(names []string) {
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			continue
		}
		defer f.Close() // want "unsafe fix: f is passed to register, which may keep it"
		register(f)
	}
}

func remove(id string) { _ = os.Remove(id) }

// Remove removes files at return whose names the caller still holds.
func Remove(names []string, ids []string) {
	for i, n := range names {
		id := n + ".tmp"
		defer remove(id) // want "unsafe fix: remove\\(id\\) calls a function that acts outside the iteration"
		ids[i] = id
	}
}

// Alias keeps a copy of the variable.
func Alias(names []string) []*os.File {
	var keep []*os.File
	for _, n := range names {
		r, err := os.Open(n)
		if err != nil {
			continue
		}
		defer r.Close() // want "unsafe fix: a \\(sharing r\\) is stored in keep"
		a := r
		keep = append(keep, a)
	}
	return keep
}

// Closure keeps a function literal that reads the file later.
func Closure(names []string) []func() string {
	var later []func() string
	for _, n := range names {
		r, err := os.Open(n)
		if err != nil {
			continue
		}
		defer r.Close() // want "unsafe fix: r is stored in later, declared outside the iteration"
		later = append(later, func() string { return r.Name() })
	}
	return later
}

// DeferredLiteral releases through a deferred function literal, but keeps the file too.
func DeferredLiteral(names []string) []*os.File {
	var keep []*os.File
	for _, n := range names {
		r, err := os.Open(n)
		if err != nil {
			continue
		}
		defer func() { r.Close() }() // want "unsafe fix: r is stored in keep, declared outside the iteration"
		keep = append(keep, r)
	}
	return keep
}

// Goroutine reads each file in another goroutine.
func Goroutine(names []string, done chan<- int64) {
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			continue
		}
		defer f.Close() // want "unsafe fix: f is used by a goroutine"
		go func() {
			st, err := f.Stat()
			if err == nil {
				done <- st.Size()
			}
		}()
	}
}

// Compress closes each gzip writer into the caller's writer: the bytes land at return.
func Compress(out io.Writer, parts [][]byte) error {
	for _, p := range parts {
		zw := gzip.NewWriter(out)
		defer zw.Close() // want "unsafe fix: closing zw writes to out"
		if _, err := zw.Write(p); err != nil {
			return err
		}
	}
	return nil
}

type pool struct{ files map[string]*os.File }

func (p *pool) Lookup(name string) *os.File { return p.files[name] }

// Shared closes files that the pool hands out again.
func Shared(p *pool, names []string) {
	for _, n := range names {
		f := p.Lookup(n)
		defer f.Close() // want "unsafe fix: f comes from p.Lookup\\(n\\), which may hand out a value shared"
	}
}

// Elements closes the caller's files.
func Elements(files []*os.File) {
	for _, f := range files {
		defer f.Close() // want "unsafe fix: f is not created in the iteration \\(a loop variable"
	}
}

// Names removes temporary files whose names the caller gets back.
func Names(dir string, count int) []string {
	var names []string
	for i := 0; i < count; i++ {
		f, err := os.CreateTemp(dir, "keep-*")
		if err != nil {
			continue
		}
		defer os.Remove(f.Name()) // want "unsafe fix: f is stored in names, declared outside the iteration"
		names = append(names, f.Name())
		f.Close()
	}
	return names
}

// Servers starts test servers whose addresses the caller uses after the loop.
func Servers(n int, h http.Handler) []string {
	var urls []string
	for i := 0; i < n; i++ {
		ts := httptest.NewServer(h)
		defer ts.Close() // want "unsafe fix: ts is stored in urls, declared outside the iteration"
		urls = append(urls, ts.URL)
	}
	return urls
}

type y struct{}

func (y) A(n string) {}

func (y) Close() error { return nil }

// Literal defers calls on values made on the spot.
func Literal(names []string) {
	for _, n := range names {
		defer y{}.A(n)    // want "unsafe fix: y\\{\\}.A\\(n\\) is not a release of a value the iteration created"
		defer y{}.Close() // want "unsafe fix: the wrap also moves the defer on line \\d+: y\\{\\}.A\\(n\\) is not a release"
	}
}
