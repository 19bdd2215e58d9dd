package main

// A small tracer in the style of OpenTelemetry, part of the harness. Start
// opens a span as a child of the span carried by ctx (if any) and returns a
// context that carries the new span; End closes the span and fixes its
// duration. Spans are kept in memory so that the harness can read the trace
// afterwards, as a tracing backend would.

import (
	"context"
	"sync"
	"time"
)

// Tracer creates spans and remembers every one of them.
type Tracer struct {
	mu    sync.Mutex
	spans []*Span
	open  int // spans started and not yet ended
	peak  int
}

// Span is one timed operation of a trace.
type Span struct {
	tracer *Tracer
	name   string
	parent *Span
	start  time.Time
	end    time.Time // zero until End
	attrs  map[string]int64
}

type spanKey struct{}

// Start opens a span called name. Its parent is the span in ctx, if any; the
// returned context carries the new span, so that work done with it is
// recorded as the new span's children.
func (t *Tracer) Start(ctx context.Context, name string) (context.Context, *Span) {
	parent, _ := ctx.Value(spanKey{}).(*Span)
	s := &Span{tracer: t, name: name, parent: parent, attrs: map[string]int64{}}
	t.mu.Lock()
	t.spans = append(t.spans, s)
	t.open++
	t.peak = max(t.peak, t.open)
	s.start = time.Now()
	t.mu.Unlock()
	return context.WithValue(ctx, spanKey{}, s), s
}

// End closes the span; its duration is the time from Start to the first End.
func (s *Span) End() {
	t := s.tracer
	t.mu.Lock()
	if s.end.IsZero() {
		s.end = time.Now()
		t.open--
	}
	t.mu.Unlock()
}

// SetInt records an attribute of the span, such as an id or a count.
func (s *Span) SetInt(key string, v int64) {
	s.tracer.mu.Lock()
	s.attrs[key] = v
	s.tracer.mu.Unlock()
}
