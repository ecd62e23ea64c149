package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/astwalk"
)

// This file tracks, along a retry search, which of the variables the
// credentials and the client depend on have changed since the login: a
// next attempt with other credentials is not a retry.

// credExprs are the expressions that carry the login's credentials: the
// role arguments, or, when none is known, every argument and the receiver.
func (s *retrySearch) credExprs() []ast.Expr {
	var out []ast.Expr
	for _, ra := range s.l.Args {
		out = append(out, ra.Expr)
	}
	if len(out) > 0 || s.l.Raw {
		return out
	}
	out = append(out, s.l.Expr.Args...)
	if s.l.Recv != nil {
		out = append(out, s.l.Recv)
	}
	return out
}

// computeDeps finds the variables the credentials depend on, through the
// assignments of the function (credDeps), and those that set up the client
// logged in on too (deps, which the search follows).
func (s *retrySearch) computeDeps() {
	info := s.l.Fn.Env.Info
	for _, e := range s.credExprs() {
		for _, v := range usedVars(info, e) {
			if !slices.Contains(s.credVars, v) {
				s.credVars = append(s.credVars, v)
			}
		}
	}
	if s.l.Recv != nil {
		// The client logged in on: another client may point at another org.
		for _, v := range usedVars(info, s.l.Recv) {
			if !slices.Contains(s.credVars, v) {
				s.credVars = append(s.credVars, v)
			}
		}
	}
	s.credDeps = s.closure(s.credVars, false)
	// The arguments of methods called on a variable set it up (c.SetLoginUrl(url)).
	all := s.closure(s.credVars, true)
	var vs []*types.Var
	for v := range all {
		vs = append(vs, v)
	}
	// In source order, so that which ones get the 64 bits does not depend
	// on map iteration: the same code, the same report.
	slices.SortFunc(vs, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	s.deps = map[*types.Var]uint{}
	for _, v := range vs {
		if len(s.deps) < 64 {
			s.deps[v] = uint(len(s.deps))
		}
	}
}

// closure returns the variables the roots are computed from, through the
// assignments of the function and, with setup, the arguments of the
// methods called on them.
func (s *retrySearch) closure(roots []*types.Var, setup bool) map[*types.Var]bool {
	seen := map[*types.Var]bool{}
	queue := append([]*types.Var(nil), roots...)
	for _, v := range roots {
		seen[v] = true
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range s.l.Fn.dependsOn(v, setup) {
			if !seen[w] {
				seen[w] = true
				queue = append(queue, w)
			}
		}
	}
	return seen
}

// opChangesCreds reports whether a retried operation assigns the variables
// its credentials read, declared outside it (a closure walking a list of users).
func (s *retrySearch) opChangesCreds() bool {
	info := s.l.Fn.Env.Info
	moved := false
	astwalk.Inspect(s.l.Fn.Body, func(n ast.Node) bool {
		var targets []ast.Expr
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			targets = n.Lhs
		case *ast.IncDecStmt:
			targets = []ast.Expr{n.X}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				targets = []ast.Expr{n.X}
			}
		}
		for _, t := range targets {
			if v := RootVar(info, t); v != nil {
				if _, dep := s.deps[v]; dep && !s.l.Fn.Own(v) {
					moved = true
				}
			}
		}
		return !moved
	})
	return moved
}

// kills reports whether assigning e clears the failure: a call that
// classifies the error or turns it into a stop (err = classify(err)).
func (s *retrySearch) kills(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := s.l.Fn.Env.Callee(call)
	env := s.l.Fn.Env
	return fn != nil && (env.IsClassifier(fn) || env.Model.IsClassifier(fn) || s.isStop(fn, nil) || s.returnsStop(fn, map[*types.Func]bool{}))
}

func (s *retrySearch) changed(bits uint64, v *types.Var) bool {
	bit, ok := s.deps[v]
	return ok && bits&(1<<bit) != 0
}

func (s *retrySearch) setChanged(bits uint64, v *types.Var, on bool) uint64 {
	if bit, ok := s.deps[v]; ok {
		if on {
			bits |= 1 << bit
		} else {
			bits &^= 1 << bit
		}
	}
	return bits
}

// enter: a range loop's head assigns its key and value.
func (s *retrySearch) enter(b *cfg.Block, bits uint64) uint64 {
	if b.Kind != cfg.KindRangeLoop {
		return bits
	}
	if rs, ok := b.Stmt.(*ast.RangeStmt); ok {
		for _, e := range []ast.Expr{rs.Key, rs.Value} {
			if v := RootVar(s.l.Fn.Env.Info, e); v != nil && e != nil {
				bits = s.setChanged(bits, v, true)
			}
		}
	}
	return bits
}

