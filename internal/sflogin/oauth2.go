package sflogin

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"unicode"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// An x/oauth2 password grant is a Salesforce login when its Config's
// TokenURL is a constant naming Salesforce (salesforceConfig), or when the
// code says so otherwise:
//
//   - the TokenURL is read from a setting named for Salesforce: a field,
//     variable, parameter or type whose name says salesforce, sfdc, sf or
//     force (cfg.SalesforceTokenURL, sfTokenURL, a SalesforceConfig's
//     TokenURL), or a call given such a name (os.Getenv("SF_TOKEN_URL"),
//     viper.GetString("salesforce.token_url"), flag.String("sf-token-url", ...));
//   - the token's instance_url is read (tok.Extra("instance_url"): only
//     Salesforce's token endpoint answers one);
//   - the access token goes into a Salesforce client of the table, where it
//     takes a session id (force.CreateWithAccessToken(v, id, tok.AccessToken,
//     url), c.SetSidLoc(tok.AccessToken, loc), salesforce.Creds{AccessToken:
//     tok.AccessToken}).
//
// Anything else (a TokenURL parameter named tokenURL, a token only handed
// to an http.Client) leaves the call unresolved: unsure, silent.

// oauth2Evidence reports whether the x/oauth2 login call is Salesforce's by
// the name of its TokenURL's source or by what is done with its token.
func (st *state) oauth2Evidence(call *ast.CallExpr, recv ast.Expr) bool {
	for _, v := range st.defs.fieldValues(recv, []string{"Endpoint", "TokenURL"}, 0) {
		if st.namedForSalesforce(v, 0) {
			return true
		}
	}
	tok := st.resultVar(call, 0)
	if tok == nil {
		return false
	}
	body := st.enclosingBody(call)
	if body == nil {
		return false
	}
	found := false
	astwalk.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		// tok.Extra("instance_url")
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Extra" && st.defs.varOf(sel.X) == tok && len(c.Args) == 1 {
			if s, ok := st.constString(c.Args[0]); ok && s == "instance_url" {
				found = true
				return false
			}
		}
		// The access token where a Salesforce client takes a session id.
		if c == call {
			return true
		}
		for _, e := range st.sessionIDArgs(c) {
			if st.readsToken(e, tok) {
				found = true
			}
		}
		return !found
	})
	return found
}

// sessionIDArgs returns the expressions a call of a table API takes a
// session id or access token from: its argument of that role, or the field
// of that role of a credential struct it is given.
func (st *state) sessionIDArgs(call *ast.CallExpr) []ast.Expr {
	var out []ast.Expr
	fn := st.callee(call)
	if fn == nil {
		return nil
	}
	if api := st.model.Lookup(fn); api != nil && !api.Inferred && !api.Declared {
		sig := fn.Type().(*types.Signature)
		for _, ra := range st.roleArgs(call, sig, api.Args) {
			if ra.Role == sfapi.SessionID {
				out = append(out, ra.Expr)
			}
		}
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok {
			a = u.X
		}
		lit, ok := ast.Unparen(a).(*ast.CompositeLit)
		if !ok {
			continue
		}
		cs := st.model.CredStruct(st.pass.TypesInfo.TypeOf(lit))
		if cs == nil {
			continue
		}
		for field, role := range cs.Fields {
			if role == sfapi.SessionID {
				out = append(out, st.defs.fieldValues(lit, []string{field}, 0)...)
			}
		}
	}
	return out
}

// readsToken reports whether e reads the token variable (tok.AccessToken, tok).
func (st *state) readsToken(e ast.Expr, tok *types.Var) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && st.pass.TypesInfo.Uses[id] == tok {
			found = true
		}
		return !found
	})
	return found
}

// resultVar returns the variable result i of call is assigned to, if any.
func (st *state) resultVar(call *ast.CallExpr, i int) *types.Var {
	var found *types.Var
	body := st.enclosingBody(call)
	if body == nil {
		return nil
	}
	astwalk.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found != nil {
			return found == nil
		}
		if len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call && i < len(as.Lhs) {
			found = lhsVar(st.pass.TypesInfo, as.Lhs[i])
		}
		return found == nil
	})
	return found
}

// enclosingBody returns the body of the function (declaration or literal)
// that contains the node.
func (st *state) enclosingBody(n ast.Node) *ast.BlockStmt {
	var body *ast.BlockStmt
	for _, f := range st.pass.Files {
		if f.FileStart > n.Pos() || n.Pos() >= f.FileEnd {
			continue
		}
		astwalk.Inspect(f, func(m ast.Node) bool {
			if m == nil || m.Pos() > n.Pos() || n.Pos() >= m.End() {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncDecl:
				body = m.Body
			case *ast.FuncLit:
				body = m.Body
			}
			return true
		})
	}
	return body
}

// namedForSalesforce reports whether e is read from a setting whose name
// says Salesforce: a name of the expression, its variable's type, or a
// constant argument of the call it comes from.
func (st *state) namedForSalesforce(e ast.Expr, depth int) bool {
	if e == nil || depth > 4 {
		return false
	}
	info := st.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if salesforceName(x.Name) {
			return true
		}
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		if typeNamedForSalesforce(v.Type()) {
			return true
		}
		for _, rhs := range st.defs.ready().assign[v] {
			if st.namedForSalesforce(rhs, depth+1) {
				return true
			}
		}
		for _, rhs := range st.defs.ready().first[v] {
			if st.namedForSalesforce(rhs, depth+1) {
				return true
			}
		}
	case *ast.SelectorExpr:
		if salesforceName(x.Sel.Name) {
			return true
		}
		if _, isPkg := info.Uses[identOf(x.X)].(*types.PkgName); isPkg {
			return false // pkg.Var: its name was the test
		}
		if typeNamedForSalesforce(info.TypeOf(x.X)) {
			return true
		}
		return st.namedForSalesforce(x.X, depth+1)
	case *ast.StarExpr:
		return st.namedForSalesforce(x.X, depth+1)
	case *ast.CallExpr:
		for _, a := range x.Args {
			if s, ok := st.constString(a); ok && salesforceName(s) {
				return true // os.Getenv("SF_TOKEN_URL"), flag.String("salesforce-token-url", ...)
			}
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if _, isPkg := info.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
				return st.namedForSalesforce(sel.X, depth+1) // cfg.Get("token_url") on a Salesforce config
			}
		}
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// typeNamedForSalesforce reports whether t (or what it points to) is a named
// type whose name says Salesforce (SalesforceConfig).
func typeNamedForSalesforce(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && salesforceName(n.Obj().Name())
}

// salesforceName reports whether one of the words of a name (split at
// case changes, digits and punctuation) is salesforce, sfdc, sf or force.
func salesforceName(name string) bool {
	for _, w := range words(name) {
		switch w {
		case "salesforce", "sfdc", "sf", "force":
			return true
		}
	}
	return false
}

// words splits sfTokenURL, SF_TOKEN_URL, salesforce.token_url and
// SalesforceConfig into lower-case words.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(cur[len(cur)-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower && unicode.IsUpper(cur[len(cur)-1]) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

func (st *state) constString(e ast.Expr) (string, bool) {
	tv, ok := st.pass.TypesInfo.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func (st *state) callee(call *ast.CallExpr) *types.Func {
	fn, _ := st.pass.TypesInfo.Uses[calleeIdent(call.Fun)].(*types.Func)
	return fn
}

func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return calleeIdent(f.X)
	case *ast.IndexListExpr:
		return calleeIdent(f.X)
	}
	return nil
}
