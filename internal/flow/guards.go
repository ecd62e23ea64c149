package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file answers what a login depends on: the conditions around it and
// the early exits before it, and whether they test a cache (the login runs
// only when there is no session yet) or an error (the login runs after a
// failure: a refresh, or a retry).

// tri is a three-valued truth.
type tri int8

const (
	maybe tri = iota
	yes
	no
)

func (t tri) not() tri {
	switch t {
	case yes:
		return no
	case no:
		return yes
	}
	return maybe
}

// guard is a condition the login depends on: an enclosing if, a for
// condition, a switch case, or an earlier `if cond { return }`.
type guard struct {
	cond ast.Expr // nil for a switch case
	when tri      // the value cond has when the login runs
	loop bool     // a for condition: only an error test counts
	// For a switch case:
	sw     ast.Stmt // *ast.SwitchStmt or *ast.TypeSwitchStmt
	clause *ast.CaseClause
	// For the early exits before the index'th statement of a list:
	owner ast.Node
	list  []ast.Stmt
	index int
}

// NilCheck is a nil or zero test of a variable that a login depends on.
type NilCheck struct {
	Var  *types.Var
	Expr ast.Expr
}

// Guards is what the conditions a login depends on test.
type Guards struct {
	// Error: an enclosing condition or early exit tests an error, and the
	// login runs when there is one (a refresh after a failure, a retry).
	Error bool
	// Cache: one tests a cache (the login runs when there is no session).
	Cache bool
	// NilChecks are the nil or zero tests of variables among those.
	NilChecks []NilCheck
}

// Guards classifies the conditions the login depends on.
func (l *Login) Guards() Guards {
	l.guardsOnce.Do(func() {
		g := guardSite{f: l.Fn, env: l.Fn.Env}
		add := func(isErr, isCache bool, checks []NilCheck) {
			l.guards.Error = l.guards.Error || isErr
			if isCache {
				l.guards.Cache = true
				l.guards.NilChecks = append(l.guards.NilChecks, checks...)
			}
		}
		for _, gd := range g.guardsOf(append(l.Fn.Path(l.Expr), l.Fn.Node)) {
			if gd.list != nil {
				p := l.Fn.prefixGuards(g, gd.owner, gd.list, gd.index)
				add(p.Error, p.Cache, p.NilChecks)
				continue
			}
			add(g.classify(gd))
		}
	})
	return l.guards
}

type guardSite struct {
	f   *Func
	env *Env
}

// stmtIndex returns the index of child in list, -1 when it is not there.
// The statements are in source order: the child is found by its position
// (a list of thousands of logins is not scanned for each), and by a scan
// only in a list whose positions are out of order (code built by a tool).
func stmtIndex(list []ast.Stmt, child ast.Node) int {
	pos := child.Pos()
	for i := sort.Search(len(list), func(i int) bool { return list[i].Pos() >= pos }); i < len(list) && list[i].Pos() == pos; i++ {
		if list[i] == child {
			return i
		}
	}
	for i, s := range list {
		if s == child {
			return i
		}
	}
	return -1
}

// atom is a condition that is not a conjunction, disjunction or negation,
// with the value it has when the login runs.
type atom struct {
	e    ast.Expr
	when tri
}

// guardsOf returns the guards of the call at path[0], up to the function.
// The early exits of a statement list come as one guard naming the list
// and the position of the statement on the path.
func (st guardSite) guardsOf(path []ast.Node) []guard {
	var gs []guard
	exits := func(owner ast.Node, list []ast.Stmt, child ast.Node) {
		if i := stmtIndex(list, child); i >= 0 {
			gs = append(gs, guard{owner: owner, list: list, index: i})
		}
	}
	for i := 0; i+1 < len(path); i++ {
		child, parent := path[i], path[i+1]
		switch p := parent.(type) {
		case *ast.IfStmt:
			switch child {
			case p.Body:
				gs = append(gs, guard{cond: p.Cond, when: yes})
			case p.Else:
				gs = append(gs, guard{cond: p.Cond, when: no})
			}
		case *ast.ForStmt:
			if child == p.Body && p.Cond != nil {
				gs = append(gs, guard{cond: p.Cond, when: yes, loop: true})
			}
		case *ast.CaseClause:
			if stmtIn(child, p.Body) {
				exits(p, p.Body, child)
				if i+3 < len(path) { // CaseClause, BlockStmt, switch
					if sw, ok := path[i+3].(ast.Stmt); ok {
						gs = append(gs, guard{sw: sw, clause: p})
					}
				}
			}
		case *ast.CommClause:
			exits(p, p.Body, child)
		case *ast.BlockStmt:
			exits(p, p.List, child)
		}
	}
	return gs
}

