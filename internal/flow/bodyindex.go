package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/sflint/sflint/internal/astwalk"
)

// This file is the walk of a function's body that newFunc makes once
// (index), and the scratch lists it fills.

// indexScratch is the stack of index's walk (and the path of a descent,
// see Env.descend), and the lists the walk fills, reused from one function
// to the next: each list is copied out at its final length, so that a
// function allocates exactly what it keeps, whatever its density (generated
// code has a kept node per 20 bytes, hand-written code one per 35).
type indexScratch struct {
	stack    []openNode
	path     []ast.Node
	nodes    []bodyNode
	reads    []*types.Var
	assigns  []*types.Var
	captured []*types.Var
	byPos    []ast.Node
	writes   []varDef
	addr     []*ast.CallExpr
	defs     []keyed[Def]
	derived  []keyed[*types.Var]
	counts   map[*types.Var]int32 // see group
	// deriveFrom is the expression derive read last, deriveVars the
	// variables it reads.
	deriveFrom ast.Node
	deriveVars []*types.Var
}

// keyed is a value of a variable, in the lists group makes maps of.
type keyed[T any] struct {
	v   *types.Var
	val T
}

// group returns the values of the list by variable, each variable's in the
// order of the list, in one map whose lists are parts of one backing list
// (nil when the list is empty), and the list emptied and cleared for the
// next use; counts is scratch, left empty.
func group[T any](l []keyed[T], counts map[*types.Var]int32) (map[*types.Var][]T, []keyed[T]) {
	if len(l) == 0 {
		return nil, l
	}
	for _, k := range l {
		counts[k.v]++
	}
	m := make(map[*types.Var][]T, len(counts))
	all := make([]T, len(l))
	for _, k := range l {
		s, ok := m[k.v]
		if !ok {
			n := counts[k.v]
			s, all = all[:0:n], all[n:]
		}
		m[k.v] = append(s, k.val)
	}
	for v := range counts { // the builtin clear: this package has a func clear
		delete(counts, v)
	}
	return m, reset(l)
}

// keep returns a copy of the list s was filled into, at its length (nil
// when empty), and s emptied and cleared for the next use (see reset).
func keep[T any](s []T) (kept, scratch []T) {
	if len(s) > 0 {
		kept = make([]T, len(s))
		copy(kept, s)
	}
	return kept, reset(s)
}

// reset returns the scratch list s emptied, its elements cleared so that
// the scratch keeps no syntax or types alive.
func reset[T any](s []T) []T {
	var zero T
	for i := range s { // the builtin clear: this package has a func clear
		s[i] = zero
	}
	return s[:0]
}

// openNode is a node index's walk is in, and what it restores when the
// walk leaves it.
type openNode struct {
	self      ast.Node
	node, top ast.Node
	lit, inGo bool
}

var scratchPool = freeList[indexScratch]{init: func() *indexScratch { return &indexScratch{counts: map[*types.Var]int32{}} }}

// assignedTo reports whether the identifier at the top of the stack (the
// nodes from the root down to it) is assigned, not read: it is, inside
// parentheses or not, a left-hand side of an = or := statement.
func assignedTo(stack []openNode) bool {
	i := len(stack) - 1
	child := stack[i].self
	for i--; i >= 0; i-- {
		switch p := stack[i].self.(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.AssignStmt:
			if p.Tok == token.ASSIGN || p.Tok == token.DEFINE {
				for _, l := range p.Lhs {
					if l == child {
						return true
					}
				}
			}
		}
		return false
	}
	return false
}

