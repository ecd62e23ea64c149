package flow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// Ending is how the session a login creates is ended.
type Ending uint8

// The endings.
const (
	// NoEnding: the library has no logout.
	NoEnding Ending = iota
	// HolderLogout: a logout method or function called on the client or
	// session the login leaves behind (go-soapforce Logout, declared
	// logouts, wrappers of them).
	HolderLogout
	// RawSOAP: a SOAP logout() request posted to /services/Soap.
	RawSOAP
	// Revocation: a POST of the access token to /services/oauth2/revoke.
	Revocation
)

// Pairing says how one login's session is ended.
type Pairing struct {
	Ending Ending
	// Method is the logout method of the client or session ("Logout"), or
	// "" when the logout is a function or a raw request.
	Method string
	// Func is a user-declared logout function taking the session, if any.
	Func *types.Func
}

// Pairing says how the login's session can be ended. OAuth logins of
// libraries without a logout are ended by revoking the token, when revoke
// asks for it.
func (l *Login) Pairing(revoke bool) Pairing {
	if l.Endpoint != nil {
		switch {
		case l.Endpoint.Vocab == sfapi.SOAP:
			return Pairing{Ending: RawSOAP}
		case l.Endpoint.Vocab == sfapi.OAuth && revoke:
			return Pairing{Ending: Revocation}
		}
		return Pairing{}
	}
	if m := l.Logout(); m != "" {
		return Pairing{Ending: HolderLogout, Method: m}
	}
	if l.API != nil && l.API.Declared {
		if p, ok := l.declaredLogout(); ok {
			return p
		}
	}
	if revoke && l.Vocab() == sfapi.OAuth {
		return Pairing{Ending: Revocation}
	}
	return Pairing{}
}

// declaredLogout finds the user-declared logout (-sflogin.logout) that
// ends the session of a user-declared login: a declared logout method of
// the type holding the session, or a declared logout function of the
// login's package whose first parameter has the session's type.
func (l *Login) declaredLogout() (Pairing, bool) {
	model := l.Fn.Env.Model
	if l.Callee == nil {
		return Pairing{}, false
	}
	sig, _ := l.Callee.Type().(*types.Signature)
	if sig == nil {
		return Pairing{}, false
	}
	var holder types.Type
	switch {
	case l.Session == sfapi.InReceiver && sig.Recv() != nil:
		holder = sig.Recv().Type()
	case l.Session >= 0 && l.Session < sig.Results().Len():
		holder = sig.Results().At(l.Session).Type()
	default:
		return Pairing{}, false
	}
	ms := types.NewMethodSet(PointerTo(holder))
	for i := 0; i < ms.Len(); i++ {
		m, _ := ms.At(i).Obj().(*types.Func)
		if m == nil {
			continue
		}
		if api := model.Lookup(m); api != nil && api.Kind == sfapi.Logout && api.Declared {
			return Pairing{Ending: HolderLogout, Method: m.Name()}, true
		}
	}
	if pkg := l.Callee.Pkg(); pkg != nil {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			fn, _ := scope.Lookup(name).(*types.Func)
			if fn == nil {
				continue
			}
			fsig, _ := fn.Type().(*types.Signature)
			if fsig == nil || fsig.Params().Len() == 0 {
				continue
			}
			if api := model.Lookup(fn); api != nil && api.Kind == sfapi.Logout && api.Declared &&
				types.Identical(Deref(fsig.Params().At(0).Type()), Deref(holder)) {
				return Pairing{Ending: HolderLogout, Func: fn}, true
			}
		}
	}
	return Pairing{}, false
}