// prefixGuards returns what the early exits among list[:i] test, computed
// once for every prefix of the list (the logins of a long list share them).
func (f *Func) prefixGuards(g guardSite, owner ast.Node, list []ast.Stmt, i int) Guards {
	f.prefixMu.Lock()
	defer f.prefixMu.Unlock()
	if f.prefixes == nil {
		f.prefixes = map[ast.Node]*prefix{}
	}
	p := f.prefixes[owner]
	if p == nil {
		p = &prefix{cum: make([]Guards, 1, i+1)} // as far as asked first
		f.prefixes[owner] = p
	}
	// p.cum[k] holds what list[:k] tests; it is extended as far as asked.
	// The nil checks share one growing slice, each prefix a slice of it.
	for k := len(p.cum) - 1; k < i; k++ {
		cur := p.cum[k]
		if ifs, ok := list[k].(*ast.IfStmt); ok {
			for _, gd := range g.exitGuards(ifs) {
				isErr, isCache, checks := g.classify(gd)
				cur.Error = cur.Error || isErr
				if isCache {
					cur.Cache = true
					p.checks = append(p.checks, checks...)
				}
			}
		}
		cur.NilChecks = p.checks[:len(p.checks):len(p.checks)]
		p.cum = append(p.cum, cur)
	}
	return p.cum[i]
}

// prefix holds what the early exits of the prefixes of a statement list test.
type prefix struct {
	cum    []Guards
	checks []NilCheck
}

func stmtIn(n ast.Node, list []ast.Stmt) bool { return stmtIndex(list, n) >= 0 }

// exitGuards returns what must hold for control to get past an if statement
// one of whose branches leaves the block.
func (st guardSite) exitGuards(s *ast.IfStmt) []guard {
	bodyExits := st.terminates(s.Body)
	switch e := s.Else.(type) {
	case nil:
		if bodyExits {
			return []guard{{cond: s.Cond, when: no}}
		}
	case *ast.BlockStmt:
		elseExits := st.terminates(e)
		if bodyExits && !elseExits {
			return []guard{{cond: s.Cond, when: no}}
		}
		if !bodyExits && elseExits {
			return []guard{{cond: s.Cond, when: yes}}
		}
	case *ast.IfStmt:
		if bodyExits {
			return append([]guard{{cond: s.Cond, when: no}}, st.exitGuards(e)...)
		}
	}
	return nil
}

// terminates reports whether a statement never falls through to the next one.
func (st guardSite) terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return len(s.List) > 0 && st.terminates(s.List[len(s.List)-1])
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok != token.FALLTHROUGH
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && !st.env.MayReturn(call)
	case *ast.IfStmt:
		return s.Else != nil && st.terminates(s.Body) && st.terminates(s.Else)
	case *ast.LabeledStmt:
		return st.terminates(s.Stmt)
	}
	return false
}

// splitAtoms breaks a condition into atoms, keeping the value each has when
// the whole condition has the value when.
func splitAtoms(e ast.Expr, when tri, out *[]atom) {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			splitAtoms(x.X, when.not(), out)
			return
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			w := maybe
			if (x.Op == token.LAND && when == yes) || (x.Op == token.LOR && when == no) {
				w = when
			}
			splitAtoms(x.X, w, out)
			splitAtoms(x.Y, w, out)
			return
		}
	}
	*out = append(*out, atom{ast.Unparen(e), when})
}

// classify says whether a guard tests an error (and the login runs when
// there is one: a refresh or a retry, not a repeat) or a cache.
func (st guardSite) classify(g guard) (isErr, isCache bool, checks []NilCheck) {
	var atoms []atom
	if g.cond != nil {
		splitAtoms(g.cond, g.when, &atoms)
	} else {
		switch sw := g.sw.(type) {
		case *ast.SwitchStmt:
			if sw.Tag == nil {
				when := yes
				if len(g.clause.List) != 1 {
					when = maybe
				}
				for _, e := range g.clause.List {
					splitAtoms(e, when, &atoms)
				}
				break
			}
			if st.mentionsError(sw.Tag) || st.isUnauthorized(sw.Tag) {
				return true, false, nil
			}
			for _, e := range g.clause.List {
				if st.isCodeOrUnauthorized(e) {
					return true, false, nil
				}
				if st.isZero(e) && isLocation(st.env.Info, sw.Tag) {
					isCache = true
				}
			}
			return false, isCache, nil
		case *ast.TypeSwitchStmt:
			if st.mentionsError(sw.Assign) {
				return true, false, nil
			}
			for _, e := range g.clause.List {
				if st.env.Model.FaultNamed(st.env.Info.TypeOf(e)) != nil {
					return true, false, nil
				}
			}
			return false, false, nil
		}
	}
	for _, a := range atoms {
		if involved, present := st.errAtom(a); involved {
			isErr = isErr || present
			continue
		}
		if g.loop {
			continue
		}
		if ok, nc := st.cacheAtom(a); ok {
			isCache = true
			checks = append(checks, nc...)
		}
	}
	return isErr, isCache, checks
}

