package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file answers where a login's session lives, by field path (the
// variable c, or the field d.client of the receiver d), and what a region
// of the function does with it: uses it, calls the API on it, or keeps it
// beyond the region.

// Holder is where the session lives after the login: a variable, or a
// field path of one (d.client: Root d, Path ".client").
type Holder struct {
	Root *types.Var
	Path string
	Expr ast.Expr
}

// Key returns the variable at the root of x, x.f.g or *x and the field
// path (".f.g"); a qualified package-level variable is its own root.
func (e *Env) Key(x ast.Expr) (*types.Var, string, bool) {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		v, _ := e.Info.ObjectOf(x).(*types.Var)
		if v == nil || v.IsField() {
			return nil, "", false
		}
		return v, "", true
	case *ast.SelectorExpr:
		if sel, ok := e.Info.Selections[x]; ok {
			if sel.Kind() != types.FieldVal {
				return nil, "", false
			}
			r, p, ok := e.Key(x.X)
			return r, p + "." + x.Sel.Name, ok
		}
		if v, ok := e.Info.Uses[x.Sel].(*types.Var); ok {
			return v, "", true
		}
	case *ast.StarExpr:
		return e.Key(x.X)
	}
	return nil, "", false
}

// Covers returns the holder that root.path lies in (it, or a field of it).
func Covers(hs []Holder, root *types.Var, path string) *Holder {
	for i, h := range hs {
		if h.Root == root && (path == h.Path || strings.HasPrefix(path, h.Path+".")) {
			return &hs[i]
		}
	}
	return nil
}

// Holders returns where the session goes (the variables and field paths
// holding it, copies included), and whether the login's result is used
// directly (login().Query()).
func (l *Login) Holders() ([]Holder, bool) {
	l.holdersOnce.Do(func() { l.holders, l.inline = l.findHolders() })
	return l.holders, l.inline
}

func (l *Login) findHolders() (hs []Holder, inline bool) {
	env := l.Fn.Env
	add := func(e ast.Expr) {
		if IsBlank(e) {
			return
		}
		if r, p, ok := env.Key(e); ok && Covers(hs, r, p) == nil {
			hs = append(hs, Holder{r, p, e})
		}
	}
	switch {
	case l.Session >= 0:
		switch p := l.Stmt.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			if l.Session < len(l.Results) {
				add(l.Results[l.Session])
			}
		case *ast.SelectorExpr:
			inline = true
		case *ast.CallExpr:
			_, child := env.Unparent(l.Expr)
			inline = p.Fun != child
		}
	case l.Session == sfapi.InReceiver:
		if l.Recv != nil {
			add(l.Recv)
			break
		}
		for _, a := range l.Expr.Args {
			if t := env.Info.TypeOf(a); t != nil {
				if _, basic := t.Underlying().(*types.Basic); !basic {
					add(a)
				}
			}
		}
	}
	// Variables the session is copied into.
	for changed := len(hs) > 0; changed; {
		changed = false
		astwalk.Inspect(l.Fn.Body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, lhs := range as.Lhs {
				if r, p, ok := env.Key(lhs); ok && Covers(hs, r, p) == nil && env.CarriesHolder(as.Rhs[i], hs) {
					hs = append(hs, Holder{r, p, lhs})
					changed = true
				}
			}
			return true
		})
	}
	return hs, inline
}

// CarriesHolder reports whether the value of x is the session (or holds
// it): a holder, a field of it, its address, a composite literal holding
// it, an accessor call on it (GetSid), a conversion or append of it.
func (e *Env) CarriesHolder(x ast.Expr, hs []Holder) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		r, p, ok := e.Key(x)
		return ok && Covers(hs, r, p) != nil
	case *ast.UnaryExpr:
		return x.Op == token.AND && e.CarriesHolder(x.X, hs)
	case *ast.StarExpr:
		return e.CarriesHolder(x.X, hs)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if e.CarriesHolder(elt, hs) {
				return true
			}
		}
	case *ast.CallExpr:
		if tv, ok := e.Info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return e.CarriesHolder(x.Args[0], hs)
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := e.Info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				for _, a := range x.Args {
					if e.CarriesHolder(a, hs) {
						return true
					}
				}
			}
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && len(x.Args) == 0 {
			return accessor(e.Callee(x)) && e.CarriesHolder(sel.X, hs)
		}
	}
	return false
}

