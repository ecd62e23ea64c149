package sessionreuse

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/sfapi"
)

// This file follows the login: where it sits (loops, branches), whether its
// credentials change, what a successful login reaches in the control-flow
// graph, and what is done there with the session.

// enclosingLoops returns the loops whose body holds path[0], innermost first.
func enclosingLoops(path []ast.Node) []ast.Stmt {
	var out []ast.Stmt
	for i := 0; i+1 < len(path); i++ {
		switch p := path[i+1].(type) {
		case *ast.ForStmt:
			if path[i] == p.Body {
				out = append(out, p)
			}
		case *ast.RangeStmt:
			if path[i] == p.Body {
				out = append(out, p)
			}
		}
	}
	return out
}

// branchFree reports whether the call at path[0] runs every time the body of
// boundary does: no if or else branch, switch case, function literal, and
// unless allowed no select case or loop, lies between them.
func branchFree(path []ast.Node, boundary ast.Node, allowSelect, allowLoops bool) bool {
	for i := 0; i+1 < len(path); i++ {
		child, parent := path[i], path[i+1]
		if parent == boundary {
			return true
		}
		switch p := parent.(type) {
		case *ast.IfStmt:
			if child == p.Body || child == p.Else {
				return false
			}
		case *ast.CaseClause:
			if stmtIn(child, p.Body) {
				return false
			}
		case *ast.CommClause:
			if !allowSelect && stmtIn(child, p.Body) {
				return false
			}
		case *ast.ForStmt:
			if !allowLoops && child == p.Body {
				return false
			}
		case *ast.RangeStmt:
			if !allowLoops && child == p.Body {
				return false
			}
		case *ast.FuncLit:
			return false
		}
	}
	return false
}

// ---- do the credentials change? ----

// scope is a loop or a function body, with the variables whose value
// changes from one iteration (or call) to the next.
type scope struct {
	node  ast.Node
	roots map[*types.Var]bool
	defs  map[*types.Var][]ast.Expr
	loop  bool
}

func (st *state) loopScope(loop ast.Stmt) *scope {
	sc := &scope{node: loop, roots: map[*types.Var]bool{}, loop: true}
	root := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := st.info.ObjectOf(id).(*types.Var); ok {
				sc.roots[v] = true
			}
		}
	}
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if l.Key != nil {
			root(l.Key)
		}
		if l.Value != nil {
			root(l.Value)
		}
		sc.defs = st.collectDefs(l.Body)
	case *ast.ForStmt:
		if l.Post != nil {
			for v := range st.collectDefs(l.Post) {
				sc.roots[v] = true
			}
		}
		sc.defs = st.collectDefs(l.Body)
	}
	return sc
}

func (st *state) paramScope(fi *fnInfo) *scope {
	sc := &scope{node: fi.body, roots: map[*types.Var]bool{}, defs: st.defsOf(fi)}
	if fi.sig != nil {
		for i := 0; i < fi.sig.Params().Len(); i++ {
			sc.roots[fi.sig.Params().At(i)] = true
		}
	}
	return sc
}

// credsVary reports whether the credentials or the client of the login
// change from one iteration of an enclosing loop to the next.
func (st *state) credsVary(s *site, loops []ast.Stmt) bool {
	for _, l := range loops {
		if st.varies(s, st.loopScope(l)) {
			return true
		}
	}
	return false
}

// varies reports whether the login's credentials or client change within sc.
func (st *state) varies(s *site, sc *scope) bool {
	for _, e := range st.credExprs(s) {
		if st.exprVaries(e, sc, map[*types.Var]bool{}) {
			return true
		}
	}
	if s.c.Recv != nil {
		if r, _, ok := st.key(s.c.Recv); ok && sc.roots[r] {
			return true // for _, c := range clients { c.Login(...) }
		}
		if st.indexVaries(s.c.Recv, sc) {
			return true
		}
		if r, _, ok := st.key(s.c.Recv); ok {
			for _, rhs := range sc.defs[r] {
				if rhs != nil && st.indexVaries(rhs, sc) {
					return true // c := clients[i]
				}
				if rhs != nil {
					if rr, _, ok := st.key(rhs); ok && sc.roots[rr] {
						return true
					}
				}
			}
		}
	}
	return false
}

