package flow

import (
	"go/ast"
	"go/types"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file finds the retry helpers of the package: calls of a helper of
// the table, declared by flag or known by a RetryFact that run a function
// of the package, and the team's own helpers, derived as RetryFacts.

// helpers returns, for each function literal or declaration of the
// package, the retry-helper calls that run it (built once).
func (e *Env) helpers() map[ast.Node][]*HelperUse {
	e.helperOnce.Do(e.indexHelpers)
	return e.helperUses
}

func (e *Env) indexHelpers() {
	e.helperUses = map[ast.Node][]*HelperUse{}
	assigns := map[*types.Var][]ast.Expr{}
	var uses []*HelperUse
	nodes := e.Nodes()
	for _, call := range nodes.Calls {
		if u := e.helperCall(call); u != nil {
			uses = append(uses, u)
		}
	}
	if len(uses) == 0 {
		return
	}
	for _, n := range nodes.Defs {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, p := range Pairs(e.Info, n.Lhs, n.Rhs) {
				if v := identVar(e.Info, p.Lhs); v != nil {
					assigns[v] = append(assigns[v], p.Rhs)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if v, _ := e.Info.Defs[id].(*types.Var); v != nil {
					var rhs ast.Expr
					if len(n.Values) == len(n.Names) {
						rhs = n.Values[i]
					}
					assigns[v] = append(assigns[v], rhs)
				}
			}
		}
	}
	for _, u := range uses {
		if op := e.resolveOp(e.opArg(u), assigns, 0); op != nil {
			u.Classified = e.classifyingOption(u, assigns)
			e.helperUses[op] = append(e.helperUses[op], u)
		}
	}
}

// classifyingOption reports whether a retry-helper call is given an option
// that decides on what the error is: retry.RetryIf(pred) where pred looks
// at the error (its fault code, its type, a sentinel, its text, a
// classifier).
func (e *Env) classifyingOption(u *HelperUse, assigns map[*types.Var][]ast.Expr) bool {
	for _, a := range u.Call.Args {
		opt, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok || len(opt.Args) != 1 {
			continue
		}
		fn := e.Callee(opt)
		if fn == nil || fn.Name() != "RetryIf" || fn.Pkg() == nil || !sfapi.MatchPath(fn.Pkg().Path(), "avast/retry-go") {
			continue
		}
		if e.predicateClassifies(e.resolveOp(opt.Args[0], assigns, 0)) {
			return true
		}
	}
	return false
}

// predicateClassifies reports whether a predicate on an error (a function
// literal or declaration taking it) looks at what the error is.
func (e *Env) predicateClassifies(fn ast.Node) bool {
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncLit:
		ftype, body = fn.Type, fn.Body
	case *ast.FuncDecl:
		ftype, body = fn.Type, fn.Body
	default:
		return false
	}
	if ftype.Params == nil || len(ftype.Params.List) != 1 || len(ftype.Params.List[0].Names) != 1 || body == nil {
		return false
	}
	p, _ := e.Info.Defs[ftype.Params.List[0].Names[0]].(*types.Var)
	if p == nil {
		return false
	}
	k := &classifier{env: e, taint: map[*types.Var]bool{p: true}, classes: map[*types.Var]bool{}}
	return Any(body, false, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		return ok && k.classifies(x)
	})
}

// helperCall returns the call as a call to a retry helper, or nil.
func (e *Env) helperCall(call *ast.CallExpr) *HelperUse {
	fn := e.Callee(call)
	if fn == nil {
		return nil
	}
	if h := e.Model.Retry(fn); h != nil {
		return &HelperUse{Call: call, Fn: fn, Helper: h}
	}
	if f := e.RetryOf(fn); f != nil {
		return &HelperUse{Call: call, Fn: fn, Helper: &sfapi.RetryHelper{Name: fn.Name(), Op: f.Op}}
	}
	return nil
}

// opArg returns the operation argument of a retry-helper call: the row's
// index (after a leading context.Context), or else the first argument of
// function type.
func (e *Env) opArg(u *HelperUse) ast.Expr {
	sig, _ := u.Fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	i := u.Helper.Op
	if u.Helper.Pkg != "" && sfapi.HasLeadingContext(sig) {
		i++
	}
	if i < len(u.Call.Args) && e.isFunc(u.Call.Args[i]) {
		return u.Call.Args[i]
	}
	for _, arg := range u.Call.Args {
		if e.isFunc(arg) {
			return arg
		}
	}
	return nil
}

