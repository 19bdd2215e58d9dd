package clean

import (
	"fmt"
	"log"
	"os"
)

type logger struct{}

func (logger) Fatal(v ...any) { fmt.Println(v...) }

type exiter struct{}

func (exiter) Exit(code int) { fmt.Println(code) }

// Before exits before any defer is registered.
func Before(name string) {
	f, err := os.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
}

// LocalNames: a local log and os are not the standard library.
func LocalNames(name string) {
	f, _ := os.Open(name)
	defer f.Close()
	log := logger{}
	log.Fatal("not an exit")
	os := exiter{}
	os.Exit(1)
}

// OwnScope: the defer belongs to the function literal, not to the function that exits.
func OwnScope() {
	func() {
		defer fmt.Println("done")
	}()
	os.Exit(0)
}

// Sibling: the defer's block does not enclose the exit.
func Sibling(ok bool) {
	if ok {
		defer fmt.Println("only on this path")
		return
	}
	os.Exit(2)
}

// InsideLiteral: the exit runs in a goroutine with no defers of its own; whether the
// function's defer is still pending then is not something syntax can tell.
func InsideLiteral() {
	defer fmt.Println("main done")
	go func() {
		os.Exit(3)
	}()
}