// Refers reports whether n mentions the session anywhere.
func (e *Env) Refers(n ast.Node, hs []Holder) bool {
	return Any(n, false, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		if !ok {
			return false
		}
		r, p, ok := e.Key(x)
		return ok && Covers(hs, r, p) != nil
	})
}

// accessor reports whether a method only reads a field (GetSid, String...).
func accessor(fn *types.Func) bool {
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

// Usage is what a region of the function does with the session.
type Usage struct {
	Use    bool // the session is used (a call on it, or it is passed to one)
	API    bool // an API call is made on the holder itself
	Escape bool // the session is kept beyond the region: returned, stored, sent, captured
	// Globals are the package-level variables the session is stored in;
	// Other says it escapes some other way too.
	Globals []*types.Var
	Other   bool
	// GlobalRead: a Global is read again in the region after the store
	// (the function goes on to use the session through it).
	GlobalRead bool
	// APICall is the first API call on the holder.
	APICall *ast.CallExpr
}

// UsageIn looks at what the CFG nodes of a region do with the session held
// in hs. With recv (a method's receiver), storing the session on the
// receiver is not an escape, and only API calls on the holder the receiver
// keeps count as API work.
func (l *Login) UsageIn(nodes []ast.Node, hs []Holder, recv *types.Var) Usage {
	var u Usage
	if len(hs) == 0 {
		return u
	}
	env := l.Fn.Env
	keeps := func(lhs ast.Expr) bool {
		switch x := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			if x.Name == "_" {
				return false
			}
			v, _ := env.Info.ObjectOf(x).(*types.Var)
			// A package-level variable, or one captured from outside the function.
			return v != nil && !Contains(l.Fn.Node, &ast.Ident{NamePos: v.Pos()})
		case *ast.IndexExpr:
			return true
		case *ast.SelectorExpr, *ast.StarExpr:
			if recv != nil {
				if r, _, ok := env.Key(x); ok && r == recv {
					return false
				}
			}
			return true
		}
		return false
	}
	global := func(lhs ast.Expr) *types.Var {
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
			if v, ok := env.Info.ObjectOf(id).(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				return v
			}
		}
		return nil
	}
	escape := func() { u.Escape, u.Other = true, true }
	stored := map[*ast.Ident]bool{} // the left-hand sides of the stores into Globals
	for _, n := range nodes {
		switch n := n.(type) {
		case *ast.DeferStmt:
			continue
		case *ast.GoStmt:
			if env.Refers(n, hs) {
				escape()
			}
			continue
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if env.CarriesHolder(r, hs) {
					escape()
				}
			}
		case *ast.SendStmt:
			if env.CarriesHolder(n.Value, hs) {
				escape()
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if env.CarriesHolder(n.Rhs[i], hs) && (keeps(lhs) || isAppend(env.Info, n.Rhs[i])) {
						if v := global(lhs); v != nil && !isAppend(env.Info, n.Rhs[i]) {
							u.Escape = true
							u.Globals = append(u.Globals, v)
							stored[ast.Unparen(lhs).(*ast.Ident)] = true
						} else {
							escape()
						}
					}
				}
			}
		}
		astwalk.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.Ident:
				if len(u.Globals) > 0 && !stored[m] {
					if v, ok := env.Info.Uses[m].(*types.Var); ok && slices.Contains(u.Globals, v) {
						u.GlobalRead = true
					}
				}
			case *ast.FuncLit:
				if env.Refers(m, hs) {
					escape() // captured by a closure that may outlive the region
				}
				return false
			case *ast.CallExpr:
				if m == l.Expr || env.Lookup(m) != nil {
					return false // this login, another login, a logout or a reuse call
				}
				l.useCall(m, hs, recv, &u)
			}
			return true
		})
	}
	return u
}

func (u *Usage) markAPI(call *ast.CallExpr) {
	if !u.API {
		u.API, u.APICall = true, call
	}
}

func isAppend(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	b, ok := typeutil.Callee(info, call).(*types.Builtin)
	return ok && b.Name() == "append"
}

