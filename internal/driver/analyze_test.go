package driver

import (
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestSortedCycle: a graph that is not a DAG is caught before the workers
// start (they would wait for good), and a DAG is ordered whole.
func TestSortedCycle(t *testing.T) {
	a := &packages.Package{ID: "a", Imports: map[string]*packages.Package{}}
	b := &packages.Package{ID: "b", Imports: map[string]*packages.Package{"a": a}}
	c := &packages.Package{ID: "c", Imports: map[string]*packages.Package{"b": b}}
	na, nb, nc := &node{pkg: a}, &node{pkg: b}, &node{pkg: c}
	na.preds, nb.preds = []*node{nb}, []*node{nc}
	if n := sorted([]*node{na, nb, nc}, []*node{na}); n != 3 {
		t.Errorf("DAG: %d of 3 ordered", n)
	}
	a.Imports["c"] = c // a -> c -> b -> a
	nc.preds = []*node{na}
	if n := sorted([]*node{na, nb, nc}, nil); n != 0 {
		t.Errorf("cycle: %d of 3 ordered, want 0", n)
	}
	if _, _, _, err := analyze(nil, []*packages.Package{c}); err == nil {
		t.Error("analyze on a cycle: no error")
	}
}

func TestPartialLine(t *testing.T) {
	for _, c := range []struct {
		p    Partial
		want string
	}{
		{Partial{Path: "m/p", None: true}, "m/p: not analysed: it has errors"},
		{Partial{Path: "m/p", Skipped: []string{"f"}}, "m/p: analysed in part: 1 declaration with errors left out (f)"},
		{Partial{Path: "m/p", Skipped: []string{"a", "b", "c", "d", "e", "f", "g"}},
			"m/p: analysed in part: 7 declarations with errors left out (a, b, c, d, e and 2 more)"},
	} {
		if got := c.p.Line(); got != c.want {
			t.Errorf("Line() = %q, want %q", got, c.want)
		}
	}
}
