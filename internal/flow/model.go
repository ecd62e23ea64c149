package flow

import (
	"go/ast"
	"go/types"

	"github.com/sflint/sflint/internal/sfapi"
)

// Package is the flow model of one package: a [Func] for every function
// that contains a login, and a [Login] for every login call in them.
type Package struct {
	Env *Env
	// Funcs are the functions that contain logins, in source order.
	Funcs []*Func

	logins map[*ast.CallExpr]*Login
	funcs  map[ast.Node]*Func
	all    []*Login // see Logins
}

// Build builds the model of the functions containing the given calls'
// logins (calls of other kinds are ignored).
func Build(env *Env, calls []*Call) *Package {
	p := &Package{Env: env, logins: map[*ast.CallExpr]*Login{}, funcs: map[ast.Node]*Func{}}
	for _, c := range calls {
		if c.Kind != sfapi.Login {
			continue
		}
		node := env.Enclosing(c.Expr)
		if node == nil {
			continue // a package-level initializer
		}
		f := p.funcs[node]
		if f == nil {
			f = newFunc(env, node)
			if f.Body == nil {
				continue
			}
			p.funcs[node] = f
			p.Funcs = append(p.Funcs, f)
		}
		l := newLogin(f, c)
		f.Logins = append(f.Logins, l)
		p.logins[c.Expr] = l
	}
	p.all = make([]*Login, 0, len(p.logins))
	for _, f := range p.Funcs {
		p.all = append(p.all, f.Logins...)
	}
	return p
}

// Login returns the model of a login call, or nil.
func (p *Package) Login(call *ast.CallExpr) *Login {
	if p == nil {
		return nil
	}
	return p.logins[call]
}

// Func returns the model of a function (declaration or literal) that
// contains logins, or nil.
func (p *Package) Func(node ast.Node) *Func {
	if p == nil {
		return nil
	}
	return p.funcs[node]
}

// Logins returns every login of the package's functions, in source order.
// The list is shared: callers must not change it.
func (p *Package) Logins() []*Login {
	if p == nil {
		return nil
	}
	return p.all[:len(p.all):len(p.all)]
}

// Site returns the model of any call that returns an error, in a model of
// its function built for the question (not kept): where its results go,
// and the paths that follow it. The flow questions about logins work on it
// (a scheduler's call of its function parameter, say).
func (e *Env) Site(call *ast.CallExpr) *Login {
	node := e.Enclosing(call)
	if node == nil {
		return nil
	}
	f := newFunc(e, node)
	if f.Body == nil {
		return nil
	}
	c := &Call{Expr: call, Err: sfapi.NoResult, Session: sfapi.NoResult, Callee: e.Callee(call)}
	switch t := e.Info.TypeOf(call).(type) {
	case *types.Tuple:
		if n := t.Len(); n > 0 && isError(t.At(n-1).Type()) {
			c.Err = n - 1
		}
	default:
		if isError(t) {
			c.Err = 0
		}
	}
	return newLogin(f, c)
}