// credExprs returns the expressions the login's credentials come from: the
// arguments of known roles, and every argument but a context (an OAuth
// authorization code in a raw token request is no role, but it changes).
func (st *state) credExprs(s *site) []ast.Expr {
	var out []ast.Expr
	for _, a := range s.c.Args {
		out = append(out, a.Expr)
	}
	for _, a := range s.c.Expr.Args {
		if t := st.info.TypeOf(a); t != nil {
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// iterPrefixes name calls that return the next item of something.
var iterPrefixes = []string{"next", "pop", "dequeue", "recv", "receive", "take", "shift", "read", "scan", "fetch"}

func (st *state) exprVaries(e ast.Expr, sc *scope, seen map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		case *ast.CallExpr:
			if sc.loop {
				if fn, _ := typeutil.Callee(st.info, n).(*types.Func); fn != nil && hasPrefix(fn.Name(), iterPrefixes) {
					found = true
				}
			}
		case *ast.Ident:
			v, ok := st.info.Uses[n].(*types.Var)
			if !ok || v.IsField() {
				break
			}
			if sc.roots[v] {
				found = true
				break
			}
			if seen[v] {
				break
			}
			seen[v] = true
			rhss, ok := sc.defs[v]
			if !ok {
				// Declared inside with no value we can see: it may change.
				found = within(sc.node, v.Pos())
				break
			}
			for _, r := range rhss {
				if r == nil || st.exprVaries(r, sc, seen) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// indexVaries reports whether e indexes something with a changing index.
func (st *state) indexVaries(e ast.Expr, sc *scope) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if ix, ok := n.(*ast.IndexExpr); ok && st.exprVaries(ix.Index, sc, map[*types.Var]bool{}) {
			found = true
		}
		return !found
	})
	return found
}

// ---- what happens after a successful login ----

// region is the part of a function a successful login can reach.
type region struct {
	nodes []ast.Node
	found bool // the call is in the control-flow graph
	cont  bool // the loop goes on to its next iteration
}

// successRegion walks the control-flow graph from the login, following only
// the branches a successful login takes (err == nil) until the error
// variable is reused. With a loop, it stops where the loop ends or begins
// its next iteration (cont).
func (st *state) successRegion(fi *fnInfo, call ast.Expr, errVars map[*types.Var]bool, loop ast.Stmt) region {
	g := st.graph(fi)
	var start *cfg.Block
	idx := -1
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for j, n := range b.Nodes {
			if n.Pos() <= call.Pos() && call.End() <= n.End() {
				start, idx = b, j
				break
			}
		}
		if start != nil {
			break
		}
	}
	if start == nil {
		return region{}
	}
	r := region{found: true}
	type item struct {
		b    *cfg.Block
		from int
		live bool
	}
	seen := map[[2]int32]bool{}
	stack := []item{{start, idx + 1, len(errVars) > 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		live := it.live
		for j := it.from; j < len(it.b.Nodes); j++ {
			n := it.b.Nodes[j]
			r.nodes = append(r.nodes, n)
			if live && st.assignsAny(n, errVars) {
				live = false
			}
		}
		succs := it.b.Succs
		if len(succs) == 2 && len(it.b.Nodes) > 0 {
			if cond, ok := it.b.Nodes[len(it.b.Nodes)-1].(ast.Expr); ok && live {
				switch st.evalSuccess(cond, errVars) {
				case yes:
					succs = succs[:1]
				case no:
					succs = succs[1:]
				}
			}
		}
		for _, b := range succs {
			if loop != nil {
				if b.Stmt == loop {
					if b.Kind != cfg.KindForDone && b.Kind != cfg.KindRangeDone {
						r.cont = true
					}
					continue
				}
				if !insideLoop(b, loop) {
					continue
				}
			}
			k := [2]int32{b.Index, 0}
			if live {
				k[1] = 1
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			stack = append(stack, item{b, 0, live})
		}
	}
	return r
}

func insideLoop(b *cfg.Block, loop ast.Stmt) bool {
	var p token.Pos
	switch {
	case len(b.Nodes) > 0:
		p = b.Nodes[0].Pos()
	case b.Stmt != nil:
		p = b.Stmt.Pos()
	default:
		return true
	}
	return loop.Pos() <= p && p < loop.End()
}

// evalSuccess evaluates a condition knowing that the login's error is nil.
func (st *state) evalSuccess(cond ast.Expr, errVars map[*types.Var]bool) tri {
	switch x := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return st.evalSuccess(x.X, errVars).not()
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			a, b := st.evalSuccess(x.X, errVars), st.evalSuccess(x.Y, errVars)
			if a == no || b == no {
				return no
			}
			if a == yes && b == yes {
				return yes
			}
		case token.LOR:
			a, b := st.evalSuccess(x.X, errVars), st.evalSuccess(x.Y, errVars)
			if a == yes || b == yes {
				return yes
			}
			if a == no && b == no {
				return no
			}
		case token.EQL, token.NEQ:
			if y := st.nilCompared(x); y != nil && st.isVarIn(y, errVars) {
				if x.Op == token.EQL {
					return yes
				}
				return no
			}
		}
	case *ast.CallExpr:
		for _, a := range x.Args {
			if st.isVarIn(a, errVars) {
				return no // errors.Is(nil, ...), isExpired(nil)
			}
		}
	}
	return unknown
}

func (st *state) isVarIn(e ast.Expr, vars map[*types.Var]bool) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := st.info.ObjectOf(id).(*types.Var)
	return ok && vars[v]
}

