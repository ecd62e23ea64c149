package flow

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/sflint/sflint/internal/sfapi"
)

// Call is one resolved call to a Salesforce API, a wrapper of one, or a raw
// HTTP request to an authentication endpoint.
type Call struct {
	// Expr is the call.
	Expr *ast.CallExpr
	// Kind is what the call does (login, logout, reuse, refresh, setter).
	Kind sfapi.Kind
	// API is the library row behind the call; nil for raw HTTP and declared wrappers.
	API *sfapi.API
	// Endpoint is set for raw HTTP requests.
	Endpoint *sfapi.Endpoint
	// Wrapper is the user function called when the login goes through a wrapper.
	Wrapper *types.Func
	// Fact is the wrapper's fact (nil for direct calls).
	Fact *LoginFact
	// Via names the local variable the call goes through when it calls a
	// function value (login := c.Login; attempt := func() ...).
	Via string
	// Lit is the function literal called through Via, when it is one.
	Lit *ast.FuncLit
	// Callee is the function or method called.
	Callee *types.Func
	// Recv is the receiver expression of a method call (the client), or nil.
	Recv ast.Expr
	// Err is the index of the result carrying the error, or sfapi.NoResult.
	Err int
	// Session is the index of the result carrying the session, sfapi.InReceiver
	// when the receiver holds it, or sfapi.NoResult.
	Session int
	// Args are the credential-carrying arguments found at the call.
	Args []RoleArg
	// File is the file containing the call.
	File *ast.File
	// Test is true in _test.go files.
	Test bool
}

// RoleArg is an expression at a call that carries a credential role.
type RoleArg struct {
	Role sfapi.Role
	Expr ast.Expr
	// Field is the struct field or form field name when the role is carried by one.
	Field string
	// Param is the parameter name, for messages ("password", "token").
	Param string
}

// Name is how diagnostics name the call: the library API, and the wrapper it goes through.
func (c *Call) Name() string {
	base := c.APIName()
	switch {
	case c.Wrapper != nil:
		return fmt.Sprintf("%s (which calls %s)", FuncName(c.Wrapper), base)
	case c.Via != "":
		return fmt.Sprintf("%s (which calls %s)", c.Via, base)
	}
	return base
}

// ShortName is the name written at the call: the wrapper or the variable
// called ("sfconn.Connect", "login"), or the library API when it is called
// directly.
func (c *Call) ShortName() string {
	switch {
	case c.Wrapper != nil:
		return FuncName(c.Wrapper)
	case c.Via != "":
		return c.Via
	}
	return c.APIName()
}

// APIName names the library API behind the call.
func (c *Call) APIName() string {
	switch {
	case c.Fact != nil:
		return c.Fact.API
	case c.API != nil:
		return c.API.String()
	case c.Endpoint != nil:
		return c.Endpoint.Name
	case c.Callee != nil:
		return FuncName(c.Callee)
	}
	return "login"
}

// Logout is the name of the logout method for the session the call creates ("" if none).
func (c *Call) Logout() string {
	if c.Fact != nil {
		return c.Fact.Logout
	}
	if c.API != nil {
		return c.API.Logout
	}
	return ""
}

// Vocab is the fault vocabulary of the API behind the call.
func (c *Call) Vocab() sfapi.Vocabulary {
	switch {
	case c.Fact != nil:
		return c.Fact.Vocab
	case c.API != nil:
		return c.API.Vocab
	case c.Endpoint != nil:
		return c.Endpoint.Vocab
	}
	return sfapi.NoCode
}

// Arg returns the expression carrying role r, or nil.
func (c *Call) Arg(r sfapi.Role) ast.Expr {
	for _, a := range c.Args {
		if a.Role == r {
			return a.Expr
		}
	}
	return nil
}

// FuncName prints a function as diagnostics do: "pkg.Func" or "pkg.(*T).Method".
func FuncName(fn *types.Func) string {
	pkg, recv, name := sfapi.FuncKey(fn)
	short := pkg
	if i := strings.LastIndexByte(short, '/'); i >= 0 {
		short = short[i+1:]
	}
	if fn.Pkg() != nil {
		short = fn.Pkg().Name()
	}
	if recv == "" {
		return short + "." + name
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if _, ptr := sig.Recv().Type().(*types.Pointer); !ptr {
			return short + "." + recv + "." + name
		}
	}
	return short + ".(*" + recv + ")." + name
}

// LoginFact marks a function or method that logs in (directly or through
// another wrapper) and hands the session, the client, or the login error back
// to its caller, so that a call to it is a login too (the printf-wrapper idea).
type LoginFact struct {
	// API is the library API the function wraps, as sfapi.API.String prints it.
	API string
	// Kind is sfapi.Login or sfapi.Logout.
	Kind sfapi.Kind
	// Err is the index of the result carrying the login error, or sfapi.NoResult.
	Err int
	// Session is the index of the result carrying the session or client,
	// sfapi.InReceiver when the receiver (or a parameter) keeps it, or sfapi.NoResult.
	Session int
	// Logout is the name of the library's logout method for the session, if any.
	Logout string
	// Creds maps parameters of the function to the credential roles they reach.
	Creds []CredParam
	// Vocab is the fault vocabulary of the wrapped API.
	Vocab sfapi.Vocabulary
	// Shared: the session handed back is a cached one the function shares
	// between its callers (if cached != nil { return cached }): no caller
	// has to end it.
	Shared bool
}

// CredParam says that parameter Param of a wrapper reaches a credential of
// the wrapped API: the parameter itself, or its struct field Field ("Secret",
// "Creds.Secret").
type CredParam struct {
	Param int
	Role  sfapi.Role
	Field string
}

// AFact implements analysis.Fact.
func (*LoginFact) AFact() {}

func (f *LoginFact) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", f.Kind, f.API)
	if f.Err >= 0 {
		fmt.Fprintf(&b, " err=%d", f.Err)
	}
	switch {
	case f.Session == sfapi.InReceiver:
		b.WriteString(" session=recv")
	case f.Session >= 0:
		fmt.Fprintf(&b, " session=%d", f.Session)
	}
	for _, c := range f.Creds {
		if c.Field != "" {
			fmt.Fprintf(&b, " arg%d.%s=%s", c.Param, c.Field, c.Role)
		} else {
			fmt.Fprintf(&b, " arg%d=%s", c.Param, c.Role)
		}
	}
	if f.Shared {
		b.WriteString(" shared")
	}
	return b.String()
}

func (f *LoginFact) Equal(g *LoginFact) bool {
	if f.API != g.API || f.Kind != g.Kind || f.Err != g.Err || f.Session != g.Session || f.Shared != g.Shared || len(f.Creds) != len(g.Creds) {
		return false
	}
	for i := range f.Creds {
		if f.Creds[i] != g.Creds[i] {
			return false
		}
	}
	return true
}

// CalledName returns the name by which a call names the function it calls
// (f, pkg.f, x.m, f[T]): the name of the object Env.Callee resolves, if any. It
// lets a check skip resolving calls that cannot be the one it looks for.
func CalledName(call *ast.CallExpr) string {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = ast.Unparen(f.X)
	case *ast.IndexListExpr:
		fun = ast.Unparen(f.X)
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}
