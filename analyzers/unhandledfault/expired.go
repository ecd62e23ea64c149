package unhandledfault

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

// This file checks case 6: a SOAP login() succeeds for a user whose password
// has expired and only says so in LoginResult.PasswordExpired; every later
// call fails with INVALID_OPERATION_WITH_EXPIRED_PASSWORD.

// expiryResult returns the index of the call's result whose type carries a
// PasswordExpired flag (go-soapforce's *LoginResult), or -1.
func (c *checker) expiryResult(call *sflogin.Call) int {
	t, ok := c.info.TypeOf(call.Expr).(*types.Tuple)
	if !ok {
		return -1
	}
	for i := 0; i < t.Len(); i++ {
		rt := t.At(i).Type()
		if p, ok := rt.(*types.Pointer); ok {
			rt = p.Elem()
		}
		n, ok := types.Unalias(rt).(*types.Named)
		if !ok || n.Obj().Pkg() == nil || !c.res.Model.Relevant(n.Obj().Pkg().Path()) {
			continue
		}
		st, ok := n.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for j := 0; j < st.NumFields(); j++ {
			f := st.Field(j)
			if f.Name() == "PasswordExpired" {
				if b, ok := f.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
					return i
				}
			}
		}
	}
	return -1
}

// checkExpired reports a login whose LoginResult.PasswordExpired is not read
// on a successful path before the session is used or the function returns.
func (c *checker) checkExpired(call *sflogin.Call, b binding, f *function) {
	if b.kind == bindDiscard || b.results == nil {
		return
	}
	idx := c.expiryResult(call)
	if idx < 0 || idx >= len(b.results) {
		return
	}
	id, ok := ast.Unparen(b.results[idx]).(*ast.Ident)
	if !ok {
		return // stored in a field: someone else's to check
	}
	var res *types.Var
	if id.Name != "_" {
		if res = c.localVar(id); res == nil {
			return
		}
	} else if b.sessVar == nil {
		return
	}
	start, startIdx := locate(c.graph(f), call.Expr)
	if start == nil {
		return
	}
	x := &expiry{c: c, call: call, f: f, b: b, res: map[*types.Var]bool{}}
	if res != nil {
		x.res[res] = true
		x.aliases()
	}
	if why := x.walk(start, startIdx); why != "" {
		var msg string
		if res != nil {
			msg = fmt.Sprintf("password expiry not checked: %s succeeds for a user whose password has expired and only sets %s.PasswordExpired, which is not read before %s; every later call then fails with INVALID_OPERATION_WITH_EXPIRED_PASSWORD. Check it right after the login and ask for a password reset",
				call.Name(), id.Name, why)
		} else {
			msg = fmt.Sprintf("password expiry not checked: %s succeeds for a user whose password has expired and only says so in LoginResult.PasswordExpired, but the LoginResult is discarded and %s; every later call then fails with INVALID_OPERATION_WITH_EXPIRED_PASSWORD. Keep the result and check PasswordExpired right after the login",
				call.Name(), why)
		}
		c.report(analysis.Diagnostic{Pos: call.Expr.Pos(), End: call.Expr.End(), Category: "expired", Message: msg})
	}
}

type expiry struct {
	c    *checker
	call *sflogin.Call
	f    *function
	b    binding
	res  map[*types.Var]bool // the LoginResult and its local aliases
}

// aliases adds the local variables the LoginResult is copied into.
func (x *expiry) aliases() {
	x.c.scan(x.f)
	for changed := true; changed; {
		changed = false
		for _, n := range x.f.flows {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, r := range as.Rhs {
				if !x.isRes(r) {
					continue
				}
				if id, ok := ast.Unparen(as.Lhs[i]).(*ast.Ident); ok {
					if v := x.c.localVar(id); v != nil && !x.res[v] {
						x.res[v] = true
						changed = true
					}
				}
			}
		}
	}
}

func (x *expiry) isRes(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := x.c.info.ObjectOf(id).(*types.Var)
	return v != nil && x.res[v]
}

