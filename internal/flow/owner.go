package flow

import (
	"go/ast"
	"go/types"

	"github.com/sflint/sflint/internal/astwalk"
)

// This file decides which functions only borrow the Salesforce client (or
// session) they are given: a function that calls methods on it and reads
// it borrows it, and its caller keeps the duty to end the session; one
// that returns it, stores it, sends it, captures it in a goroutine or a
// closure that may outlive the call, logs it out, or hands it to a
// function that takes it over, takes it over. Known by facts (OwnerFact),
// across packages, never guessed from a name.

// DeriveOwners computes the OwnerFacts of the package's functions, to a
// fixpoint (a helper that hands the client to another helper of the
// package borrows it when that one does).
func (e *Env) DeriveOwners() {
	type cand struct {
		f      *Func
		params []int // the parameters that can hold a session
	}
	var cands []cand
	for _, fn := range sortedFuncs(e.Decls) {
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil {
			continue
		}
		var params []int
		for i := 0; i < sig.Params().Len(); i++ {
			if e.sessionType(sig.Params().At(i).Type(), 0) {
				params = append(params, i)
			}
		}
		if len(params) > 0 {
			cands = append(cands, cand{newFuncLite(e, e.Decls[fn]), params})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			var borrows []int
			for _, i := range c.params {
				if c.f.borrows(c.f.Sig.Params().At(i)) {
					borrows = append(borrows, i)
				}
			}
			old := e.owners[c.f.Obj]
			if len(borrows) > len(old.borrowsList()) {
				e.owners[c.f.Obj] = &OwnerFact{Borrows: borrows}
				changed = true
			}
		}
	}
}

func (f *OwnerFact) borrowsList() []int {
	if f == nil {
		return nil
	}
	return f.Borrows
}

// Owners returns the OwnerFacts derived for the package's functions.
func (e *Env) Owners() map[*types.Func]*OwnerFact { return e.owners }

// sessionType reports whether a value of type t can hold a Salesforce
// client or session: a type of a client library (or a pointer to one), or
// a struct of the package holding one.
func (e *Env) sessionType(t types.Type, depth int) bool {
	if t == nil || depth > 2 {
		return false
	}
	t = types.Unalias(Deref(t))
	if n, ok := t.(*types.Named); ok {
		if pkg := n.Obj().Pkg(); pkg != nil && e.Model.Relevant(pkg.Path()) {
			_, iface := n.Underlying().(*types.Interface)
			return !iface || n.NumMethods() > 0
		}
		if n.Obj().Pkg() != e.Pkg {
			return false
		}
	}
	if s, ok := t.Underlying().(*types.Struct); ok {
		for i := 0; i < s.NumFields(); i++ {
			if e.sessionType(s.Field(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// borrows reports whether the function only borrows parameter p: the
// session p holds leaves the function nowhere and is not logged out.
func (f *Func) borrows(p *types.Var) bool {
	g := f.newGraph(false, []types.Type{Deref(p.Type())})
	carriers := map[*types.Var]bool{p: true}
	queue := []*types.Var{p}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range g.edges[v] {
			if !carriers[w] {
				carriers[w] = true
				queue = append(queue, w)
			}
		}
	}
	for v := range carriers {
		for _, esc := range g.escapes[v] {
			if esc.unless == nil || !carriers[esc.unless] {
				return false
			}
		}
	}
	// A logout of it ends the session: the caller has no duty left.
	loggedOut := false
	astwalk.Inspect(f.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || loggedOut || !f.Env.IsLogoutCall(call) {
			return !loggedOut
		}
		targets := append([]ast.Expr(nil), call.Args...)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			targets = append(targets, sel.X)
		}
		for _, t := range targets {
			if carriers[RootVar(f.Env.Info, t)] {
				loggedOut = true
			}
		}
		return !loggedOut
	})
	return !loggedOut
}

// newFuncLite builds the model of a function without its control-flow
// graph: enough for value questions (carry graphs, assignments).
func newFuncLite(env *Env, fd *ast.FuncDecl) *Func {
	f := &Func{Env: env, Node: fd, Body: fd.Body}
	if obj, ok := env.Info.Defs[fd.Name].(*types.Func); ok {
		f.Obj = obj
		f.Sig, _ = obj.Type().(*types.Signature)
	}
	f.index()
	return f
}

// GlobalEnded says what the package does with a session kept in one of its
// package-level variables: ended reports that some function logs it out
// (a logout call on it, or a call that takes it over and logs it out);
// sure reports that every use of the variable was understood — method
// calls on it, fields read from it, comparisons, assignments to it, and
// calls of functions known (by fact) to only borrow it. When sure is false
// the variable goes somewhere the package cannot follow.
func (e *Env) GlobalEnded(v *types.Var) (ended, sure bool) {
	sure = true
	for _, f := range e.Files {
		astwalk.Inspect(f, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || e.Info.Uses[id] != v || !sure || ended {
				return !ended && sure
			}
			switch p := e.Parent(id).(type) {
			case *ast.SelectorExpr: // v.Method(...) or v.Field
				if call, ok := e.Parent(p).(*ast.CallExpr); ok && call.Fun == p && e.IsLogoutCall(call) {
					ended = true
				}
			case *ast.CallExpr:
				if e.IsLogoutCall(p) {
					ended = true
					break
				}
				fn := e.Callee(p)
				i := slicesIndex(p.Args, id)
				if fn == nil || i < 0 || !e.Owner(fn).Borrowed(i) {
					sure = false // handed to a function that may take it over
				}
			case *ast.AssignStmt:
				if slicesIndex(p.Lhs, id) < 0 {
					sure = false // copied to another variable
				}
			case *ast.BinaryExpr: // v == nil
			case *ast.ValueSpec: // its own declaration
			default:
				sure = false
			}
			return true
		})
	}
	return ended, sure
}

func slicesIndex(list []ast.Expr, x ast.Expr) int {
	for i, e := range list {
		if ast.Unparen(e) == x {
			return i
		}
	}
	return -1
}
