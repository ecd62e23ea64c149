package unhandledfault

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
)

// ---- the failing branches ----

// branch is the code that runs when the answer says the login failed.
type branch struct {
	stmts []ast.Stmt
	at    ast.Node // the if or the case clause
}

// answer is what the condition may read of the answer, for a failed
// (invalid_grant, HTTP 400) and a successful (HTTP 200) login.
type answer struct {
	status int
	text   string // resp.Status
	code   string // the "error" field
}

var (
	failed    = answer{400, "400 Bad Request", "invalid_grant"}
	succeeded = answer{200, "200 OK", ""}
)

// failureBranches returns the branches of the ifs and switches that test
// the answer's status (or its "error" field) and that run on a failed
// login and not on a successful one.
func (r *rawCheck) failureBranches() []branch {
	var out []branch
	astwalk.Inspect(r.l.Fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Pos() < r.l.Expr.End() {
				return true
			}
			f, fok := r.eval(n.Cond, failed)
			s, sok := r.eval(n.Cond, succeeded)
			if !fok && !sok {
				return true
			}
			fb, fbok := boolOf(f, fok)
			sb, sbok := boolOf(s, sok)
			switch {
			case fbok && fb && !(sbok && sb):
				out = append(out, branch{stmts: n.Body.List, at: n})
			case fbok && !fb && !(sbok && !sb):
				switch e := n.Else.(type) {
				case *ast.BlockStmt:
					out = append(out, branch{stmts: e.List, at: n})
				case *ast.IfStmt:
					out = append(out, branch{stmts: []ast.Stmt{e}, at: n})
				case nil:
					// if resp.StatusCode == 200 { ...; return tok, nil }: a
					// failure goes on after the if.
					if k := len(n.Body.List); k > 0 {
						if _, ok := n.Body.List[k-1].(*ast.ReturnStmt); ok {
							out = append(out, branch{at: n})
						}
					}
				}
			}
		case *ast.SwitchStmt:
			if n.Tag == nil || n.Pos() < r.l.Expr.End() {
				return true
			}
			out = append(out, r.switchBranches(n)...)
		}
		return true
	})
	return out
}

// switchBranches returns the clause a failed answer selects in a switch on
// the status, when a successful one selects another.
func (r *rawCheck) switchBranches(sw *ast.SwitchStmt) []branch {
	pick := func(a answer) *ast.CaseClause {
		tag, ok := r.eval(sw.Tag, a)
		if !ok {
			return nil
		}
		var def *ast.CaseClause
		for _, s := range sw.Body.List {
			cc := s.(*ast.CaseClause)
			if cc.List == nil {
				def = cc
			}
			for _, x := range cc.List {
				v, ok := r.eval(x, a)
				if !ok || v.Kind() != tag.Kind() && !(isNumeric(v) && isNumeric(tag)) {
					return nil // a case the check cannot evaluate: stay silent
				}
				if constant.Compare(tag, token.EQL, v) {
					return cc
				}
			}
		}
		return def
	}
	f, s := pick(failed), pick(succeeded)
	if f == nil || f == s {
		return nil
	}
	return []branch{{stmts: f.Body, at: f}}
}

func boolOf(v constant.Value, ok bool) (bool, bool) {
	if !ok || v.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(v), true
}

