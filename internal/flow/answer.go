package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/sflint/sflint/internal/astwalk"
)

// This file models the answer of a hand-written login: a POST to the OAuth
// token endpoint or a SOAP login() made with net/http. The call's error is
// a transport error; the login fault is in the answer, which Salesforce
// sends with a failing status (OAuth: 400 and {"error":"invalid_grant",
// "error_description":"authentication failure"}; SOAP: 500 and a
// <soapenv:Fault> with <faultcode>sf:INVALID_LOGIN</faultcode>). The model
// says which values are made from the answer, whether it goes to code not
// followed, which branches run when the answer says the login failed, and
// what an error built on such a branch keeps of it.

// Answer is the model of the answer of one hand-written login whose
// response the function keeps.
type Answer struct {
	Login *Login
	info  *types.Info
	resp  *types.Var
	// body holds the variables made from the answer's body: the bytes read
	// from it, what they are decoded into, values computed from them.
	body map[*types.Var]bool
	// decoded holds the variables the body is decoded into (&tok handed to
	// Decode or Unmarshal).
	decoded map[*types.Var]bool
	// Handed: the response (or its body) goes to code not followed (a
	// return, a field, checkResponse(resp)): that code is its checker.
	Handed bool
	// Read: the body is read.
	Read bool
}

// Answer returns the model of the answer of a hand-written login, or nil
// when l is not one or the function does not keep its response (it is
// returned or stored: its receiver checks it).
func (l *Login) Answer() *Answer {
	if !l.Raw || l.Endpoint == nil || l.Fn.Body == nil {
		return nil
	}
	v := l.HolderVar
	if v == nil || !l.Fn.Own(v) {
		return nil
	}
	an := &Answer{Login: l, info: l.Fn.Env.Info, resp: v, body: map[*types.Var]bool{}, decoded: map[*types.Var]bool{}}
	an.derive()
	return an
}

// Kept is what an error keeps of the answer.
type Kept uint8

const (
	// KeptAnswer: the body, a value made of it (its code field, when the
	// decoded value has one), or the response handed whole to a function.
	KeptAnswer Kept = iota
	// KeptDescription: only the error_description (or faultstring).
	KeptDescription
	// KeptStatus: only the status.
	KeptStatus
	// KeptNothing: a fixed error.
	KeptNothing
)

// isResp reports whether e is the response variable.
func (an *Answer) isResp(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && an.info.Uses[id] == an.resp
}

// respField returns the field of the response e reads (resp.StatusCode), or "".
func (an *Answer) respField(e ast.Expr) string {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok && an.isResp(sel.X) {
		return sel.Sel.Name
	}
	return ""
}

// bodyReaders are the functions a response body is read with, as it is:
// what they return is the body.
var bodyReaders = map[string]bool{
	"io.ReadAll": true, "io/ioutil.ReadAll": true, "encoding/json.NewDecoder": true,
	"encoding/xml.NewDecoder": true, "bufio.NewReader": true, "bufio.NewScanner": true,
	"io.LimitReader": true, "io.Copy": true, "io.CopyN": true,
}

// decoders are the functions and methods that decode into their pointer argument.
var decoders = map[string]bool{
	"encoding/json.Unmarshal": true, "encoding/xml.Unmarshal": true,
	"encoding/json.Decode": true, "encoding/xml.Decode": true, "encoding/xml.DecodeElement": true,
}

// PathName names a function by its package's path, "encoding/json.Unmarshal"
// (methods by their name alone: "encoding/json.Decode"), or "" for nil or a
// function of no package.
func PathName(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// derive finds the variables made from the body, and whether the response
// or its body goes to code the model does not follow.
func (an *Answer) derive() {
	body := an.Login.Fn.Body
	for changed := true; changed; {
		changed = false
		astwalk.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					v := IdentVar(an.info, lhs)
					if v == nil || an.body[v] || v == an.resp {
						continue
					}
					var rhs ast.Expr
					switch {
					case len(n.Lhs) == len(n.Rhs):
						rhs = n.Rhs[i]
					case i == 0:
						rhs = n.Rhs[0] // b, err := io.ReadAll(resp.Body): b only
					}
					if rhs != nil && an.fromBody(rhs) {
						an.body[v] = true
						changed = true
					}
				}
			case *ast.CallExpr:
				if !an.fromBody(n) {
					return true
				}
				key := PathName(an.Login.Fn.Env.Callee(n))
				for _, a := range n.Args {
					// &tok, or a pointer variable (tok := &token{}) handed
					// to a decoder.
					x := ast.Unparen(a)
					if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
						x = u.X
					} else if t := an.info.TypeOf(x); !decoders[key] || t == nil || !isPointer(t) {
						continue
					}
					if v := IdentVar(an.info, x); v != nil && !an.body[v] {
						an.body[v] = true
						if decoders[key] {
							an.decoded[v] = true
						}
						changed = true
					}
				}
			}
			return true
		})
	}
	// What is done with the response itself, and with its body.
	astwalk.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			for _, x := range n.Results {
				if an.isResp(x) {
					an.Handed = true
				}
			}
		case *ast.AssignStmt:
			for i, x := range n.Rhs {
				if an.isResp(x) && i < len(n.Lhs) && IdentVar(an.info, n.Lhs[i]) == nil {
					an.Handed = true // stored in a field, a map...
				}
			}
		case *ast.CallExpr:
			if n == an.Login.Expr {
				return true
			}
			fn := an.Login.Fn.Env.Callee(n)
			for _, a := range n.Args {
				switch {
				case an.isResp(a):
					if fn == nil || LogKind(an.info, fn, n) == "" {
						an.Handed = true // checkResponse(resp)
					}
				case an.respField(a) == "Body":
					if bodyReaders[PathName(fn)] {
						an.Read = true
					} else if fn == nil || LogKind(an.info, fn, n) == "" {
						an.Handed = true // decode(resp.Body, &tok): it may check the "error" field
					}
				}
			}
		}
		return true
	})
}

