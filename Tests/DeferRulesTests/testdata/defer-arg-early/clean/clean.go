package clean

import (
	"fmt"
	"log"
	"time"
)

type clock struct{}

func (clock) Now() time.Time                  { return time.Time{} }
func (clock) Since(t time.Time) time.Duration { return 0 }

// Wrapped already evaluates at the return.
func Wrapped(start time.Time) {
	defer func() { log.Printf("took %v", time.Since(start)) }()
}

// Outside uses time.Since outside any defer.
func Outside(start time.Time) {
	log.Printf("took %v", time.Since(start))
}

// Local: a local time is not the standard library.
func Local() {
	time := clock{}
	defer fmt.Println(time.Now())
}

// Literal: the time call is inside a function literal argument, which runs later.
func Literal(start time.Time, run func(func())) {
	defer run(func() { fmt.Println(time.Since(start)) })
}

// Trace: the deferred function value itself is computed early on purpose.
func Trace() {
	defer trace(time.Now())()
}

func trace(start time.Time) func() {
	return func() { fmt.Println(time.Since(start)) }
}

type sink struct{}

func (sink) MeasureSince(key []string, start time.Time) {}

var metrics sink

// Measured passes the start of a measurement: evaluating time.Now() at the defer is the point.
func Measured() {
	defer metrics.MeasureSince([]string{"api", "get"}, time.Now())
	fmt.Println("working")
}

func track(name string, since time.Time) { fmt.Println(name, time.Since(since)) }

// Tracked passes the start time to a function of the package whose parameter says so.
func Tracked() {
	defer track("tracked", time.Now())
	fmt.Println("working")
}
