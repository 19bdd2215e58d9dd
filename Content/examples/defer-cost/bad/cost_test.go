package main

import "testing"

const loopLen = 8

func BenchmarkNoDefer(b *testing.B) {
	for range b.N {
		noDefer()
	}
}

func BenchmarkOneDefer(b *testing.B) {
	for range b.N {
		oneDefer()
	}
}

func BenchmarkLockUnlock(b *testing.B) {
	for range b.N {
		lockUnlock()
	}
}

func BenchmarkLockDeferUnlock(b *testing.B) {
	for range b.N {
		lockDeferUnlock()
	}
}

func BenchmarkNineDefers(b *testing.B) {
	for range b.N {
		nineDefers()
	}
}

func BenchmarkManyReturns(b *testing.B) {
	for range b.N {
		manyReturns(7)
	}
}

func BenchmarkDeferInLoop(b *testing.B) {
	for range b.N {
		deferInLoop(loopLen)
	}
}

func BenchmarkLoopDeferNoArgs(b *testing.B) {
	for range b.N {
		loopDeferNoArgs(loopLen)
	}
}
