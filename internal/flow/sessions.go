package flow

import (
	"go/ast"
	"go/types"
	"sort"
)

// This file is what a login's session flows into (SessionFlow), read from
// the carry graphs of values.go.

// EscapeKind says how a value leaves the function.
type EscapeKind uint8

// The ways out.
const (
	Returned EscapeKind = iota + 1
	Stored              // in a field, a global, or a map or slice the function does not own
	Sent                // on a channel
	Captured            // by a goroutine, or by a closure that may outlive the call
	Passed              // to a function that takes it over (or that is not known to borrow it)
)

var escapeNames = [...]string{"", "returned", "stored", "sent", "captured", "passed"}

func (k EscapeKind) String() string { return escapeNames[k] }

// Escape is a place where a value that may carry the session leaves the
// function.
type Escape struct {
	Node ast.Node
	Kind EscapeKind
	// unless: the escape does not happen when this variable carries the
	// session too (an argument of a method called on the session itself).
	unless *types.Var
}

// Sessions is what a login's session flows into.
type Sessions struct {
	// Carriers are the function's variables that may hold the session (the
	// holder, the login's other results, values made from them).
	Carriers map[*types.Var]bool
	// Escapes are the places where one of them leaves the function.
	Escapes []Escape
	// Types are the holder's type and those of its prefixes (x.f.g: g's
	// type, f's, x's): a value of one of them carries a session.
	Types []types.Type
}

// Escaped reports whether the session leaves the function somewhere.
func (s *Sessions) Escaped() bool { return len(s.Escapes) > 0 }

// SessionFlow follows the session from the given roots (the holder and the
// login's other results the caller chose) through the function.
//
// The answer is kept per graph and roots, and shared: the logins of a
// function often keep their session in the same variables (c, err reused
// by each), and would otherwise each follow it through the whole function.
// Callers must not change it.
func (l *Login) SessionFlow(roots []*types.Var) *Sessions {
	ht := l.holderTypes()
	g := l.Fn.graph(l.Raw, ht)
	key, keyed := flowKeyOf(roots)
	if keyed {
		l.Fn.mu.Lock()
		s, ok := g.flows[key]
		l.Fn.mu.Unlock()
		if ok {
			return s
		}
	}
	s := g.sessionFlow(roots, ht)
	if keyed {
		l.Fn.mu.Lock()
		if g.flows == nil {
			g.flows = map[flowKey]*Sessions{}
		}
		g.flows[key] = s
		l.Fn.mu.Unlock()
	}
	return s
}

// flowKey names the roots of a session flow: up to four variables, in
// the order given (a login has a holder and a result or two).
type flowKey [4]*types.Var

func flowKeyOf(roots []*types.Var) (flowKey, bool) {
	var k flowKey
	if len(roots) > len(k) {
		return k, false
	}
	copy(k[:], roots)
	return k, true
}

// sessionFlow follows the session from the roots through the graph.
func (g *valueGraph) sessionFlow(roots []*types.Var, ht []types.Type) *Sessions {
	out := &Sessions{Carriers: map[*types.Var]bool{}, Types: ht}
	queue := append([]*types.Var(nil), roots...)
	for _, v := range roots {
		out.Carriers[v] = true
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range g.edges[v] {
			if !out.Carriers[w] {
				out.Carriers[w] = true
				queue = append(queue, w)
			}
		}
	}
	seen := map[ast.Node]bool{}
	for v := range out.Carriers {
		for _, e := range g.escapes[v] {
			if e.unless != nil && out.Carriers[e.unless] {
				continue
			}
			if !seen[e.Node] {
				seen[e.Node] = true
				out.Escapes = append(out.Escapes, e)
			}
		}
	}
	sort.Slice(out.Escapes, func(i, j int) bool { return out.Escapes[i].Node.Pos() < out.Escapes[j].Node.Pos() })
	return out
}

// holderTypes are the types of the holder and of its prefixes.
func (l *Login) holderTypes() []types.Type {
	var out []types.Type
	for e := l.Holder; e != nil; e = selectorBase(e) {
		if t := l.Fn.Env.Info.TypeOf(e); t != nil {
			out = append(out, Deref(t))
		}
	}
	return out
}

// selectorBase returns x for x.f (and *x, x[i]), nil for a root.
func selectorBase(e ast.Expr) ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return x.X
	case *ast.StarExpr:
		return x.X
	case *ast.IndexExpr:
		return x.X
	}
	return nil
}
