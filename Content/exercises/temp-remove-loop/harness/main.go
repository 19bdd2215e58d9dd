// Harness for the "temp-remove-loop" exercise. DeferLab always builds this
// shipped copy together with your work.go, so editing it changes nothing in
// a check.
//
// It makes 200 to 600 mail attachments of 2 to 32 KB (names, contents and
// which ones carry a known-bad signature depend on -seed) and calls
// scanAttachments from work.go with an empty temporary folder and a
// Scanner. Like a command-line virus scanner, the Scanner only takes a file
// path. Each time it is called it also looks at the folder: the harness
// prints the most files and the most kilobytes it ever found there as
// "figure: peakTempFiles=N peakTempKB=N", a measurement, not output.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
)

// Attachment is one attachment of a mail, as it arrives.
type Attachment struct {
	Name string
	Body io.Reader
}

// Verdict is what the scanner says about one file.
type Verdict struct {
	Size      int64
	Signature string // name of the known-bad pattern found; "" when clean
}

// Scanner stands for an external scanner that only works on files.
type Scanner struct {
	dir       string
	peakFiles int
	peakBytes int64
}

// signatures are the known-bad patterns the scanner looks for.
var signatures = map[string]string{
	"Test.Dropper.A": "\x4d\x5a\x90\x00DROPPER-A",
	"Test.Macro.B":   "Sub AutoOpen() ' MACRO-B",
	"Test.Script.C":  "eval(atob('U0NSSVBULUM='))",
}

// Scan reads the file at path and reports its size and the first known-bad
// pattern it contains.
func (s *Scanner) Scan(path string) (Verdict, error) {
	s.lookAtFolder()
	f, err := os.Open(path)
	if err != nil {
		return Verdict{}, err
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return Verdict{}, err
	}
	v := Verdict{Size: int64(len(data))}
	for _, name := range []string{"Test.Dropper.A", "Test.Macro.B", "Test.Script.C"} {
		if bytes.Contains(data, []byte(signatures[name])) {
			v.Signature = name
			break
		}
	}
	return v, nil
}

// lookAtFolder counts the files in the temporary folder and their size.
func (s *Scanner) lookAtFolder() {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	var size int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			size += info.Size()
		}
	}
	s.peakFiles = max(s.peakFiles, len(entries))
	s.peakBytes = max(s.peakBytes, size)
}

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the attachments")
	flag.Parse()
	os.Exit(run(*seed))
}

// run uses no defer of its own, so that the pending-defer figure of a run
// is scanAttachments' alone; it cleans up explicitly.
func run(seed uint64) int {
	dir, err := os.MkdirTemp("", "temp-remove-loop-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	code := check(dir, seed)
	if os.Remove(dir) != nil {
		os.RemoveAll(dir)
	}
	return code
}

func check(dir string, seed uint64) int {
	atts := makeAttachments(seed)
	names := make([]string, len(atts))
	for i, a := range atts {
		names[i] = a.Name
	}
	sc := &Scanner{dir: dir}

	verdicts, err := scanAttachments(dir, atts, sc)

	fmt.Printf("attachments: %d\n", len(atts))
	fmt.Printf("verdicts: %d\n", len(verdicts))
	infected := 0
	for i, v := range verdicts {
		state := "clean"
		if v.Signature != "" {
			state = "FOUND " + v.Signature
			infected++
		}
		fmt.Printf("%s: %d bytes, %s\n", names[i], v.Size, state)
	}
	fmt.Printf("infected: %d\n", infected)
	left, _ := os.ReadDir(dir)
	fmt.Printf("temporary files left: %d\n", len(left))
	fmt.Printf("figure: peakTempFiles=%d peakTempKB=%d\n", sc.peakFiles, (sc.peakBytes+1023)/1024)
	if err != nil {
		// The error may hold the temporary folder's name, which differs per run.
		fmt.Println("scanAttachments failed")
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	return 0
}

var (
	stems = []string{"invoice", "report", "scan", "photo", "contract", "minutes", "budget", "slides"}
	exts  = []string{".pdf", ".docx", ".xlsx", ".jpg", ".png", ".zip"}
)

// makeAttachments returns 200 to 600 attachments; about one in fifteen
// carries a known-bad pattern somewhere in its body.
func makeAttachments(seed uint64) []Attachment {
	rng := rand.New(rand.NewPCG(seed, 0xa77ac4))
	atts := make([]Attachment, 200+rng.IntN(401))
	bad := []string{"Test.Dropper.A", "Test.Macro.B", "Test.Script.C"}
	for i := range atts {
		body := make([]byte, 2048+rng.IntN(30*1024+1))
		for k := range body {
			body[k] = byte(rng.Uint32())
		}
		if rng.IntN(15) == 0 {
			sig := signatures[bad[rng.IntN(len(bad))]]
			copy(body[rng.IntN(len(body)-len(sig)):], sig)
		}
		name := fmt.Sprintf("%s-%03d%s", stems[rng.IntN(len(stems))], i+1, exts[rng.IntN(len(exts))])
		atts[i] = Attachment{Name: name, Body: bytes.NewReader(body)}
	}
	return atts
}