func (st guardSite) isNil(e ast.Expr) bool { return isNil(st.env.Info, e) }

// nilCompared returns x in `x == nil` or `nil != x`.
func (st guardSite) nilCompared(b *ast.BinaryExpr) ast.Expr {
	switch {
	case st.isNil(b.Y):
		return b.X
	case st.isNil(b.X):
		return b.Y
	}
	return nil
}

// isZero reports whether e is nil or a zero constant ("", 0, false).
func (st guardSite) isZero(e ast.Expr) bool {
	if st.isNil(e) {
		return true
	}
	tv, ok := st.env.Info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.String() {
	case `""`, "0", "false":
		return true
	}
	return false
}

// zeroCompared returns x in `x == nil`, `x != ""`, `0 == x`...
func (st guardSite) zeroCompared(b *ast.BinaryExpr) ast.Expr {
	switch {
	case st.isZero(b.Y):
		return b.X
	case st.isZero(b.X):
		return b.Y
	}
	return nil
}

// errAtom reports whether an atom tests an error (involved) and whether the
// login runs when there is an error (present): `err != nil`, errors.Is(err,
// ...), a fault classifier, a fault-code comparison, an HTTP 401 check.
func (st guardSite) errAtom(a atom) (involved, present bool) {
	if b, ok := a.e.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
		if x := st.nilCompared(b); x != nil && ImplementsError(st.env.Info.TypeOf(x)) {
			p := a.when
			if b.Op == token.EQL {
				p = p.not()
			}
			return true, p != no
		}
	}
	if Inspects(st.env, a.e) || st.mentionsError(a.e) || st.isUnauthorized(a.e) {
		return true, a.when != no
	}
	return false, false
}

// mentionsError reports whether an expression reads a value of an error type.
func (st guardSite) mentionsError(n ast.Node) bool {
	return Any(n, true, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := st.env.Info.Uses[id].(*types.Var)
		return ok && ImplementsError(v.Type())
	})
}

// isUnauthorized reports whether an expression compares something with HTTP 401.
func (st guardSite) isUnauthorized(n ast.Node) bool {
	return Any(n, false, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		return ok && (b.Op == token.EQL || b.Op == token.NEQ) && (st.is401(b.X) || st.is401(b.Y))
	})
}

func (st guardSite) is401(e ast.Expr) bool {
	tv, ok := st.env.Info.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "401"
}

// isCodeOrUnauthorized reports whether a case value is a fault code or 401.
func (st guardSite) isCodeOrUnauthorized(e ast.Expr) bool {
	if st.is401(e) {
		return true
	}
	tv, ok := st.env.Info.Types[e]
	return ok && tv.Value != nil && sfapi.ContainsCode(tv.Value.ExactString())
}

// cacheAtom reports whether an atom tests a cache: a nil or zero check of a
// variable or field the login runs when it is empty, a length check, an
// expiry check, a flag the function sets, a cache lookup whose cache the
// function fills, or a token validity check.
func (st guardSite) cacheAtom(a atom) (bool, []NilCheck) {
	if b, ok := a.e.(*ast.BinaryExpr); ok {
		if b.Op == token.EQL || b.Op == token.NEQ {
			if x := st.zeroCompared(b); x != nil && isLocation(st.env.Info, x) {
				missing := a.when
				if b.Op == token.NEQ {
					missing = missing.not()
				}
				if missing == no {
					return false, nil // `if c.client == nil { return errNotConnected }`
				}
				var nc []NilCheck
				if id, ok := ast.Unparen(x).(*ast.Ident); ok {
					if v, ok := st.env.Info.Uses[id].(*types.Var); ok {
						nc = append(nc, NilCheck{v, b})
					}
				}
				return true, nc
			}
		}
		if (st.isZero(b.Y) && st.lenOfState(b.X)) || (st.isZero(b.X) && st.lenOfState(b.Y)) {
			return true, nil // if len(p.idle) > 0 { return p.idle[...] }
		}
	}
	if st.mentionsTime(a.e) || st.validityCheck(a.e) || st.isFlag(a.e) || st.cacheLookup(a.e) {
		return true, nil
	}
	return false, nil
}

