package flow

import (
	"runtime"
	"testing"
)

// TestFreeListSurvivesCollections: what a freeList keeps is still there
// after garbage collections, which empty a sync.Pool (the reason it exists).
func TestFreeListSurvivesCollections(t *testing.T) {
	var l freeList[[]int]
	made := 0
	l.init = func() *[]int { made++; return new([]int) }
	x := l.get()
	if made != 1 {
		t.Fatalf("get on an empty list made %d values, want 1", made)
	}
	*x = make([]int, 0, 1<<16)
	l.put(x)
	runtime.GC()
	runtime.GC()
	if y := l.get(); y != x || cap(*y) != 1<<16 {
		t.Errorf("get after two collections returned another value (cap %d): the scratch was lost", cap(*y))
	}
	if made != 1 {
		t.Errorf("made %d values, want 1", made)
	}
}

// TestFreeListBounded: a freeList keeps at most maxFree values.
func TestFreeListBounded(t *testing.T) {
	var l freeList[int]
	for i := 0; i < 2*maxFree; i++ {
		l.put(new(int))
	}
	if len(l.free) != maxFree {
		t.Errorf("kept %d values, want %d", len(l.free), maxFree)
	}
	seen := map[*int]bool{}
	for i := 0; i < maxFree; i++ {
		x := l.get()
		if seen[x] {
			t.Fatalf("get returned %p twice", x)
		}
		seen[x] = true
	}
	if len(l.free) != 0 {
		t.Errorf("%d values left after taking all", len(l.free))
	}
}
