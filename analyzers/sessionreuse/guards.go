package sessionreuse

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/sfapi"
)

// This file decides what a login depends on: the conditions around it and
// the early exits before it, and whether they test a cache or an error.

// tri is a three-valued truth.
type tri int8

const (
	unknown tri = iota
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
	return unknown
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
}

// nilCheck is a nil or zero test of a variable that a login depends on.
type nilCheck struct {
	v    *types.Var
	expr ast.Expr
}

// atom is a condition that is not a conjunction, disjunction or negation,
// with the value it has when the login runs.
type atom struct {
	e    ast.Expr
	when tri
}

func (st *state) classifyGuards(s *site) {
	for _, g := range st.guardsOf(s.path) {
		isErr, isCache, checks := st.classify(s, g)
		s.errG = s.errG || isErr
		if isCache {
			s.cacheG = true
			s.nilChecks = append(s.nilChecks, checks...)
		}
	}
	if s.cacheG && !s.errG {
		s.broken = st.findBroken(s)
	}
}

// guardsOf returns the guards of the call at path[0], up to the function.
func (st *state) guardsOf(path []ast.Node) []guard {
	var gs []guard
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
				gs = append(gs, st.earlyExits(p.Body, child)...)
				if i+3 < len(path) { // CaseClause, BlockStmt, switch
					if sw, ok := path[i+3].(ast.Stmt); ok {
						gs = append(gs, guard{sw: sw, clause: p})
					}
				}
			}
		case *ast.CommClause:
			if stmtIn(child, p.Body) {
				gs = append(gs, st.earlyExits(p.Body, child)...)
			}
		case *ast.BlockStmt:
			gs = append(gs, st.earlyExits(p.List, child)...)
		}
	}
	return gs
}

func stmtIn(n ast.Node, list []ast.Stmt) bool {
	for _, s := range list {
		if s == n {
			return true
		}
	}
	return false
}

// earlyExits returns the guards of the `if cond { return }` statements that
// come before child in list.
func (st *state) earlyExits(list []ast.Stmt, child ast.Node) []guard {
	var gs []guard
	for _, s := range list {
		if s == child {
			break
		}
		if ifs, ok := s.(*ast.IfStmt); ok {
			gs = append(gs, st.exitGuards(ifs)...)
		}
	}
	return gs
}

// exitGuards returns what must hold for control to get past an if statement
// one of whose branches leaves the block.
func (st *state) exitGuards(s *ast.IfStmt) []guard {
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
func (st *state) terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return len(s.List) > 0 && st.terminates(s.List[len(s.List)-1])
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok != token.FALLTHROUGH
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && !st.mayReturn(call)
	case *ast.IfStmt:
		return s.Else != nil && st.terminates(s.Body) && st.terminates(s.Else)
	case *ast.LabeledStmt:
		return st.terminates(s.Stmt)
	}
	return false
}

