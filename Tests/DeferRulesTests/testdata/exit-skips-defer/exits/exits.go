package exits

import (
	"fmt"
	stdlog "log"
	"os"
	"sync"
)

// Main exits with a file still open.
func Main(name string) {
	f, err := os.Create(name)
	if err != nil {
		stdlog.Fatal(err)
	}
	defer f.Close()
	if _, err := fmt.Fprintln(f, "hello"); err != nil {
		stdlog.Fatalf("write: %v", err) // want "^stdlog.Fatalf calls os.Exit\\(1\\) and skips the pending deferred f.Close\\(\\): deferred calls do not run when the program exits \\(not fixed: no mechanical rewrite"
	}
	os.Exit(0) // want "^os.Exit skips the pending deferred f.Close\\(\\): deferred calls do not run when the program exits \\(not fixed: no mechanical rewrite"
}

// Two has two pending defers, one in an enclosing block.
func Two(mu *sync.Mutex, wg *sync.WaitGroup, code int) {
	defer wg.Done()
	mu.Lock()
	defer mu.Unlock()
	for i := 0; i < code; i++ {
		if i == 3 {
			os.Exit(i) // want "os.Exit skips 2 pending deferred calls \\(wg.Done\\(\\), mu.Unlock\\(\\)\\)"
		}
	}
}

// Literal: the defer and the exit are both inside a function literal.
func Literal(name string) func() {
	return func() {
		f, _ := os.Open(name)
		defer func() {
			f.Close()
		}()
		stdlog.Fatalln("stop") // want "stdlog.Fatalln calls os.Exit\\(1\\) and skips the pending deferred func\\(\\) \\{ … \\}\\(\\)"
	}
}

// Clause: the defer and the exit share a switch clause.
func Clause(mode int) {
	switch mode {
	case 1:
		defer fmt.Println("bye")
		os.Exit(1) // want "os.Exit skips the pending deferred fmt.Println\\(\"bye\"\\)"
	}
}