// StorePrefixes name the methods that keep what they are given (a cache, a pool).
var StorePrefixes = []string{"set", "save", "store", "put", "add", "cache", "swap", "remember", "push", "append", "enqueue", "register", "keep", "track", "offer"}

// HasPrefix reports whether a name starts with one of the words, as a
// whole word: "Set" and "SetClient" start with "set", "Setup" and "settle"
// do not.
func HasPrefix(name string, words []string) bool {
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

// useCall records what a call does with the session. With recv, API work
// is a call on the client the receiver keeps: a method of the holder
// itself (d.client.Query), a Salesforce library call further in
// (d.client.SObject...), or the holder passed on (query(d.sess)).
func (l *Login) useCall(call *ast.CallExpr, hs []Holder, recv *types.Var, u *Usage) {
	env := l.Fn.Env
	strict := recv != nil
	fn := env.Callee(call)
	if fn != nil && HasPrefix(fn.Name(), StorePrefixes) {
		for _, a := range call.Args {
			if env.CarriesHolder(a, hs) {
				u.Escape, u.Other = true, true // pool.Put(c), cache.Set(k, sid)
				return
			}
		}
	}
	if fn != nil && fn.Pkg() != nil && Printing(fn) {
		return
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if m, ok := env.Info.Selections[sel]; ok && m.Kind() == types.MethodVal {
			if r, p, ok := env.Key(sel.X); ok {
				if h := Covers(hs, r, p); h != nil && !accessor(fn) {
					u.Use = true
					if !strict || (h.Root == recv && ((p == h.Path && h.Path != "") || env.Salesforce(fn))) {
						u.markAPI(call)
					}
				}
			}
		}
	}
	for _, a := range call.Args {
		if !env.Refers(a, hs) {
			continue
		}
		u.Use = true
		if r, p, ok := env.Key(a); ok {
			if h := Covers(hs, r, p); h != nil && p == h.Path && (!strict || (h.Root == recv && h.Path != "")) {
				u.markAPI(call)
			}
		}
	}
}

// Salesforce reports whether fn belongs to a Salesforce client library.
func (e *Env) Salesforce(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && e.Model.Relevant(fn.Pkg().Path())
}

// Printing reports whether fn only prints or logs (fmt, log, log/slog).
func Printing(fn *types.Func) bool {
	switch fn.Pkg().Path() {
	case "fmt", "log", "log/slog":
		return true
	}
	return false
}

// ---------------------------------------------------------------------------
// What a successful login reaches

// Region is the part of a function a successful login can reach.
type Region struct {
	Nodes []ast.Node
	Found bool // the call is in the control-flow graph
	Cont  bool // the loop goes on to its next iteration
}

// SuccessRegion returns the CFG nodes a successful login reaches (the
// branches on which it failed are not followed). With a loop, the region
// stops where the loop ends or begins its next iteration (Cont).
func (l *Login) SuccessRegion(loop ast.Stmt) Region {
	r := Region{Found: l.At.Valid()}
	if !r.Found {
		return r
	}
	l.Search(Query{
		Skip: []Outcome{Failed, NoAnswer},
		Node: func(n ast.Node, _ *State) Step {
			r.Nodes = append(r.Nodes, n)
			return Next
		},
		Enter: func(_, to *cfg.Block, _ *State) Step {
			if loop == nil {
				return Next
			}
			if to.Stmt == loop {
				if to.Kind != cfg.KindForDone && to.Kind != cfg.KindRangeDone {
					r.Cont = true
				}
				return Stop
			}
			if !insideLoop(to, loop) {
				return Stop
			}
			return Next
		},
	})
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

// WaitsOnTimer reports whether a loop waits for a timer between
// iterations: it ranges over or receives from a channel of time.Time (a
// ticker, time.Tick, time.After), or sleeps.
func WaitsOnTimer(info *types.Info, loop ast.Stmt) bool {
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if timeChan(info, l.X) {
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
	astwalk.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			found = found || (n.Op == token.ARROW && timeChan(info, n.X))
		case *ast.CallExpr:
			if fn, _ := typeutil.Callee(info, n).(*types.Func); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Sleep" {
				found = true
			}
		}
		return !found
	})
	return found
}

// timeChan reports whether e is a channel of time.Time.
func timeChan(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
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