// isLocation reports whether e names a variable, a field, or an element of one.
func isLocation(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[x].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			return sel.Kind() == types.FieldVal
		}
		_, ok := info.Uses[x.Sel].(*types.Var)
		return ok
	case *ast.IndexExpr:
		return isLocation(info, x.X)
	case *ast.StarExpr:
		return isLocation(info, x.X)
	}
	return false
}

// lenOfState reports whether e is len(x) of a field, a package-level
// variable or a variable captured from outside the function: a pool.
func (st guardSite) lenOfState(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	if b, ok := st.env.Info.Uses[id].(*types.Builtin); !ok || b.Name() != "len" {
		return false
	}
	r, p, ok := st.env.Key(call.Args[0])
	return ok && (p != "" || !within(st.f.Node, r.Pos()))
}

// within reports whether pos lies inside n.
func within(n ast.Node, pos token.Pos) bool { return n.Pos() <= pos && pos < n.End() }

// mentionsTime reports whether a condition is an expiry check: time.Since,
// time.Until, time.Now, or Time.After/Before/Equal/Compare/IsZero/Sub.
func (st guardSite) mentionsTime(e ast.Expr) bool {
	return Any(e, true, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, _ := typeutil.Callee(st.env.Info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "time" {
			return false
		}
		switch fn.Name() {
		case "Since", "Until", "Now", "After", "Before", "Equal", "Compare", "IsZero", "Sub":
			return true
		}
		return false
	})
}

// validityCheck reports whether a condition asks a stored token whether it
// is still valid (oauth2.Token.Valid and the like).
func (st guardSite) validityCheck(e ast.Expr) bool {
	return Any(e, true, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isLocation(st.env.Info, sel.X) {
			switch sel.Sel.Name {
			case "Valid", "IsValid", "Expired", "IsExpired", "NeedsRefresh", "IsZero":
				return true
			}
		}
		return false
	})
}

// isFlag reports whether a condition is a boolean variable or field that the
// function sets (an "initialized" flag).
func (st guardSite) isFlag(e ast.Expr) bool {
	t := st.env.Info.TypeOf(e)
	if t == nil || !isLocation(st.env.Info, e) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsBoolean == 0 {
		return false
	}
	root, path, ok := st.env.Key(e)
	return ok && st.f.AssignsLocation(root, path)
}

// Assigns reports whether n assigns (or takes the address of) a location
// (a variable and a field path, see Key) that match accepts.
func (st *Env) Assigns(n ast.Node, match func(*types.Var, string) bool) bool {
	found := false
	test := func(e ast.Expr) {
		if r, p, ok := st.Key(e); ok && match(r, p) {
			found = true
		}
	}
	astwalk.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				test(l)
			}
		case *ast.IncDecStmt:
			test(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				test(n.X)
			}
		}
		return !found
	})
	return found
}

// lookupPrefixes name the methods that read a cache.
var lookupPrefixes = []string{"get", "load", "lookup", "peek", "fetch", "cached", "has", "contains", "exists", "find", "read"}

// cacheLookup reports whether a condition reads a cache: a value looked up
// in a map, or got from a method of an object the function also stores into
// (store.Load ... store.Save, cache.Get ... cache.Set).
func (st guardSite) cacheLookup(e ast.Expr) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = st.isLookupCall(n)
		case *ast.Ident:
			v, ok := st.env.Info.Uses[n].(*types.Var)
			if !ok {
				break
			}
			for _, rhs := range st.f.rhsOf(v) {
				switch r := ast.Unparen(rhs).(type) {
				case *ast.CallExpr:
					found = found || st.isLookupCall(r)
				case *ast.IndexExpr:
					if t := st.env.Info.TypeOf(r.X); t != nil {
						_, isMap := t.Underlying().(*types.Map)
						found = found || isMap
					}
				}
			}
		}
		return !found
	})
	return found
}

func (st guardSite) isLookupCall(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !HasPrefix(sel.Sel.Name, lookupPrefixes) {
		return false
	}
	if m, ok := st.env.Info.Selections[sel]; !ok || m.Kind() != types.MethodVal {
		return false
	}
	if t := st.env.Info.TypeOf(sel.X); t != nil {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			switch n.Obj().Pkg().Path() {
			case "net/http", "net/url": // url.Values, http.Header: the request, not a cache
				return false
			}
		}
	}
	root, path, ok := st.env.Key(sel.X)
	return ok && st.f.ixLocations().storedInto[location{root, path}]
}
