package unhandledfault

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
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
func (c *checker) checkExpired(l *flow.Login) {
	if l.Err == flow.ErrDiscarded || l.Results == nil {
		return
	}
	idx := c.expiryResult(l.Call)
	if idx < 0 || idx >= len(l.Results) {
		return
	}
	id, ok := ast.Unparen(l.Results[idx]).(*ast.Ident)
	if !ok {
		return // stored in a field: someone else's to check
	}
	sessVar := flow.IdentVar(c.info, l.Holder)
	res := map[*types.Var]bool{} // the LoginResult and its aliases
	if id.Name != "_" {
		v := flow.IdentVar(c.info, id)
		if v == nil || !l.Fn.Own(v) {
			return
		}
		res[v] = true
		aliases(l.Fn, res)
	} else if sessVar == nil {
		return
	}
	why := ""
	var escapes map[ast.Node]bool
	if len(res) == 0 {
		// The LoginResult is thrown away: handing the session on (to the
		// caller, in the client it gave, in a value returned or stored)
		// hands on a session whose password may have expired.
		if _, ok := l.Fn.Param(sessVar); ok {
			why = "the session is handed back in " + sessVar.Name()
		}
		escapes = map[ast.Node]bool{}
		for _, e := range l.SessionFlow([]*types.Var{sessVar}).Escapes {
			escapes[e.Node] = true
		}
	}
	if why == "" {
		l.Search(flow.Query{
			Skip: []flow.Outcome{flow.Failed},
			Node: func(n ast.Node, _ *flow.State) flow.Step {
				if n == l.At.Node() {
					return flow.Stop // back at the login
				}
				if _, ok := n.(*ast.DeferStmt); ok {
					return flow.Next
				}
				if c.readsExpiry(n, res) {
					return flow.Stop
				}
				for v := range res {
					if l.Fn.WritesVar(n, v) {
						return flow.Stop
					}
				}
				if l.Fn.SessionUses(n, sessVar)&(flow.SessionCalled|flow.SessionReturned) != 0 {
					why = "the session is used"
					return flow.Found
				}
				if escapes[n] {
					why = "the session is handed on"
					return flow.Found
				}
				switch n := n.(type) {
				case *ast.ReturnStmt:
					if len(res) > 0 {
						why = "the function returns"
						return flow.Found
					}
					return flow.Stop
				case *ast.ExprStmt:
					if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && !c.res.Env.MayReturn(call) {
						return flow.Stop
					}
				}
				return flow.Next
			},
		})
	}
	if why == "" {
		return
	}
	var msg string
	if len(res) > 0 {
		msg = say(l.Call, []func(string) string{
			func(n string) string {
				return fmt.Sprintf("the password expiry of %s is not checked: %s.PasswordExpired is not read before %s", n, id.Name, why)
			},
			func(n string) string {
				return fmt.Sprintf("the password expiry of %s is not checked before %s", n, why)
			},
		}, fmt.Sprintf("Check %s.PasswordExpired right after the login and ask for a password reset", id.Name),
			"Check PasswordExpired right after the login and ask for a password reset")
	} else {
		msg = say(l.Call, []func(string) string{
			func(n string) string {
				return fmt.Sprintf("the password expiry of %s is not checked: the LoginResult is discarded and %s", n, why)
			},
			func(n string) string {
				return fmt.Sprintf("the password expiry of %s is not checked before %s", n, why)
			},
		}, "Keep the LoginResult and check PasswordExpired right after the login")
	}
	c.report(analysis.Diagnostic{Pos: l.Expr.Pos(), End: l.Expr.End(), Category: "expired", Message: msg})
}

// aliases adds the function's variables the LoginResult is copied into.
func aliases(f *flow.Func, res map[*types.Var]bool) {
	info := f.Env.Info
	for changed := true; changed; {
		changed = false
		for v := range res {
			for _, w := range f.Derived(v) {
				if res[w] || !f.Own(w) {
					continue
				}
				for _, d := range f.Defs(w) {
					if d.Rhs != nil && res[flow.IdentVar(info, d.Rhs)] {
						res[w] = true
						changed = true
					}
				}
			}
		}
	}
}

// readsExpiry reports whether n reads PasswordExpired of the LoginResult,
// or hands the LoginResult to code that may (returned, stored, passed on,
// captured): either way the flag is someone's to check.
func (c *checker) readsExpiry(n ast.Node, res map[*types.Var]bool) bool {
	info := c.info
	isRes := func(e ast.Expr) bool { return res[flow.IdentVar(info, e)] }
	found := false
	var stack []ast.Node
	astwalk.Inspect(n, func(m ast.Node) bool {
		if m == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.SelectorExpr:
			if m.Sel.Name == "PasswordExpired" && isRes(m.X) {
				found = true
			}
		case *ast.FuncLit:
			astwalk.Inspect(m, func(x ast.Node) bool {
				if e, ok := x.(ast.Expr); ok && isRes(e) {
					found = true
				}
				return !found
			})
			return false
		case *ast.Ident:
			if !isRes(m) || len(stack) == 0 {
				break
			}
			switch p := stack[len(stack)-1].(type) {
			case *ast.SelectorExpr, *ast.BinaryExpr:
				// res.UserId, res == nil: a read
			case *ast.AssignStmt:
				alias := false
				for i, r := range p.Rhs {
					if r == m && len(p.Lhs) == len(p.Rhs) && flow.IdentVar(info, p.Lhs[i]) != nil {
						alias = true // an alias
					}
				}
				for _, l := range p.Lhs {
					if l == m {
						alias = true
					}
				}
				found = !alias
			case *ast.CallExpr:
				if fn := c.res.Env.Callee(p); fn != nil && flow.LogKind(info, fn, p) != "" {
					break
				}
				found = true
			default:
				found = true // returned, stored, sent: someone else checks it
			}
		}
		stack = append(stack, m)
		return true
	})
	return found
}
