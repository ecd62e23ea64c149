package sflogin

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
)

// rawHandsBack completes the fact of a function that logs in with a raw
// HTTP request (a POST to /services/oauth2/token or a SOAP login()). The
// session is whatever the function makes of the response: the variables the
// body is read or decoded into (json.NewDecoder(resp.Body).Decode(&tok),
// body, _ := io.ReadAll(resp.Body); json.Unmarshal(body, &tok)), and the
// caller's objects it is decoded into (json.Unmarshal(body, c) with c the
// receiver). The error the function returns after the request is the login's
// failure as its callers see it, however the transport error was wrapped
// (fmt.Errorf("token request: %v", err) hides no login fault: the fault is in
// the body): a function that returns a non-nil error after the request has
// its error result. Whether that error keeps the fault is unhandledfault's
// question, not the fact's.
func (st *state) rawHandsBack(body *ast.BlockStmt, sig *types.Signature, call *ast.CallExpr, f *LoginFact, sess map[*types.Var]bool, owners map[*types.Var]bool) {
	info := st.pass.TypesInfo
	// The response, the body and what is decoded from them.
	for changed := true; changed; {
		changed = false
		st.inspectBody(body, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					v := lhsVar(info, lhs)
					if v == nil || sess[v] || isError(v.Type()) {
						continue // err := Decode(&tok) is no session
					}
					rhs := n.Rhs[0]
					if len(n.Lhs) == len(n.Rhs) {
						rhs = n.Rhs[i]
					} else if i > 0 {
						continue // b, err := io.ReadAll(resp.Body): only b
					}
					if mentionsAny(info, rhs, sess) {
						sess[v] = true
						changed = true
					}
				}
			case *ast.CallExpr:
				if !mentionsAny(info, n, sess) {
					return
				}
				for _, a := range n.Args {
					a = ast.Unparen(a)
					if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
						if v := lhsVar(info, u.X); v != nil && !sess[v] {
							sess[v] = true // Decode(&tok), Unmarshal(body, &tok)
							changed = true
						}
						continue
					}
					// json.Unmarshal(body, c): decoded into the caller's object.
					if v := lhsVar(info, a); v != nil && owners[v] && isPointer(v.Type()) && f.Session == sfapi.NoResult {
						f.Session = sfapi.InReceiver
					}
				}
			}
		})
	}
	// Returns after the request.
	st.inspectBody(body, func(n ast.Node) {
		r, ok := n.(*ast.ReturnStmt)
		if !ok || r.Pos() < call.End() {
			return
		}
		for i, x := range r.Results {
			if i >= sig.Results().Len() {
				break
			}
			if f.Err < 0 && isError(sig.Results().At(i).Type()) && !isNilIdent(info, x) {
				f.Err = i
			}
			if f.Session == sfapi.NoResult && !isError(sig.Results().At(i).Type()) && flowsFrom(info, x, sess) {
				f.Session = i
			}
		}
	})
	// Stored on the caller's objects: c.token = tok.AccessToken.
	if f.Session == sfapi.NoResult {
		st.inspectBody(body, func(n ast.Node) {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return
			}
			for i, lhs := range as.Lhs {
				if _, isSel := ast.Unparen(lhs).(*ast.SelectorExpr); !isSel {
					continue
				}
				if v := flow.RootVar(info, lhs); v != nil && owners[v] && mentionsAny(info, as.Rhs[i], sess) {
					f.Session = sfapi.InReceiver
				}
			}
		})
	}
}

// mentionsAny reports whether e reads one of the variables (function
// literals included: a closure over the body still reads it).
func mentionsAny(info *types.Info, e ast.Node, vars map[*types.Var]bool) bool {
	return flow.Any(e, false, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		return ok && vars[v]
	})
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}