// mayReturn reports whether a call can return (panic, os.Exit, log.Fatal... cannot).
func (st *state) mayReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := st.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return false
		}
	}
	fn, _ := typeutil.Callee(st.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return true
	}
	switch fn.Pkg().Path() {
	case "os":
		return fn.Name() != "Exit"
	case "log":
		return !strings.HasPrefix(fn.Name(), "Fatal") && !strings.HasPrefix(fn.Name(), "Panic")
	case "runtime":
		return fn.Name() != "Goexit"
	case "testing":
		return !strings.HasPrefix(fn.Name(), "Fatal") && fn.Name() != "FailNow" && !strings.HasPrefix(fn.Name(), "Skip")
	}
	return true
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
			w := unknown
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
func (st *state) classify(s *site, g guard) (isErr, isCache bool, checks []nilCheck) {
	var atoms []atom
	if g.cond != nil {
		splitAtoms(g.cond, g.when, &atoms)
	} else {
		switch sw := g.sw.(type) {
		case *ast.SwitchStmt:
			if sw.Tag == nil {
				when := yes
				if len(g.clause.List) != 1 {
					when = unknown
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
				if st.isZero(e) && isLocation(st.info, sw.Tag) {
					isCache = true
				}
			}
			return false, isCache, nil
		case *ast.TypeSwitchStmt:
			if st.mentionsError(sw.Assign) {
				return true, false, nil
			}
			for _, e := range g.clause.List {
				if st.res.Model.FaultNamed(st.info.TypeOf(e)) != nil {
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
		if ok, nc := st.cacheAtom(s, a); ok {
			isCache = true
			checks = append(checks, nc...)
		}
	}
	return isErr, isCache, checks
}

var errorType = types.Universe.Lookup("error").Type()

func isErrorType(t types.Type) bool {
	if t == nil {
		return false
	}
	iface, _ := errorType.Underlying().(*types.Interface)
	return iface != nil && types.Implements(t, iface)
}

func (st *state) isNil(e ast.Expr) bool {
	tv, ok := st.info.Types[e]
	return ok && tv.IsNil()
}

// nilCompared returns x in `x == nil` or `nil != x`.
func (st *state) nilCompared(b *ast.BinaryExpr) ast.Expr {
	switch {
	case st.isNil(b.Y):
		return b.X
	case st.isNil(b.X):
		return b.Y
	}
	return nil
}

// isZero reports whether e is nil or a zero constant ("", 0, false).
func (st *state) isZero(e ast.Expr) bool {
	if st.isNil(e) {
		return true
	}
	tv, ok := st.info.Types[e]
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
func (st *state) zeroCompared(b *ast.BinaryExpr) ast.Expr {
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
func (st *state) errAtom(a atom) (involved, present bool) {
	if b, ok := a.e.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
		if x := st.nilCompared(b); x != nil && isErrorType(st.info.TypeOf(x)) {
			p := a.when
			if b.Op == token.EQL {
				p = p.not()
			}
			return true, p != no
		}
	}
	if st.res.Inspects(a.e) || st.mentionsError(a.e) || st.isUnauthorized(a.e) {
		return true, a.when != no
	}
	return false, false
}

// mentionsError reports whether an expression reads a value of an error type.
func (st *state) mentionsError(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, ok := st.info.Uses[n].(*types.Var); ok && isErrorType(v.Type()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isUnauthorized reports whether an expression compares something with HTTP 401.
func (st *state) isUnauthorized(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
			found = st.is401(b.X) || st.is401(b.Y)
		}
		return !found
	})
	return found
}

func (st *state) is401(e ast.Expr) bool {
	tv, ok := st.info.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "401"
}

// isCodeOrUnauthorized reports whether a case value is a fault code or 401.
func (st *state) isCodeOrUnauthorized(e ast.Expr) bool {
	if st.is401(e) {
		return true
	}
	tv, ok := st.info.Types[e]
	return ok && tv.Value != nil && sfapi.ContainsCode(tv.Value.ExactString())
}

// cacheAtom reports whether an atom tests a cache: a nil or zero check of a
// variable or field the login runs when it is empty, a length check, an
// expiry check, a flag the function sets, a cache lookup whose cache the
// function fills, or a token validity check.
func (st *state) cacheAtom(s *site, a atom) (bool, []nilCheck) {
	if b, ok := a.e.(*ast.BinaryExpr); ok {
		if b.Op == token.EQL || b.Op == token.NEQ {
			if x := st.zeroCompared(b); x != nil && isLocation(st.info, x) {
				missing := a.when
				if b.Op == token.NEQ {
					missing = missing.not()
				}
				if missing == no {
					return false, nil // `if c.client == nil { return errNotConnected }`
				}
				var nc []nilCheck
				if id, ok := ast.Unparen(x).(*ast.Ident); ok {
					if v, ok := st.info.Uses[id].(*types.Var); ok {
						nc = append(nc, nilCheck{v, b})
					}
				}
				return true, nc
			}
		}
		if (st.isZero(b.Y) && st.lenOfState(s, b.X)) || (st.isZero(b.X) && st.lenOfState(s, b.Y)) {
			return true, nil // if len(p.idle) > 0 { return p.idle[...] }
		}
	}
	if st.mentionsTime(a.e) || st.validityCheck(a.e) || st.isFlag(s, a.e) || st.cacheLookup(s, a.e) {
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
func (st *state) lenOfState(s *site, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	if b, ok := st.info.Uses[id].(*types.Builtin); !ok || b.Name() != "len" {
		return false
	}
	r, p, ok := st.key(call.Args[0])
	return ok && (p != "" || !within(s.fn.node, r.Pos()))
}

// within reports whether pos lies inside n.
func within(n ast.Node, pos token.Pos) bool { return n.Pos() <= pos && pos < n.End() }

// mentionsTime reports whether a condition is an expiry check: time.Since,
// time.Until, time.Now, or Time.After/Before/Equal/Compare/IsZero/Sub.
func (st *state) mentionsTime(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			_, lit := n.(*ast.FuncLit)
			return !lit && !found
		}
		fn, _ := typeutil.Callee(st.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "time" {
			return !found
		}
		switch fn.Name() {
		case "Since", "Until", "Now", "After", "Before", "Equal", "Compare", "IsZero", "Sub":
			found = true
		}
		return !found
	})
	return found
}

// validityCheck reports whether a condition asks a stored token whether it
// is still valid (oauth2.Token.Valid and the like).
func (st *state) validityCheck(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			_, lit := n.(*ast.FuncLit)
			return !lit && !found
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isLocation(st.info, sel.X) {
			switch sel.Sel.Name {
			case "Valid", "IsValid", "Expired", "IsExpired", "NeedsRefresh", "IsZero":
				found = true
			}
		}
		return !found
	})
	return found
}

// isFlag reports whether a condition is a boolean variable or field that the
// function sets (an "initialized" flag).
func (st *state) isFlag(s *site, e ast.Expr) bool {
	t := st.info.TypeOf(e)
	if t == nil || !isLocation(st.info, e) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsBoolean == 0 {
		return false
	}
	root, path, ok := st.key(e)
	return ok && st.assigned(s.fn.node, func(r *types.Var, p string) bool { return r == root && p == path })
}

// assigned reports whether the node assigns (or takes the address of) a
// location that match accepts.
func (st *state) assigned(n ast.Node, match func(*types.Var, string) bool) bool {
	found := false
	test := func(e ast.Expr) {
		if r, p, ok := st.key(e); ok && match(r, p) {
			found = true
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
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

// lookupPrefixes and storePrefixes name the methods of a cache.
var (
	lookupPrefixes = []string{"get", "load", "lookup", "peek", "fetch", "cached", "has", "contains", "exists", "find", "read"}
	storePrefixes  = []string{"set", "save", "store", "put", "add", "cache", "swap", "remember", "push", "append", "enqueue", "register", "keep", "track", "offer"}
)

// hasPrefix reports whether a name starts with one of the words, as a whole
// word: "Set" and "SetClient" start with "set", "Setup" and "settle" do not.
func hasPrefix(name string, words []string) bool {
	for _, w := range words {
		if len(name) < len(w) || !strings.EqualFold(name[:len(w)], w) {
			continue
		}
		if len(name) == len(w) {
			return true
		}
		if c := name[len(w)]; c == '_' || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			return true
		}
	}
	return false
}

// cacheLookup reports whether a condition reads a cache: a value looked up
// in a map, or got from a method of an object the function also stores into
// (store.Load ... store.Save, cache.Get ... cache.Set).
func (st *state) cacheLookup(s *site, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = st.isLookupCall(s, n)
		case *ast.Ident:
			v, ok := st.info.Uses[n].(*types.Var)
			if !ok {
				break
			}
			for _, rhs := range st.defsOf(s.fn)[v] {
				switch r := ast.Unparen(rhs).(type) {
				case *ast.CallExpr:
					found = found || st.isLookupCall(s, r)
				case *ast.IndexExpr:
					if t := st.info.TypeOf(r.X); t != nil {
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

func (st *state) isLookupCall(s *site, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !hasPrefix(sel.Sel.Name, lookupPrefixes) {
		return false
	}
	if m, ok := st.info.Selections[sel]; !ok || m.Kind() != types.MethodVal {
		return false
	}
	if t := st.info.TypeOf(sel.X); t != nil {
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
	root, path, ok := st.key(sel.X)
	if !ok {
		return false
	}
	stores := false
	ast.Inspect(s.fn.node, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return !stores
		}
		if other, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && hasPrefix(other.Sel.Name, storePrefixes) {
			if r, p, ok := st.key(other.X); ok && r == root && p == path {
				stores = true
			}
		}
		return !stores
	})
	return stores
}

// defsOf maps the variables of a function to the expressions assigned to
// them in it; a nil expression stands for a value that cannot be known.
func (st *state) defsOf(fi *fnInfo) map[*types.Var][]ast.Expr {
	if fi.defs == nil {
		fi.defs = st.collectDefs(fi.body)
	}
	return fi.defs
}

func (st *state) collectDefs(n ast.Node) map[*types.Var][]ast.Expr {
	defs := map[*types.Var][]ast.Expr{}
	add := func(id ast.Expr, rhs ast.Expr) {
		ident, ok := ast.Unparen(id).(*ast.Ident)
		if !ok {
			return
		}
		if v, ok := st.info.ObjectOf(ident).(*types.Var); ok {
			defs[v] = append(defs[v], rhs)
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				switch {
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					add(l, nil) // x += y
				case len(n.Lhs) == len(n.Rhs):
					add(l, n.Rhs[i])
				case len(n.Rhs) == 1:
					add(l, n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				switch {
				case len(n.Names) == len(n.Values):
					add(id, n.Values[i])
				case len(n.Values) == 1:
					add(id, n.Values[0])
				}
			}
		case *ast.IncDecStmt:
			add(n.X, nil)
		case *ast.RangeStmt:
			if n.Key != nil {
				add(n.Key, nil)
			}
			if n.Value != nil {
				add(n.Value, nil)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(n.X, nil)
			}
		}
		return true
	})
	return defs
}

// key returns the variable at the root of x, x.f.g or *x and the field path
// (".f.g"); qualified package-level variables are their own root.
func (st *state) key(e ast.Expr) (*types.Var, string, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := st.info.ObjectOf(x).(*types.Var)
		if v == nil || v.IsField() {
			return nil, "", false
		}
		return v, "", true
	case *ast.SelectorExpr:
		if sel, ok := st.info.Selections[x]; ok {
			if sel.Kind() != types.FieldVal {
				return nil, "", false
			}
			r, p, ok := st.key(x.X)
			return r, p + "." + x.Sel.Name, ok
		}
		if v, ok := st.info.Uses[x.Sel].(*types.Var); ok {
			return v, "", true
		}
	case *ast.StarExpr:
		return st.key(x.X)
	}
	return nil, "", false
}

// findBroken looks for shape 4: the login's session goes into a new
// variable that shadows a cache variable the login is guarded by, and the
// cache itself is never assigned.
func (st *state) findBroken(s *site) *broken {
	if len(s.nilChecks) == 0 {
		return nil
	}
	// The new variable holding the session, and the := declaring it.
	var shadow *types.Var
	var assign *ast.AssignStmt
	switch {
	case s.c.Session >= 0:
		as, ok := parentOf(s.path).(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 || s.c.Session >= len(as.Lhs) {
			return nil
		}
		if id, ok := as.Lhs[s.c.Session].(*ast.Ident); ok {
			shadow, _ = st.info.Defs[id].(*types.Var)
			assign = as
		}
	case s.c.Session == sfapi.InReceiver && s.c.Recv != nil:
		id, ok := ast.Unparen(s.c.Recv).(*ast.Ident)
		if !ok {
			return nil
		}
		shadow, _ = st.info.Uses[id].(*types.Var)
		if shadow != nil {
			assign = st.definingAssign(s.fn, shadow)
		}
	}
	if shadow == nil || assign == nil || st.handedOn(s.fn, shadow) {
		return nil
	}
	for _, nc := range s.nilChecks {
		if nc.v == shadow || nc.v.Name() != shadow.Name() {
			continue
		}
		if st.assigned(s.fn.node, func(r *types.Var, p string) bool { return r == nc.v && p == "" }) {
			continue
		}
		return &broken{cache: nc.v, shadow: shadow, assign: assign, guard: nc.expr}
	}
	return nil
}

// handedOn reports whether v is passed to a function other than a
// Salesforce API or a print: that function may fill the cache (setCache(c)).
func (st *state) handedOn(fi *fnInfo, v *types.Var) bool {
	found := false
	ast.Inspect(fi.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		for _, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); !ok || st.info.Uses[id] != v {
				continue
			}
			fn, _ := typeutil.Callee(st.info, call).(*types.Func)
			if fn == nil || fn.Pkg() == nil || (!st.salesforce(fn) && !printing(fn)) {
				found = true
			}
		}
		return !found
	})
	return found
}

func printing(fn *types.Func) bool {
	switch fn.Pkg().Path() {
	case "fmt", "log", "log/slog":
		return true
	}
	return false
}

// definingAssign returns the := that declares v in the function.
func (st *state) definingAssign(fi *fnInfo, v *types.Var) *ast.AssignStmt {
	var found *ast.AssignStmt
	ast.Inspect(fi.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			return found == nil
		}
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && st.info.Defs[id] == v {
				found = as
			}
		}
		return found == nil
	})
	return found
}

// parentOf returns the parent of path[0], skipping parentheses.
func parentOf(path []ast.Node) ast.Node {
	for _, n := range path[1:] {
		if _, ok := n.(*ast.ParenExpr); !ok {
			return n
		}
	}
	return nil
}
