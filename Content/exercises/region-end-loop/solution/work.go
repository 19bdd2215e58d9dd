// work.go: reference solution.
package main

import (
	"context"
	"fmt"
)

// indexAll adds the documents to the index one after the other and returns
// how many it added. The batch gets a span, and so does every document, so
// that a slow document stands out in the trace.
func indexAll(ctx context.Context, tr *Tracer, ix *Index, docs []Doc) (int, error) {
	ctx, batch := tr.Start(ctx, "index.batch")
	defer batch.End()

	indexed := 0
	for _, d := range docs {
		if err := indexOne(ctx, tr, ix, d); err != nil {
			return indexed, err
		}
		indexed++
	}
	return indexed, nil
}

// indexOne indexes one document under its own span. The deferred End runs
// when indexOne returns, so the span covers this document's work only.
func indexOne(ctx context.Context, tr *Tracer, ix *Index, d Doc) error {
	ctx, span := tr.Start(ctx, "index.document")
	defer span.End()
	span.SetInt("doc.id", d.ID)

	terms, err := ix.Add(ctx, d)
	if err != nil {
		return fmt.Errorf("indexing document %d: %w", d.ID, err)
	}
	span.SetInt("doc.terms", int64(terms))
	return nil
}