// fromBody reports whether e reads the response's body or a value made
// from it (not its status or headers).
func (an *Answer) fromBody(e ast.Node) bool {
	return Any(e, false, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			return an.respField(n) == "Body"
		case *ast.Ident:
			v, ok := an.info.Uses[n].(*types.Var)
			return ok && an.body[v]
		}
		return false
	})
}

// checkedElsewhere reports whether a condition, a comparison or a call
// other than a logger's looks at the status, or a condition looks at what
// the body holds (a decoded field, the bytes: not a decoding error).
func (an *Answer) CheckedElsewhere() bool {
	found := false
	var stack []ast.Node
	astwalk.Inspect(an.Login.Fn.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if found {
			return false
		}
		stack = append(stack, n)
		var cond ast.Node
		switch n := n.(type) {
		case *ast.IfStmt:
			cond = n.Cond
		case *ast.SwitchStmt:
			cond = n.Tag
		case *ast.CaseClause:
			for _, x := range n.List {
				if an.looksAtAnswer(x) {
					found = true
				}
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
				cond = n
			}
		case *ast.SelectorExpr:
			if f := an.respField(n); f == "StatusCode" || f == "Status" {
				// Handed to a function that is not a logger: a check of its own.
				if call, ok := parentCall(stack, n); ok {
					if fn := an.Login.Fn.Env.Callee(call); fn != nil && LogKind(an.info, fn, call) == "" && !derivesString(fn) {
						found = true
					}
				}
			}
		}
		if cond != nil && an.looksAtAnswer(cond) {
			found = true
		}
		return true
	})
	return found
}

// parentCall returns the call n is a direct argument of.
func parentCall(stack []ast.Node, n ast.Node) (*ast.CallExpr, bool) {
	if len(stack) < 2 {
		return nil, false
	}
	call, ok := stack[len(stack)-2].(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	for _, a := range call.Args {
		if a == n {
			return call, true
		}
	}
	return nil, false
}

// derivesString reports whether fn only makes a string or an error of its
// arguments (fmt.Sprintf, fmt.Errorf, errors.New, strconv.Itoa...).
func derivesString(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt", "errors", "strconv", "strings":
		return true
	}
	return false
}

// looksAtAnswer reports whether e reads the status, or what the body holds
// (not an error of reading or decoding it).
func (an *Answer) looksAtAnswer(e ast.Node) bool {
	return Any(e, true, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			f := an.respField(n)
			return f == "StatusCode" || f == "Status"
		case *ast.Ident:
			// Not an error of reading or decoding the body; a value decoded
			// from it may be an error type (go-force's ApiError).
			v, ok := an.info.Uses[n].(*types.Var)
			return ok && an.body[v] && (an.decoded[v] || !ImplementsError(v.Type()))
		}
		return false
	})
}

// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// Keeps says what e (an error built with fmt.Errorf or errors.New, or a
// call that reports or ends the program) keeps of the answer.
func (an *Answer) Keeps(e ast.Node) Kept {
	body, descOnly, status, handed := false, false, false, false
	codeRead := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			for _, a := range n.Args {
				if an.isResp(a) {
					handed = true
				}
			}
		case *ast.SelectorExpr:
			switch an.respField(n) {
			case "StatusCode", "Status":
				status = true
				return false
			case "Body":
				body = true
				return false
			}
			if v := IdentVar(an.info, n.X); v != nil && an.decoded[v] {
				if f, ok := an.info.Uses[n.Sel].(*types.Var); ok && f.IsField() {
					switch an.fieldRole(f, n.X) {
					case "code":
						codeRead = true
					case "description":
						descOnly = true
					default:
						body = true
					}
					return false
				}
			}
		case *ast.Ident:
			if v, ok := an.info.Uses[n].(*types.Var); ok && an.body[v] {
				if an.decoded[v] && an.hasCodeField(n) {
					codeRead = true // the decoded answer whole
				} else {
					body = true
				}
			}
		}
		return true
	})
	switch {
	case handed || body || codeRead:
		return KeptAnswer
	case descOnly:
		return KeptDescription
	case status:
		return KeptStatus
	}
	return KeptNothing
}