func (st *state) assignsAny(n ast.Node, vars map[*types.Var]bool) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if st.isVarIn(l, vars) {
			return true
		}
	}
	return false
}

// errVars returns the variable the login's error is assigned to.
func (st *state) errVars(s *site) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	if s.c.Err < 0 {
		return out
	}
	as, ok := parentOf(s.path).(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || s.c.Err >= len(as.Lhs) {
		return out
	}
	if id, ok := as.Lhs[s.c.Err].(*ast.Ident); ok {
		if v, ok := st.info.ObjectOf(id).(*types.Var); ok {
			out[v] = true
		}
	}
	return out
}

// ---- the session after the login ----

// holder is where the session lives after the login: a variable, or a
// field path of one (d.client).
type holder struct {
	root *types.Var
	path string
	expr ast.Expr
}

func covers(hs []holder, root *types.Var, path string) *holder {
	for i, h := range hs {
		if h.root == root && (path == h.path || strings.HasPrefix(path, h.path+".")) {
			return &hs[i]
		}
	}
	return nil
}

// holders returns where the session goes, and whether the login's result
// is used directly (login().Query()). It is computed once per site.
func (st *state) holders(s *site) ([]holder, bool) {
	if !s.holdersDone {
		s.holdersDone = true
		s.hs, s.inline = st.findHolders(s)
	}
	return s.hs, s.inline
}

func (st *state) findHolders(s *site) (hs []holder, inline bool) {
	add := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "_" {
			return
		}
		if r, p, ok := st.key(e); ok && covers(hs, r, p) == nil {
			hs = append(hs, holder{r, p, e})
		}
	}
	c := s.c
	switch {
	case c.Session >= 0:
		switch p := parentOf(s.path).(type) {
		case *ast.AssignStmt:
			if len(p.Rhs) == 1 && c.Session < len(p.Lhs) {
				add(p.Lhs[c.Session])
			}
		case *ast.ValueSpec:
			if len(p.Values) == 1 && c.Session < len(p.Names) {
				add(p.Names[c.Session])
			}
		case *ast.SelectorExpr:
			inline = true
		case *ast.CallExpr:
			inline = p.Fun != s.path[0]
		}
	case c.Session == sfapi.InReceiver:
		if c.Recv != nil {
			add(c.Recv)
			break
		}
		for _, a := range c.Expr.Args {
			if t := st.info.TypeOf(a); t != nil {
				if _, basic := t.Underlying().(*types.Basic); !basic {
					add(a)
				}
			}
		}
	}
	// Variables the session is copied into.
	for changed := len(hs) > 0; changed; {
		changed = false
		ast.Inspect(s.fn.body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				if r, p, ok := st.key(l); ok && covers(hs, r, p) == nil && st.carries(as.Rhs[i], hs) {
					hs = append(hs, holder{r, p, l})
					changed = true
				}
			}
			return true
		})
	}
	return hs, inline
}

// carries reports whether the value of e is the session (or holds it): the
// holder, a field of it, its address, a composite literal holding it, an
// accessor call on it (GetSid), a conversion or append of it.
func (st *state) carries(e ast.Expr, hs []holder) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		r, p, ok := st.key(x)
		return ok && covers(hs, r, p) != nil
	case *ast.UnaryExpr:
		return x.Op == token.AND && st.carries(x.X, hs)
	case *ast.StarExpr:
		return st.carries(x.X, hs)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if st.carries(elt, hs) {
				return true
			}
		}
	case *ast.CallExpr:
		if tv, ok := st.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return st.carries(x.Args[0], hs)
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := st.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				for _, a := range x.Args {
					if st.carries(a, hs) {
						return true
					}
				}
			}
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && len(x.Args) == 0 {
			fn, _ := typeutil.Callee(st.info, x).(*types.Func)
			return st.accessor(fn) && st.carries(sel.X, hs)
		}
	}
	return false
}

// refers reports whether n mentions the session anywhere.
func (st *state) refers(n ast.Node, hs []holder) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok {
			if r, p, ok := st.key(e); ok && covers(hs, r, p) != nil {
				found = true
			}
		}
		return !found
	})
	return found
}