func (e *Env) isFunc(x ast.Expr) bool {
	t := e.Info.TypeOf(x)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// resolveOp finds the function an operation expression denotes: a function
// literal (possibly converted, or held by a variable assigned once), or a
// function or method declared in this package.
func (e *Env) resolveOp(x ast.Expr, assigns map[*types.Var][]ast.Expr, depth int) ast.Node {
	if x == nil || depth > 4 {
		return nil
	}
	var obj types.Object
	switch x := ast.Unparen(x).(type) {
	case *ast.FuncLit:
		return x
	case *ast.CallExpr: // backoff.Operation(f)
		if tv, ok := e.Info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return e.resolveOp(x.Args[0], assigns, depth+1)
		}
		return nil
	case *ast.Ident:
		obj = e.Info.Uses[x]
	case *ast.SelectorExpr:
		obj = e.Info.Uses[x.Sel]
	}
	switch obj := obj.(type) {
	case *types.Func:
		if fd := e.Decl(obj); fd != nil {
			return fd
		}
	case *types.Var:
		if obj.IsField() || obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() {
			return nil // fields and package-level variables can be reassigned anywhere
		}
		if rhs := assigns[obj]; len(rhs) == 1 && rhs[0] != nil {
			return e.resolveOp(rhs[0], assigns, depth+1)
		}
	}
	return nil
}

// RetryCandidates reports whether a function may be a retry helper of the
// user's: it takes a func parameter and calls one in a loop. It looks at
// syntax and types only, so that packages the shared pass skips can be
// checked cheaply.
func RetryCandidates(info *types.Info, files []*ast.File) []*ast.FuncDecl {
	var out []*ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, _ := info.Defs[fd.Name].(*types.Func)
			if obj == nil || len(funcParams(obj)) == 0 {
				continue
			}
			params := funcParams(obj)
			found := false
			var loops int
			astwalk.Inspect(fd.Body, func(n ast.Node) bool {
				if n == nil || found {
					return false
				}
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ForStmt:
					loops++
				case *ast.RangeStmt:
					loops++
				case *ast.CallExpr:
					if v := identVar(info, n.Fun); v != nil && loops > 0 {
						if _, ok := params[v]; ok {
							found = true
						}
					}
				}
				return true
			})
			if found {
				out = append(out, fd)
			}
		}
	}
	return out
}

// funcParams returns the parameters of fn of a function type whose last
// result is an error, by index.
func funcParams(fn *types.Func) map[*types.Var]int {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	out := map[*types.Var]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		ps, ok := p.Type().Underlying().(*types.Signature)
		if !ok || ps.Results().Len() == 0 || !isError(ps.Results().At(ps.Results().Len()-1).Type()) {
			continue
		}
		out[p] = i
	}
	return out
}

// DeriveRetries finds the user's retry helpers among the candidates: a
// function that calls its func parameter again after the call returned a
// non-nil error, without classifying the error on the way (the same search
// as for a failed login). Their callers' operations are then retried
// blindly (RetryFact).
func (e *Env) DeriveRetries(cands []*ast.FuncDecl) {
	for _, fd := range cands {
		obj, _ := e.Info.Defs[fd.Name].(*types.Func)
		params := funcParams(obj)
		astwalk.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if _, lit := n.(*ast.FuncLit); lit {
				return false
			}
			if !ok || e.retries[obj] != nil {
				return e.retries[obj] == nil
			}
			i, ok := params[identVar(e.Info, call.Fun)]
			if !ok {
				return true
			}
			site := e.Site(call)
			if site == nil {
				return true
			}
			if r := site.Retried(nil); r != nil && r.Kind == ViaLoop {
				e.retries[obj] = &RetryFact{Op: i}
			}
			return true
		})
	}
}

// Retries returns the RetryFacts derived for the package's functions.
func (e *Env) Retries() map[*types.Func]*RetryFact { return e.retries }