// changedBy updates which dependencies of the credentials node n changes:
// assignments of values that may differ on another pass, &x handed to a
// call (fmt.Scan(&password)), a pointer method reporting a bool (it.Next()),
// a setter given a changed value (x.SetLoginUrl(env)).
func (s *retrySearch) changedBy(n ast.Node, st State, bits uint64, first bool) uint64 {
	info := s.l.Fn.Env.Info
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE { // x += y
			for _, lhs := range n.Lhs {
				if v := RootVar(info, lhs); v != nil {
					bits = s.setChanged(bits, v, true)
				}
			}
			break
		}
		before := bits
		for _, p := range Pairs(info, n.Lhs, n.Rhs) {
			r := p.Rhs
			if r == nil {
				r = p.Tuple
			}
			v := RootVar(info, p.Lhs)
			if v == nil || r == nil {
				continue
			}
			if _, dep := s.deps[v]; !dep {
				continue
			}
			variant := s.variant(r, before)
			if _, isIdent := ast.Unparen(p.Lhs).(*ast.Ident); isIdent || variant {
				bits = s.setChanged(bits, v, variant)
			}
		}
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		before := bits
		for _, p := range Pairs(info, lhs, n.Values) {
			v := identVar(info, p.Lhs)
			r := p.Rhs
			if r == nil {
				r = p.Tuple
			}
			if v == nil {
				continue
			}
			bits = s.setChanged(bits, v, r != nil && s.variant(r, before))
		}
	case *ast.IncDecStmt:
		if v := RootVar(info, n.X); v != nil {
			bits = s.setChanged(bits, v, true)
		}
	case *ast.Ident: // a select case's `x := <-ch`
		if v, ok := info.Defs[n].(*types.Var); ok {
			bits = s.setChanged(bits, v, true)
		}
	}
	astwalk.Inspect(n, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if _, lit := m.(*ast.FuncLit); lit {
			return false
		}
		if !ok || call == s.l.Expr {
			return true
		}
		if v := s.pointerMethodRecv(call); v != nil {
			bits = s.setChanged(bits, v, true)
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if v := RootVar(info, sel.X); v != nil {
				for _, arg := range call.Args {
					if s.mentionsChanged(arg, bits) {
						bits = s.setChanged(bits, v, true)
					}
				}
			}
		}
		for _, arg := range call.Args {
			if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if v := RootVar(info, u.X); v != nil {
					bits = s.setChanged(bits, v, true)
				}
			}
		}
		return true
	})
	return bits
}

// mentionsChanged reports whether e reads a variable changed since the login.
func (s *retrySearch) mentionsChanged(e ast.Expr, bits uint64) bool {
	for _, v := range usedVars(s.l.Fn.Env.Info, e) {
		if s.changed(bits, v) {
			return true
		}
	}
	return false
}

// pointerMethodRecv returns x for a call x.m() of a pointer-receiver method
// on a variable x that reports a bool: an iterator moving on (it.Next(),
// scanner.Scan()).
func (s *retrySearch) pointerMethodRecv(call *ast.CallExpr) *types.Var {
	info := s.l.Fn.Env.Info
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v := identVar(info, sel.X)
	selection, ok := info.Selections[sel]
	if v == nil || !ok || selection.Kind() != types.MethodVal {
		return nil
	}
	sig, _ := selection.Obj().Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	if _, ptr := sig.Recv().Type().(*types.Pointer); !ptr || sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) {
		return nil
	}
	return v
}

// variant reports whether e may have a different value on another pass:
// it reads a changed variable, receives from a channel, or calls something
// other than a pure constructor.
func (s *retrySearch) variant(e ast.Expr, bits uint64) bool {
	info := s.l.Fn.Env.Info
	v := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if v {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if w, ok := info.ObjectOf(n).(*types.Var); ok && s.changed(bits, w) {
				v = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				v = true
			}
		case *ast.CallExpr:
			if !s.pureCall(n) {
				v = true
			}
		}
		return !v
	})
	return v
}

func (s *retrySearch) pureCall(call *ast.CallExpr) bool {
	env := s.l.Fn.Env
	if tv, ok := env.Info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := env.Info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "len", "cap", "min", "max", "string":
				return true
			}
			return false
		}
	}
	fn := env.Callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt":
		return strings.HasPrefix(fn.Name(), "Sprint")
	case "strings", "bytes", "strconv", "net/url", "path", "unicode/utf8":
		return true
	case "net/http":
		return strings.HasPrefix(fn.Name(), "NewRequest")
	}
	// A client constructor of a library in the table (simpleforce.NewClient).
	return fn.Name() == "NewClient" && env.Model.Relevant(fn.Pkg().Path())
}

// sameArgs reports whether a recursive call passes the credential
// parameters (and receiver) on unchanged.
func (s *retrySearch) sameArgs(call *ast.CallExpr, bits uint64) bool {
	info := s.l.Fn.Env.Info
	sig := s.l.Fn.Sig
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !s.credDeps[p] {
			continue
		}
		if i >= len(call.Args) || sig.Variadic() && i == sig.Params().Len()-1 {
			return false
		}
		if identVar(info, call.Args[i]) != p || s.changed(bits, p) {
			return false
		}
	}
	if recv := sig.Recv(); recv != nil && s.credDeps[recv] {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || identVar(info, sel.X) != recv || s.changed(bits, recv) {
			return false
		}
	}
	return true
}