// accessor reports whether a method only reads a field (GetSid, String...).
func (st *state) accessor(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	switch fn.Name() {
	case "Close", "String", "Error", "Logout", "Lock", "Unlock", "RLock", "RUnlock":
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	_, basic := sig.Results().At(0).Type().Underlying().(*types.Basic)
	return basic
}

// usage is what the region does with the session.
type usage struct {
	use    bool // the session is used (a call on it, or it is passed to one)
	api    bool // an API call is made on the holder itself
	escape bool // the session is kept beyond the region: returned, stored, sent, captured

	apiCall *ast.CallExpr // the first API call on the holder
}

// scan looks at what the region does with the session. In strict mode
// (shape 3) storing the session on the method's receiver is not an escape,
// and only API calls on the holder the receiver keeps count as API work.
func (st *state) scan(s *site, nodes []ast.Node, hs []holder, strict bool) usage {
	var u usage
	if len(hs) == 0 {
		return u
	}
	var recv *types.Var
	if strict && s.fn.sig != nil {
		recv = s.fn.sig.Recv()
	}
	keeps := func(l ast.Expr) bool {
		switch x := ast.Unparen(l).(type) {
		case *ast.Ident:
			if x.Name == "_" {
				return false
			}
			v, _ := st.info.ObjectOf(x).(*types.Var)
			// A package-level variable, or one captured from outside the function.
			return v != nil && !within(s.fn.node, v.Pos())
		case *ast.IndexExpr:
			return true
		case *ast.SelectorExpr, *ast.StarExpr:
			if recv != nil {
				if r, _, ok := st.key(x); ok && r == recv {
					return false
				}
			}
			return true
		}
		return false
	}
	for _, n := range nodes {
		switch n := n.(type) {
		case *ast.DeferStmt:
			continue
		case *ast.GoStmt:
			if st.refers(n, hs) {
				u.escape = true
			}
			continue
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if st.carries(r, hs) {
					u.escape = true
				}
			}
		case *ast.SendStmt:
			if st.carries(n.Value, hs) {
				u.escape = true
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if st.carries(n.Rhs[i], hs) && (keeps(l) || st.isAppend(n.Rhs[i])) {
						u.escape = true
					}
				}
			}
		}
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				if st.refers(m, hs) {
					u.escape = true // captured by a closure that may outlive the region
				}
				return false
			case *ast.CallExpr:
				if m == s.c.Expr {
					return false
				}
				if st.res.Lookup(m) != nil {
					return false // another login, logout or reuse call
				}
				st.useCall(m, hs, recv, &u)
			}
			return true
		})
	}
	return u
}

func (u *usage) markAPI(call *ast.CallExpr) {
	if !u.api {
		u.api, u.apiCall = true, call
	}
}

func (st *state) isAppend(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := st.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append"
}

// useCall records what a call does with the session. With recv (strict
// mode), API work is a call on the client the receiver keeps: a method of
// the holder itself (d.client.Query), a Salesforce library call further in
// (d.client.SObject...), or the holder passed on (query(d.sess)).
func (st *state) useCall(call *ast.CallExpr, hs []holder, recv *types.Var, u *usage) {
	strict := recv != nil
	fn, _ := typeutil.Callee(st.info, call).(*types.Func)
	if fn != nil && hasPrefix(fn.Name(), storePrefixes) {
		for _, a := range call.Args {
			if st.carries(a, hs) {
				u.escape = true // pool.Put(c), cache.Set(k, sid)
				return
			}
		}
	}
	if fn != nil && fn.Pkg() != nil && printing(fn) {
		return
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if m, ok := st.info.Selections[sel]; ok && m.Kind() == types.MethodVal {
			if r, p, ok := st.key(sel.X); ok {
				if h := covers(hs, r, p); h != nil && !st.accessor(fn) {
					u.use = true
					if !strict || (h.root == recv && ((p == h.path && h.path != "") || st.salesforce(fn))) {
						u.markAPI(call)
					}
				}
			}
		}
	}
	for _, a := range call.Args {
		if !st.refers(a, hs) {
			continue
		}
		u.use = true
		if r, p, ok := st.key(a); ok {
			if h := covers(hs, r, p); h != nil && p == h.path && (!strict || (h.root == recv && h.path != "")) {
				u.markAPI(call)
			}
		}
	}
}

// salesforce reports whether fn belongs to a Salesforce client library.
func (st *state) salesforce(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && st.res.Model.Relevant(fn.Pkg().Path())
}

// waitsOnTimer reports whether a loop waits for a timer between iterations:
// it ranges over or receives from a channel of time.Time (a ticker,
// time.Tick, time.After), or sleeps.
func (st *state) waitsOnTimer(loop ast.Stmt) bool {
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if st.timeChan(l.X) {
			return true
		}
		body = l.Body
	case *ast.ForStmt:
		body = l.Body
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			found = found || (n.Op == token.ARROW && st.timeChan(n.X))
		case *ast.CallExpr:
			if fn, _ := typeutil.Callee(st.info, n).(*types.Func); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Sleep" {
				found = true
			}
		}
		return !found
	})
	return found
}

// timeChan reports whether e is a channel of time.Time.
func (st *state) timeChan(e ast.Expr) bool {
	t := st.info.TypeOf(e)
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return false
	}
	n, ok := types.Unalias(ch.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time"
}