// index records every assignment of the body (nested literals included:
// a closure may assign a variable it captures) and, for each CFG node, the
// variables it assigns as a whole.
func (f *Func) index() {
	info := f.Env.Info
	var node ast.Node // the CFG node being walked, nil inside nested literals
	var top ast.Node  // the CFG node being walked
	var cur *cfgNode  // top's entry
	at := int32(-1)   // its index in cfgNodes
	sc := scratchPool.get()
	defer scratchPool.put(sc)
	add := func(id ast.Expr, d Def) {
		v := identVar(info, id)
		if v == nil {
			return
		}
		sc.defs = append(sc.defs, keyed[Def]{v, d})
		if node != nil {
			f.writeList = append(f.writeList, varDef{v, d})
		}
		from := d.Rhs
		if from == nil {
			from = d.Tuple
		}
		f.derive(sc, from, v)
	}
	// One walk of the whole body: a node of the CFG (a statement or a
	// condition) becomes the current node while its subtree is walked.
	// Statements that are not nodes themselves (a range or type switch
	// statement, a case clause) are walked too, outside any node.
	lit, inGo := false, false
	// The lists are filled in the scratch's and copied out at their length.
	f.nodes, f.readList, f.assignList, f.captured = sc.nodes, sc.reads, sc.assigns, sc.captured
	f.byPos, f.writeList, f.addrList = sc.byPos, sc.writes, sc.addr
	defer func() {
		f.nodes, sc.nodes = keep(f.nodes)
		f.readList, sc.reads = keep(f.readList)
		f.assignList, sc.assigns = keep(f.assignList)
		f.captured, sc.captured = keep(f.captured)
		f.byPos, sc.byPos = keep(f.byPos)
		f.writeList, sc.writes = keep(f.writeList)
		f.addrList, sc.addr = keep(f.addrList)
		f.defs, sc.defs = group(sc.defs, sc.counts)
		f.derived, sc.derived = group(sc.derived, sc.counts)
		sc.deriveVars = reset(sc.deriveVars)
		sc.deriveFrom = nil
	}()
	stack := sc.stack[:0] // the open nodes (the last is the parent of the next), and what to restore
	defer func() {
		// No AST kept alive by the pool (this package has a func clear).
		for i, all := 0, stack[:cap(stack)]; i < len(all); i++ {
			all[i] = openNode{}
		}
		sc.stack = stack[:0]
	}()
	astwalk.Inspect(f.Body, func(n ast.Node) bool {
		if n == nil {
			o := stack[len(stack)-1]
			if o.top == nil && top != nil { // leaving the CFG node
				cur.reads.hi, cur.assigns.hi = int32(len(f.readList)), int32(len(f.assignList))
				cur.writes.hi, cur.addr.hi = int32(len(f.writeList)), int32(len(f.addrList))
				cur, at = nil, -1
			}
			node, top, lit, inGo = o.node, o.top, o.lit, o.inGo
			stack = stack[:len(stack)-1]
			return false
		}
		var parent ast.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1].self
		}
		stack = append(stack, openNode{n, node, top, lit, inGo})
		if top == nil { // CFG nodes do not nest: none lies inside another
			if i, ok := f.at[n]; ok {
				node, top = n, n
				cur, at = &f.cfgNodes[i], i
				cur.reads.lo, cur.assigns.lo = int32(len(f.readList)), int32(len(f.assignList))
				cur.writes.lo, cur.addr.lo = int32(len(f.writeList)), int32(len(f.addrList))
				f.byPos = append(f.byPos, n)
			}
		}
		if bodyKind(n) {
			f.nodes = append(f.nodes, bodyNode{n, at, lit, inGo})
		}
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && !v.IsField() {
				if top != nil {
					if assignedTo(stack) {
						f.assignList = append(f.assignList, v)
					} else {
						f.readList = append(f.readList, v)
					}
				}
				if lit {
					f.captured = append(f.captured, v)
				}
			}
		case *ast.GoStmt:
			inGo = true
		case *ast.FuncLit:
			node = nil // its assignments happen when it runs, not here
			lit = true
		case *ast.CallExpr:
			if top != nil && !lit {
				for _, a := range n.Args {
					if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
						f.addrList = append(f.addrList, n)
						break
					}
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if p, ok := pairAt(len(n.Lhs), lhs, n.Rhs, i); ok {
					add(p.Lhs, Def{Node: n, Rhs: p.Rhs, Tuple: p.Tuple, Index: p.Index, Op: n.Tok})
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if p, ok := pairAt(len(n.Names), id, n.Values, i); ok {
					add(p.Lhs, Def{Node: n, Rhs: p.Rhs, Tuple: p.Tuple, Index: p.Index, Op: token.DEFINE})
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					v := identVar(info, e)
					if v != nil {
						sc.defs = append(sc.defs, keyed[Def]{v, Def{Node: n, Index: -1, Op: n.Tok}})
					}
				}
			}
		case *ast.IncDecStmt:
			add(n.X, Def{Node: n, Index: -1, Op: n.Tok})
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := identVar(info, n.X); v != nil {
					sc.defs = append(sc.defs, keyed[Def]{v, Def{Node: n, Index: -1, Op: token.AND}})
					if f.addressed == nil {
						f.addressed = map[*types.Var]bool{}
					}
					f.addressed[v] = true
					if call, ok := parent.(*ast.CallExpr); ok {
						for _, a := range call.Args {
							if a != n {
								f.derive(sc, a, v)
							}
						}
						if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
							f.derive(sc, sel.X, v) // json.NewDecoder(resp.Body).Decode(&t)
						}
					}
				}
			}
		case *ast.TypeSwitchStmt:
			for _, s := range n.Body.List {
				if v, ok := info.Implicits[s].(*types.Var); ok {
					sc.defs = append(sc.defs, keyed[Def]{v, Def{Node: n, Index: -1, Op: token.DEFINE}})
					f.derive(sc, TypeSwitchSubject(n), v)
				}
			}
		}
		return true
	})
}

// derive records that w is assigned from an expression reading the variables of e.
func (f *Func) derive(sc *indexScratch, e ast.Node, w *types.Var) {
	if e == nil {
		return
	}
	// The parts of a tuple (c, err := login()) read the same expression:
	// it is walked once.
	if e != sc.deriveFrom {
		sc.deriveFrom, sc.deriveVars = e, sc.deriveVars[:0]
		astwalk.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := f.Env.Info.Uses[id].(*types.Var); ok && !v.IsField() {
					sc.deriveVars = append(sc.deriveVars, v)
				}
			}
			return true
		})
	}
	for _, v := range sc.deriveVars {
		if v != w {
			sc.derived = append(sc.derived, keyed[*types.Var]{v, w})
		}
	}
}