// walk follows the paths on which the login did not fail; it returns why
// the flag is never read ("the function returns", "the session is used")
// on one of them, or "".
func (x *expiry) walk(start *cfg.Block, startIdx int) string {
	type item struct {
		b *cfg.Block
		i int
	}
	stack := []item{{start, startIdx + 1}}
	seen := map[*cfg.Block]bool{}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.i == 0 {
			if seen[it.b] {
				continue
			}
			seen[it.b] = true
			if x.b.errVar != nil && x.c.typeCaseNilness(it.b, x.isErr) == failing {
				continue // a clause for the fault: the login failed
			}
		}
		stopped := false
		for i := it.i; i < len(it.b.Nodes); i++ {
			why, stop := x.visit(it.b.Nodes[i])
			if why != "" {
				return why
			}
			if stop {
				stopped = true
				break
			}
		}
		if stopped {
			continue
		}
		if len(it.b.Succs) == 0 {
			if len(x.res) > 0 {
				return "the function returns"
			}
			continue
		}
		var cond ast.Expr
		if n := len(it.b.Nodes); n > 0 && len(it.b.Succs) == 2 {
			cond, _ = it.b.Nodes[n-1].(ast.Expr)
		}
		for i, s := range it.b.Succs {
			if cond != nil && x.failing(cond, i == 0) {
				continue // the login failed on this branch
			}
			stack = append(stack, item{s, 0})
		}
	}
	return ""
}

func (x *expiry) isErr(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && x.c.info.ObjectOf(id) == x.b.errVar
}

// failing reports whether cond being truth means the login failed.
func (x *expiry) failing(cond ast.Expr, truth bool) bool {
	if x.b.errVar == nil {
		return false
	}
	e := &engine{c: x.c, call: x.call, vs: &vars{kind: map[*types.Var]valKind{x.b.errVar: valOrig}}}
	t, f := e.nilTest(cond, e.isSubject)
	if truth {
		return t == failing
	}
	return f == failing
}

// visit returns why the check is missing when n uses the session or returns
// before the flag is read; stop when the path needs no more looking at.
func (x *expiry) visit(n ast.Node) (why string, stop bool) {
	info := x.c.info
	if n.Pos() <= x.call.Expr.Pos() && x.call.Expr.End() <= n.End() {
		return "", true // back at the login
	}
	if _, ok := n.(*ast.DeferStmt); ok {
		return "", false
	}
	read, escaped := false, false
	x.c.ancestors(n, func(m ast.Node, anc []ast.Node) bool {
		switch m := m.(type) {
		case *ast.SelectorExpr:
			if m.Sel.Name == "PasswordExpired" && x.isRes(m.X) {
				read = true
			}
		case *ast.FuncLit:
			if x.mentionsRes(m) {
				escaped = true
			}
			return false
		case *ast.Ident:
			v, _ := info.ObjectOf(m).(*types.Var)
			if v == nil || !x.res[v] {
				return true
			}
			// The parent of n itself (a statement) falls to the default.
			switch p := parentIn(anc).(type) {
			case *ast.SelectorExpr:
				return true // res.UserId: a read
			case *ast.AssignStmt:
				for i, r := range p.Rhs {
					if r == m && len(p.Lhs) == len(p.Rhs) {
						if id, ok := ast.Unparen(p.Lhs[i]).(*ast.Ident); ok && x.c.localVar(id) != nil {
							return true // an alias
						}
					}
				}
				for _, l := range p.Lhs {
					if l == m {
						return true
					}
				}
				escaped = true
			case *ast.CallExpr:
				if fn := callee(info, p); fn != nil && logKind(info, fn, p) != "" {
					return true
				}
				escaped = true
			case *ast.BinaryExpr:
				return true
			default:
				escaped = true // returned, stored, sent: someone else checks it
			}
		}
		return true
	})
	if read || escaped {
		return "", true
	}
	for v := range x.res {
		if assigns(info, n, v) {
			return "", true
		}
	}
	if x.usesSession(n) {
		return "the session is used", true
	}
	switch n := n.(type) {
	case *ast.ReturnStmt:
		if len(x.res) > 0 {
			return "the function returns", true
		}
		return "", true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && noReturn(info, call) != "" {
			return "", true
		}
	}
	return "", false
}

func (x *expiry) mentionsRes(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok {
			if v, ok := x.c.info.ObjectOf(id).(*types.Var); ok && x.res[v] {
				found = true
			}
		}
		return !found
	})
	return found
}

// usesSession reports whether n calls a method on the session (other than
// its logout) or returns it.
func (x *expiry) usesSession(n ast.Node) bool {
	v := x.b.sessVar
	if v == nil {
		return false
	}
	info := x.c.info
	used := false
	ast.Inspect(n, func(m ast.Node) bool {
		if used {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range m.Results {
				if id, ok := ast.Unparen(r).(*ast.Ident); ok && info.ObjectOf(id) == v {
					used = true
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(m.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			id, ok := ast.Unparen(sel.X).(*ast.Ident)
			if !ok || info.ObjectOf(id) != v {
				return true
			}
			if s, ok := info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
				return true
			}
			if rc := x.c.res.Lookup(m); rc != nil && (rc.Kind == sfapi.Logout || rc.Kind == sfapi.Login) {
				return true
			}
			used = true
		}
		return true
	})
	return used
}
