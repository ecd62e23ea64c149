package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"sync"

	"github.com/sflint/sflint/internal/sfapi"
)

// Login is one login call in its function: where its results go, which
// variable holds its error and which its session.
type Login struct {
	*Call
	Fn *Func
	// At is the CFG node holding the call.
	At Loc
	// Stmt is what receives the call's value: the assignment or declaration,
	// the expression statement, the return statement, or the expression the
	// call is an operand of (a comparison with nil, an argument...).
	Stmt ast.Node
	// Results are the expressions the call's results are assigned to, by
	// result index; nil when the call is not assigned whole.
	Results []ast.Expr
	// Err says what happens to the error result where the call is.
	Err ErrUse
	// ErrVar is the function's variable the error is assigned to (ErrAssigned).
	ErrVar *types.Var
	// Holder is the expression holding the session after the call: the
	// receiver (or the client argument) of a login that keeps the session in
	// its client, the variable receiving the session result; nil when the
	// session is discarded or goes elsewhere.
	Holder ast.Expr
	// HolderVar is the variable at the root of Holder, if any.
	HolderVar *types.Var
	// SessionDiscarded: the session result is assigned to _ or dropped.
	SessionDiscarded bool
	// Raw: the login is a raw HTTP request; its error is a transport error,
	// and the answer (failed or not) is in the response, Holder.
	Raw bool

	track    []*types.Var       // see computeTrack
	trackIdx map[*types.Var]int // bit of each tracked variable

	holdersOnce sync.Once // see Holders
	holders     []Holder
	inline      bool
	guardsOnce  sync.Once // see Guards
	guards      Guards
}

// ErrUse is what a login call does with its error result where it is made.
type ErrUse uint8

// The uses of a login's error.
const (
	// ErrNone: the call has no error result.
	ErrNone ErrUse = iota
	// ErrDiscarded: assigned to _, or the call is a statement (also in go or defer).
	ErrDiscarded
	// ErrAssigned: assigned to a local variable (ErrVar): the function's,
	// or one a function literal captured.
	ErrAssigned
	// ErrTested: the call itself is compared with nil (if c.Login(u, p) != nil).
	ErrTested
	// ErrReturned: returned directly (return c.Login(u, p)).
	ErrReturned
	// ErrElsewhere: handed to something the model does not follow (an
	// argument, a field, a variable of an enclosing function).
	ErrElsewhere
)

var errUseNames = [...]string{"none", "discarded", "assigned", "tested", "returned", "elsewhere"}

func (u ErrUse) String() string { return errUseNames[u] }

// newLogin binds a login call of f.
func newLogin(f *Func, c *Call) *Login {
	l := &Login{Call: c, Fn: f, At: f.Locate(c.Expr), Raw: c.Endpoint != nil}
	info := f.Env.Info
	parent, child := f.Env.Unparent(c.Expr)
	l.Stmt = parent
	nres := 1
	if t, ok := info.TypeOf(c.Expr).(*types.Tuple); ok {
		nres = t.Len()
	} else if info.TypeOf(c.Expr) == nil {
		nres = 0
	}
	switch p := parent.(type) {
	case *ast.AssignStmt:
		l.Results = assigned(info, p.Lhs, p.Rhs, child, nres)
	case *ast.ValueSpec:
		names := make([]ast.Expr, len(p.Names))
		for i, n := range p.Names {
			names[i] = n
		}
		l.Results = assigned(info, names, p.Values, child, nres)
	}
	l.Err = ErrElsewhere
	switch p := parent.(type) {
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		l.Err = ErrDiscarded
	case *ast.ReturnStmt:
		l.Err = ErrReturned
	case *ast.BinaryExpr:
		if (p.Op == token.NEQ || p.Op == token.EQL) && nres == 1 && (isNil(info, p.X) || isNil(info, p.Y)) {
			l.Err = ErrTested
		}
	}
	if c.Err == sfapi.NoResult {
		l.Err = ErrNone
	} else if c.Err >= 0 && c.Err < len(l.Results) {
		lhs := l.Results[c.Err]
		switch v := identVar(info, lhs); {
		case IsBlank(lhs):
			l.Err = ErrDiscarded
		case v != nil && v.Pkg() != nil && v.Parent() != v.Pkg().Scope():
			l.Err, l.ErrVar = ErrAssigned, v // the function's, or one a closure captured
		}
	}
	l.bindSession()
	l.computeTrack()
	return l
}

// assigned returns the left-hand sides receiving the results of call (a
// child of the right-hand side), indexed by result; nil when they cannot be
// matched.
func assigned(info *types.Info, lhs, rhs []ast.Expr, call ast.Node, nres int) []ast.Expr {
	if len(rhs) == 1 && rhs[0] == call && len(lhs) == nres {
		return lhs
	}
	if len(lhs) == len(rhs) && nres == 1 {
		for i, r := range rhs {
			if r == call {
				return []ast.Expr{lhs[i]}
			}
		}
	}
	return nil
}

// bindSession finds the expression holding the session after the login.
func (l *Login) bindSession() {
	info := l.Fn.Env.Info
	switch s := l.Session; {
	case s == sfapi.InReceiver:
		l.Holder = l.Recv
		if l.Holder == nil {
			l.Holder = l.clientArg()
		}
	case s >= 0 && s < len(l.Results):
		if IsBlank(l.Results[s]) {
			l.SessionDiscarded = true
		} else {
			l.Holder = l.Results[s]
		}
	case s >= 0:
		_, l.SessionDiscarded = l.Stmt.(*ast.ExprStmt)
	}
	if l.Holder != nil {
		l.HolderVar = RootVar(info, l.Holder)
	}
}

// clientArg finds, for a login through a function that logs in on a client
// it is given (a wrapper whose fact says the session stays in a
// parameter), the argument that is the client: the one argument whose type
// has the session's logout method.
func (l *Login) clientArg() ast.Expr {
	method := l.Logout()
	if method == "" {
		return nil
	}
	var found ast.Expr
	for _, a := range l.Expr.Args {
		t := l.Fn.Env.Info.TypeOf(a)
		if t == nil || !HasMethod(l.Fn.Env.Pkg, t, method) {
			continue
		}
		if found != nil {
			return nil // ambiguous
		}
		found = a
	}
	if u, ok := ast.Unparen(found).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return u.X // login(&client, ...): the variable holds the session
	}
	return found
}

// Line is the line of the login call, for messages.
func (l *Login) Line() int { return l.Fn.Env.Fset.Position(l.Expr.Pos()).Line }

// HasMethod reports whether t (or *t) has a method name taking no arguments.
func HasMethod(pkg *types.Package, t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	m, _ := obj.(*types.Func)
	if m == nil {
		return false
	}
	sig, _ := m.Type().(*types.Signature)
	return sig != nil && sig.Params().Len() == 0
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// IsNil reports whether e is the untyped nil.
func IsNil(info *types.Info, e ast.Expr) bool { return isNil(info, e) }