// eval evaluates a condition on the answer a: the status, the status text
// and the "error" field take a's values, constants theirs; anything else is
// unknown (ok false), and && and || are evaluated as far as the known
// operands decide them.
func (r *rawCheck) eval(e ast.Expr, a answer) (constant.Value, bool) {
	e = ast.Unparen(e)
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		return tv.Value, true
	}
	switch x := e.(type) {
	case *ast.SelectorExpr:
		switch r.respField(x) {
		case "StatusCode":
			return constant.MakeInt64(int64(a.status)), true
		case "Status":
			return constant.MakeString(a.text), true
		}
		if r.isCodeField(x) {
			return constant.MakeString(a.code), true
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			v, ok := r.eval(x.X, a)
			if !ok || v.Kind() != constant.Bool {
				return nil, false
			}
			return constant.MakeBool(!constant.BoolVal(v)), true
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			l, lok := boolOf(r.eval(x.X, a))
			rr, rok := boolOf(r.eval(x.Y, a))
			if x.Op == token.LAND {
				switch {
				case lok && !l, rok && !rr:
					return constant.MakeBool(false), true
				case lok && rok:
					return constant.MakeBool(true), true
				}
			} else {
				switch {
				case lok && l, rok && rr:
					return constant.MakeBool(true), true
				case lok && rok:
					return constant.MakeBool(false), true
				}
			}
			return nil, false
		}
		l, lok := r.eval(x.X, a)
		rr, rok := r.eval(x.Y, a)
		if !lok || !rok || l.Kind() != rr.Kind() && !(isNumeric(l) && isNumeric(rr)) {
			return nil, false
		}
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
			if l.Kind() == constant.Bool && x.Op != token.EQL && x.Op != token.NEQ {
				return nil, false
			}
			return constant.MakeBool(constant.Compare(l, x.Op, rr)), true
		case token.QUO:
			if isNumeric(l) && isNumeric(rr) {
				return constant.BinaryOp(l, token.QUO_ASSIGN, rr), true // integer division
			}
		case token.REM, token.ADD, token.SUB, token.MUL:
			return constant.BinaryOp(l, x.Op, rr), true
		}
	case *ast.CallExpr:
		// strings.HasPrefix(resp.Status, "2"), strings.Contains(...)
		fn := r.l.Fn.Env.Callee(x)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && len(x.Args) == 2 {
			s, sok := r.eval(x.Args[0], a)
			t, tok := r.eval(x.Args[1], a)
			if sok && tok && s.Kind() == constant.String && t.Kind() == constant.String {
				ss, ts := constant.StringVal(s), constant.StringVal(t)
				switch fn.Name() {
				case "HasPrefix":
					return constant.MakeBool(strings.HasPrefix(ss, ts)), true
				case "HasSuffix":
					return constant.MakeBool(strings.HasSuffix(ss, ts)), true
				case "Contains":
					return constant.MakeBool(strings.Contains(ss, ts)), true
				case "EqualFold":
					return constant.MakeBool(strings.EqualFold(ss, ts)), true
				}
			}
		}
	}
	return nil, false
}

func isNumeric(v constant.Value) bool { return v.Kind() == constant.Int || v.Kind() == constant.Float }

// isCodeField reports whether sel reads the field of a decoded answer that
// holds the OAuth "error" code (json:"error") or a SOAP faultcode.
func (r *rawCheck) isCodeField(sel *ast.SelectorExpr) bool {
	v := flow.IdentVar(r.info, sel.X)
	if v == nil || !r.decoded[v] {
		return false
	}
	f, ok := r.info.Uses[sel.Sel].(*types.Var)
	return ok && f.IsField() && r.fieldRole(f, sel.X) == "code"
}

// fieldRole says what a field of a decoded answer holds: "code" (json
// "error", xml "faultcode"), "description" (json "error_description", xml
// "faultstring"), or "".
func (r *rawCheck) fieldRole(f *types.Var, x ast.Expr) string {
	tag := ""
	if st, ok := deref(r.info.TypeOf(x)).Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == f {
				tag = st.Tag(i)
			}
		}
	}
	name := func(key string) string {
		v := reflect.StructTag(tag).Get(key)
		v, _, _ = strings.Cut(v, ",")
		return v
	}
	j, x2 := name("json"), name("xml")
	switch {
	case j == "error" || x2 == "faultcode" || strings.HasSuffix(x2, " faultcode"):
		return "code"
	case j == "error_description" || x2 == "faultstring" || strings.HasSuffix(x2, " faultstring"):
		return "description"
	}
	return ""
}

func deref(t types.Type) types.Type {
	if t == nil {
		return types.Typ[types.Invalid]
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// hasCodeField reports whether the decoded value x has a field for the code.
func (r *rawCheck) hasCodeField(x ast.Expr) bool {
	st, ok := deref(r.info.TypeOf(x)).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if r.fieldRole(st.Field(i), x) == "code" {
			return true
		}
	}
	return false
}
