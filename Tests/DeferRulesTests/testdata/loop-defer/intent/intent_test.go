package intent

import (
	"os"
	"testing"
)

type server struct{ addr string }

func startServer(t *testing.T) *server { return &server{addr: t.Name()} }

func (s *server) Close() {}

// TestServers starts fixtures in a loop and uses them all after it.
func TestServers(t *testing.T) {
	var addrs []string
	for i := 0; i < 3; i++ {
		s := startServer(t)
		defer s.Close() // want "unsafe fix: in a test, s made by startServer\\(t\\) may be a fixture"
		addrs = append(addrs, s.addr)
	}
	if len(addrs) != 3 {
		t.Fatal("want 3 servers")
	}
}

// BenchmarkOpen measures opening: when the files close is part of what is timed.
func BenchmarkOpen(b *testing.B) {
	for i := 0; i < b.N; i++ {
		f, err := os.Open("intent.go")
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close() // want "unsafe fix: in a benchmark, releasing f.Close\\(\\) at the end of each iteration changes what is timed"
	}
}
