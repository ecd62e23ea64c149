package flow

import "sync"

// A freeList keeps scratch values for reuse, like a sync.Pool that the
// garbage collector does not empty. A sync.Pool is emptied by every
// second collection, and the analysis of a large function runs through
// several: its scratch lists then grew from nothing again each time, so
// that what they allocated grew faster than the function (8x for 4x the
// logins). A freeList keeps at most maxFree values; what it holds is the
// scratch of the largest package or function one goroutine analysed.
type freeList[T any] struct {
	mu   sync.Mutex
	free []*T
	init func() *T // makes a new value; new(T) when nil
}

// maxFree bounds the values a freeList keeps: more than the goroutines
// that analyse packages at once under any driver here.
const maxFree = 16

func (l *freeList[T]) get() *T {
	l.mu.Lock()
	if n := len(l.free); n > 0 {
		x := l.free[n-1]
		l.free[n-1] = nil
		l.free = l.free[:n-1]
		l.mu.Unlock()
		return x
	}
	l.mu.Unlock()
	if l.init != nil {
		return l.init()
	}
	return new(T)
}

func (l *freeList[T]) put(x *T) {
	l.mu.Lock()
	if len(l.free) < maxFree {
		l.free = append(l.free, x)
	}
	l.mu.Unlock()
}