// Ends reports whether node n ends the session: a logout of the holder (or
// of a local client of one of the session's types) for a HolderLogout, a
// raw logout request or helper for RawSOAP and Revocation. Deferred and
// immediately called function literals are looked into; other literals are
// not (they are escapes).
func (l *Login) Ends(n ast.Node, p Pairing, s *Sessions) bool {
	if l.Fn.node(n) != nil && !l.Fn.ixLogouts().logouts[n] {
		return false // no logout in it at all
	}
	found := false
	inline := inlineLits(n)
	astwalk.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return inline[m]
		case *ast.CallExpr:
			if l.endsWith(m, p, s) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// endsWith reports whether call ends the session.
func (l *Login) endsWith(call *ast.CallExpr, p Pairing, s *Sessions) bool {
	env := l.Fn.Env
	switch p.Ending {
	case RawSOAP, Revocation:
		soap, rev := env.RawLogoutOf(call)
		return (p.Ending == RawSOAP && soap) || (p.Ending == Revocation && rev)
	}
	c := env.Lookup(call)
	if c == nil || c.Kind != sfapi.Logout || c.Endpoint != nil {
		return false
	}
	// The session ended is the receiver's or an argument's: Logout(),
	// d.Close(), sfwrap.Disconnect(c), pool.Release(c).
	targets := call.Args
	if c.Recv != nil {
		targets = append([]ast.Expr{c.Recv}, call.Args...)
	}
	for _, t := range targets {
		root := RootVar(env.Info, t)
		if root == nil {
			continue
		}
		// The holder itself, or a variable the session flowed into (c2 :=
		// c): another client of the same type holds another session.
		if root == l.HolderVar || (s != nil && s.Carriers[root]) {
			return true
		}
	}
	return false
}

// DeriveRawLogouts finds the package's functions that end a session with a
// raw HTTP request, directly or through another such function, to a
// fixpoint. A function that logs in ends its own session, not its caller's,
// and gets none.
func (e *Env) DeriveRawLogouts() {
	type summary struct {
		fn      *types.Func
		base    RawLogoutFact
		helpers []*types.Func
	}
	var sums []*summary
	nodes := e.Nodes()
	for _, fn := range sortedFuncs(e.Decls) {
		fd := e.Decls[fn]
		sum := &summary{fn: fn}
		logsIn := false
		nodes.EachInBody(fd, func(n ast.Node, _ bool) {
			call, ok := n.(*ast.CallExpr)
			if !ok || logsIn {
				return
			}
			if c := e.Lookup(call); c != nil {
				if c.Kind == sfapi.Login {
					logsIn = true
					return
				}
				if c.Kind == sfapi.Logout && c.Endpoint != nil {
					sum.base.SOAP = sum.base.SOAP || c.Endpoint.Vocab == sfapi.SOAP
					sum.base.Revoke = sum.base.Revoke || c.Endpoint.Vocab == sfapi.OAuth
					return
				}
			}
			callee, _ := typeutil.Callee(e.Info, call).(*types.Func)
			switch {
			case callee == nil || callee.Pkg() == nil:
			case callee.Pkg() == e.Pkg:
				if e.Decl(callee) != nil {
					sum.helpers = append(sum.helpers, callee.Origin())
				}
			case e.Import != nil:
				if f := e.Import.RawLogout(callee); f != nil {
					sum.base.SOAP = sum.base.SOAP || f.SOAP
					sum.base.Revoke = sum.base.Revoke || f.Revoke
				}
			}
		})
		if !logsIn && (sum.base.SOAP || sum.base.Revoke || len(sum.helpers) > 0) {
			sums = append(sums, sum)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, sum := range sums {
			f := sum.base
			for _, h := range sum.helpers {
				if hf := e.logouts[h]; hf != nil {
					f.SOAP = f.SOAP || hf.SOAP
					f.Revoke = f.Revoke || hf.Revoke
				}
			}
			old := e.logouts[sum.fn]
			if (f.SOAP || f.Revoke) && (old == nil || *old != f) {
				e.logouts[sum.fn] = &f
				changed = true
			}
		}
	}
}

// RawLogouts returns the package's raw logout helpers and their facts.
func (e *Env) RawLogouts() map[*types.Func]*RawLogoutFact { return e.logouts }

// PointerTo returns *t for a non-pointer, non-interface t, and t otherwise.
func PointerTo(t types.Type) types.Type {
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		return t
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return t
	}
	return types.NewPointer(t)
}
