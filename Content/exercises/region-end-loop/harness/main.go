// Harness for the "region-end-loop" exercise. DeferLab always builds this
// shipped copy (main.go and trace.go) together with your work.go, so editing
// it changes nothing in a check.
//
// It makes 200 to 600 short documents (their ids and text depend on -seed)
// and calls indexAll from work.go with a tracer (trace.go) and a small
// in-memory search index. Index.Add records its own "index.write" span as a
// child of the span in the context it is given. Afterwards the harness reads
// the trace like a tracing backend and prints what it found.
//
// Two figures come from the span timings and are measurements, not output:
// "figure: maxOpenSpans=N", the most spans open at once, and
// "figure: documentTimeShare=N", the durations of all index.document spans
// added up, in percent of the index.batch span's duration. Documents are
// indexed one after the other, so in a correct trace their spans do not
// overlap and add up to at most 100%.
package main

import (
	"context"
	"flag"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

// Doc is one document to index.
type Doc struct {
	ID   int64
	Text string
}

// Index is an in-memory inverted index: term -> ids of the documents.
type Index struct {
	tracer *Tracer
	terms  map[string][]int64
}

// Add indexes one document and returns how many distinct terms it has.
func (ix *Index) Add(ctx context.Context, d Doc) (int, error) {
	_, span := ix.tracer.Start(ctx, "index.write")
	span.SetInt("doc.id", d.ID)
	seen := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(d.Text)) {
		w = strings.Trim(w, ".,;:!?")
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		ix.terms[w] = append(ix.terms[w], d.ID)
	}
	span.End()
	if len(seen) == 0 {
		return 0, fmt.Errorf("document %d has no terms", d.ID)
	}
	return len(seen), nil
}

func main() {
	seed := flag.Uint64("seed", 1, "seed that decides the documents")
	flag.Parse()
	os.Exit(run(*seed))
}

func run(seed uint64) int {
	docs := makeDocs(seed)
	tr := &Tracer{}
	ix := &Index{tracer: tr, terms: map[string][]int64{}}

	n, err := indexAll(context.Background(), tr, ix, docs)

	fmt.Printf("documents: %d\n", len(docs))
	fmt.Printf("indexed: %d\n", n)
	fmt.Printf("terms: %d\n", len(ix.terms))
	sum := crc32.NewIEEE()
	for _, d := range docs {
		fmt.Fprintf(sum, "%d:%d;", d.ID, len(ix.terms[firstTerm(d.Text)]))
	}
	fmt.Printf("postings checksum: %08x\n", sum.Sum32())
	report(tr, docs)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	return 0
}

// report checks the trace's shape (deterministic: printed as output) and
// measures its timings (printed as figures).
func report(tr *Tracer, docs []Doc) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	count := map[string]int{}
	var batch *Span
	var docTime time.Duration
	open, misplaced, unlabelled := 0, 0, 0
	for _, s := range tr.spans {
		count[s.name]++
		if s.end.IsZero() {
			open++
			continue
		}
		switch s.name {
		case "index.batch":
			batch = s
			if s.parent != nil {
				misplaced++
			}
		case "index.document":
			docTime += s.end.Sub(s.start)
			if s.parent == nil || s.parent.name != "index.batch" {
				misplaced++
			}
			if _, ok := s.attrs["doc.id"]; !ok {
				unlabelled++
			}
		case "index.write":
			// Its parent must be the span of the same document.
			if p := s.parent; p == nil || p.name != "index.document" || p.attrs["doc.id"] != s.attrs["doc.id"] {
				misplaced++
			}
		}
	}
	fmt.Printf("spans: index.batch=%d index.document=%d index.write=%d other=%d\n",
		count["index.batch"], count["index.document"], count["index.write"],
		len(tr.spans)-count["index.batch"]-count["index.document"]-count["index.write"])
	fmt.Printf("spans never ended: %d\n", open)
	fmt.Printf("spans with the wrong parent: %d\n", misplaced)
	fmt.Printf("document spans without doc.id: %d\n", unlabelled)

	share := 0
	if batch != nil && batch.end.After(batch.start) {
		share = int(docTime * 100 / batch.end.Sub(batch.start))
	}
	fmt.Printf("figure: maxOpenSpans=%d documentTimeShare=%d\n", tr.peak, share)
}

func firstTerm(text string) string {
	f := strings.Fields(strings.ToLower(text))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[0], ".,;:!?")
}

var words = strings.Fields(`kernel cgroup socket packet buffer queue shard
replica lease quorum ledger commit snapshot compaction segment index cursor
token bucket window latency retry backoff deadline timeout cancel span trace`)

// makeDocs returns 200 to 600 documents of 5 to 40 words each.
func makeDocs(seed uint64) []Doc {
	rng := rand.New(rand.NewPCG(seed, 0xd0c5))
	docs := make([]Doc, 200+rng.IntN(401))
	id := int64(1 + rng.IntN(1000))
	for i := range docs {
		var b strings.Builder
		for w := 5 + rng.IntN(36); w > 0; w-- {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(8) == 0 {
				b.WriteString(".")
			}
			b.WriteByte(' ')
		}
		id += int64(1 + rng.IntN(5))
		docs[i] = Doc{ID: id, Text: b.String()}
	}
	return docs
}