// Branch is the code that runs when the answer says the login failed.
type Branch struct {
	// Stmts are the statements of the branch; none for an if that handles
	// only success and returns (the failure goes on after it).
	Stmts []ast.Stmt
	At    ast.Node // the if or the case clause
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
func (an *Answer) FailureBranches() []Branch {
	var out []Branch
	astwalk.Inspect(an.Login.Fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Pos() < an.Login.Expr.End() {
				return true
			}
			f, fok := an.eval(n.Cond, failed)
			s, sok := an.eval(n.Cond, succeeded)
			if !fok && !sok {
				return true
			}
			fb, fbok := boolOf(f, fok)
			sb, sbok := boolOf(s, sok)
			switch {
			case fbok && fb && !(sbok && sb):
				out = append(out, Branch{Stmts: n.Body.List, At: n})
			case fbok && !fb && !(sbok && !sb):
				switch e := n.Else.(type) {
				case *ast.BlockStmt:
					out = append(out, Branch{Stmts: e.List, At: n})
				case *ast.IfStmt:
					out = append(out, Branch{Stmts: []ast.Stmt{e}, At: n})
				case nil:
					// if resp.StatusCode == 200 { ...; return tok, nil }: a
					// failure goes on after the if.
					if k := len(n.Body.List); k > 0 {
						if _, ok := n.Body.List[k-1].(*ast.ReturnStmt); ok {
							out = append(out, Branch{At: n})
						}
					}
				}
			}
		case *ast.SwitchStmt:
			if n.Tag == nil || n.Pos() < an.Login.Expr.End() {
				return true
			}
			out = append(out, an.switchBranches(n)...)
		}
		return true
	})
	return out
}

// switchBranches returns the clause a failed answer selects in a switch on
// the status, when a successful one selects another.
func (an *Answer) switchBranches(sw *ast.SwitchStmt) []Branch {
	pick := func(a answer) *ast.CaseClause {
		tag, ok := an.eval(sw.Tag, a)
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
				v, ok := an.eval(x, a)
				if !ok || v.Kind() != tag.Kind() && !(isNumeric(v) && isNumeric(tag)) {
					return nil // a case the model cannot evaluate: no branch
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
	return []Branch{{Stmts: f.Body, At: f}}
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
func (an *Answer) eval(e ast.Expr, a answer) (constant.Value, bool) {
	e = ast.Unparen(e)
	if tv, ok := an.info.Types[e]; ok && tv.Value != nil {
		return tv.Value, true
	}
	switch x := e.(type) {
	case *ast.SelectorExpr:
		switch an.respField(x) {
		case "StatusCode":
			return constant.MakeInt64(int64(a.status)), true
		case "Status":
			return constant.MakeString(a.text), true
		}
		if an.isCodeField(x) {
			return constant.MakeString(a.code), true
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			v, ok := an.eval(x.X, a)
			if !ok || v.Kind() != constant.Bool {
				return nil, false
			}
			return constant.MakeBool(!constant.BoolVal(v)), true
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			l, lok := boolOf(an.eval(x.X, a))
			rr, rok := boolOf(an.eval(x.Y, a))
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
		l, lok := an.eval(x.X, a)
		rr, rok := an.eval(x.Y, a)
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
		fn := an.Login.Fn.Env.Callee(x)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && len(x.Args) == 2 {
			s, sok := an.eval(x.Args[0], a)
			t, tok := an.eval(x.Args[1], a)
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
func (an *Answer) isCodeField(sel *ast.SelectorExpr) bool {
	v := IdentVar(an.info, sel.X)
	if v == nil || !an.decoded[v] {
		return false
	}
	f, ok := an.info.Uses[sel.Sel].(*types.Var)
	return ok && f.IsField() && an.fieldRole(f, sel.X) == "code"
}

// fieldRole says what a field of a decoded answer holds: "code" (json
// "error", xml "faultcode"), "description" (json "error_description", xml
// "faultstring"), or "".
func (an *Answer) fieldRole(f *types.Var, x ast.Expr) string {
	tag := ""
	if st, ok := derefType(an.info.TypeOf(x)).Underlying().(*types.Struct); ok {
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

func derefType(t types.Type) types.Type {
	if t == nil {
		return types.Typ[types.Invalid]
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// hasCodeField reports whether the decoded value x has a field for the code.
func (an *Answer) hasCodeField(x ast.Expr) bool {
	st, ok := derefType(an.info.TypeOf(x)).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if an.fieldRole(st.Field(i), x) == "code" {
			return true
		}
	}
	return false
}
