package sfapi

import (
	"go/types"
	"strings"
)

// A fork that renames a library's login (melan/go-force's CreateOAuth for
// go-force's Create) matches no row: the package matches a row's path suffix,
// but declares none of the row's functions. For such a package the table
// infers the login from the function's signature:
//
//   - a function or method of the package whose string parameters are named
//     for a secret credential (password, securityToken, clientSecret, see
//     [RoleOfName]) and whose last result is an error is a login; one whose
//     only credential is named for a session id or an access token reuses a
//     session, one named for a refresh token refreshes it;
//   - it gets the fault type, the vocabulary and the logout of the
//     library's login rows (go-force's *ApiError and the OAuth codes);
//   - its session is its first non-error result, or its receiver.
//
// The limit: only the names of the parameters speak. A renamed login that
// takes a struct, or whose parameters are named otherwise (p, secret), is not
// inferred: declare it with -sflogin.login. A package that declares one of
// the rows' functions is the library itself (or a fork that kept the names):
// nothing is inferred there, so an administrative SetPassword(userID,
// password) of go-soapforce is no login.

// inferred returns the row inferred for fn, or nil.
func (m *Model) inferred(fn *types.Func, pkg, recv string) *API {
	base := m.forkOf(fn.Pkg(), pkg)
	if base == nil {
		return nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || !isErrorType(sig.Results().At(sig.Results().Len()-1).Type()) {
		return nil
	}
	a := &API{Pkg: pkg, Recv: recv, Name: fn.Name(), Inferred: true, Declared: true,
		Fault: base.Fault, Vocab: base.Vocab, FaultText: base.FaultText, Lost: base.Lost}
	off := 0
	if HasLeadingContext(sig) {
		off = 1
	}
	kind := KindNone
	for i := off; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if b, ok := p.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
			continue
		}
		r := RoleOfName(p.Name())
		if r == RoleNone {
			continue
		}
		a.Args = append(a.Args, Arg{Role: r, Index: i - off})
		switch {
		case r == Password || r == SecurityToken || r == ClientSecret || r == PrivateKey:
			kind = Login
		case r == RefreshToken && kind != Login:
			kind = Refresh
		case r == SessionID && kind == KindNone:
			kind = Reuse
		}
	}
	if kind == KindNone {
		return nil
	}
	a.Kind = kind
	if kind == Login {
		a.Logout = base.Logout
	}
	switch {
	case sig.Results().Len() > 1:
		a.Session = 0
	case sig.Recv() != nil:
		a.Session = InReceiver
	default:
		a.Session = NoResult
	}
	return a
}

// forkOf returns the first login row whose package suffix the package
// matches, when the package declares none of the table's functions of that
// suffix (its APIs were renamed); nil otherwise. The answer is cached per
// package.
func (m *Model) forkOf(p *types.Package, path string) *API {
	if p == nil {
		return nil
	}
	if v, ok := m.forks.Load(p); ok {
		a, _ := v.(*API)
		return a
	}
	_, base := m.scanRows(p, path) // nil for the library itself
	m.forks.Store(p, base)
	return base
}

// scanRows looks at the table's rows whose path matches path, p's: library
// reports whether p declares one of their functions (the library itself,
// or a fork that kept the names; base is then nil); base is otherwise the
// login row a fork's inferred rows copy.
func (m *Model) scanRows(p *types.Package, path string) (library bool, base *API) {
	for _, list := range m.apis {
		for _, a := range list {
			if a.Declared || !MatchPath(path, a.Pkg) {
				continue
			}
			if declares(p, a) {
				return true, nil
			}
			if a.Kind == Login && (base == nil || a.String() < base.String()) {
				base = a
			}
		}
	}
	return false, base
}

// IsLibrary reports whether p is one of the table's client libraries
// itself (or a fork that kept the names): its path matches a row's and it
// declares one of the rows' functions. Its rows are its model: what its
// other functions do inside (an API call that logs in again on
// INVALID_SESSION_ID) is the library's business, not a login of its
// callers.
func (m *Model) IsLibrary(p *types.Package) bool {
	if p == nil {
		return false
	}
	library, _ := m.scanRows(p, p.Path())
	return library
}

// declares reports whether the package declares the row's function or method.
func declares(p *types.Package, a *API) bool {
	if a.Recv == "" {
		_, ok := p.Scope().Lookup(a.Name).(*types.Func)
		return ok
	}
	tn, ok := p.Scope().Lookup(a.Recv).(*types.TypeName)
	if !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, p, a.Name)
	_, ok = obj.(*types.Func)
	return ok
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// RoleOfName guesses the credential role of a parameter or field from its name.
func RoleOfName(name string) Role {
	n := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	switch {
	case n == "":
		return RoleNone
	case strings.Contains(n, "securitytoken") || n == "token" || n == "sectoken":
		return SecurityToken
	case strings.Contains(n, "clientsecret") || strings.Contains(n, "consumersecret"):
		return ClientSecret
	case strings.Contains(n, "sessionid") || n == "sid" || strings.Contains(n, "accesstoken"):
		return SessionID
	case strings.Contains(n, "refreshtoken"):
		return RefreshToken
	case strings.Contains(n, "password") || n == "pass" || n == "pwd" || n == "passwd":
		return Password
	case strings.Contains(n, "username") || n == "user" || n == "login":
		return Username
	}
	return RoleNone
}
