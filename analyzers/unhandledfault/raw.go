package unhandledfault

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file checks hand-written logins: a POST to the OAuth token endpoint
// or a SOAP login() made with net/http. The call's error is a transport
// error; the login fault is in the answer, which Salesforce sends with a
// failing status (OAuth: 400 and {"error":"invalid_grant",
// "error_description":"authentication failure"}; SOAP: 500 and a
// <soapenv:Fault> with <faultcode>sf:INVALID_LOGIN</faultcode>). So:
//
//   - an answer read without a look at its status or its "error" field
//     turns a rejected login into an empty token and a nil error
//     (category "unchecked");
//   - on the failing branch of a status (or "error" field) test, an error
//     that keeps nothing of the answer (errors.New("failed to
//     authenticate"), the status alone, the description without the code)
//     erases the fault ("erased");
//   - a failing branch that only prints the answer, or returns a nil error,
//     swallows it ("swallowed").
//
// A response handed to another function (parseError(resp), returned,
// stored) is that function's to check: nothing is reported.

// rawCheck is the analysis of one hand-written login.
type rawCheck struct {
	c    *checker
	l    *flow.Login
	info *types.Info
	resp *types.Var
	// body holds the variables made from the answer's body: the bytes read
	// from it, what they are decoded into, values computed from them.
	body map[*types.Var]bool
	// decoded holds the variables the body is decoded into (&tok handed to
	// Decode or Unmarshal).
	decoded map[*types.Var]bool
	handed  bool // the response (or its body) goes to code not followed
	read    bool // the body is read
}

// checkRaw checks the hand-written logins of the package.
func (c *checker) checkRaw() {
	for _, l := range c.res.Flow.Logins() {
		if !l.Raw || l.Endpoint == nil || l.Kind != sfapi.Login || l.Fn.Body == nil {
			continue
		}
		v := l.HolderVar
		if v == nil || !l.Fn.Own(v) {
			continue // the response is returned or stored: its receiver checks it
		}
		r := &rawCheck{c: c, l: l, info: c.info, resp: v, body: map[*types.Var]bool{}, decoded: map[*types.Var]bool{}}
		r.run()
	}
}

func (r *rawCheck) run() {
	r.derive()
	if r.handed {
		return
	}
	branches := r.failureBranches()
	checked := len(branches) > 0 || r.checkedElsewhere()
	if !checked {
		if r.read {
			r.reportUnchecked()
		}
		return
	}
	for _, b := range branches {
		r.checkBranch(b)
	}
}

// isResp reports whether e is the response variable.
func (r *rawCheck) isResp(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && r.info.Uses[id] == r.resp
}

// respField returns the field of the response e reads (resp.StatusCode), or "".
func (r *rawCheck) respField(e ast.Expr) string {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok && r.isResp(sel.X) {
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

// derive finds the variables made from the body, and whether the response
// or its body goes to code the check does not follow.
func (r *rawCheck) derive() {
	body := r.l.Fn.Body
	for changed := true; changed; {
		changed = false
		astwalk.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					v := flow.IdentVar(r.info, lhs)
					if v == nil || r.body[v] || v == r.resp {
						continue
					}
					var rhs ast.Expr
					switch {
					case len(n.Lhs) == len(n.Rhs):
						rhs = n.Rhs[i]
					case i == 0:
						rhs = n.Rhs[0] // b, err := io.ReadAll(resp.Body): b only
					}
					if rhs != nil && r.fromBody(rhs) {
						r.body[v] = true
						changed = true
					}
				}
			case *ast.CallExpr:
				if !r.fromBody(n) {
					return true
				}
				fn := r.l.Fn.Env.Callee(n)
				key := ""
				if fn != nil && fn.Pkg() != nil {
					key = fn.Pkg().Path() + "." + fn.Name()
				}
				for _, a := range n.Args {
					// &tok, or a pointer variable (tok := &token{}) handed
					// to a decoder.
					x := ast.Unparen(a)
					if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
						x = u.X
					} else if t := r.info.TypeOf(x); !decoders[key] || t == nil || !isPointer(t) {
						continue
					}
					if v := flow.IdentVar(r.info, x); v != nil && !r.body[v] {
						r.body[v] = true
						if decoders[key] {
							r.decoded[v] = true
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
				if r.isResp(x) {
					r.handed = true
				}
			}
		case *ast.AssignStmt:
			for i, x := range n.Rhs {
				if r.isResp(x) && i < len(n.Lhs) && flow.IdentVar(r.info, n.Lhs[i]) == nil {
					r.handed = true // stored in a field, a map...
				}
			}
		case *ast.CallExpr:
			if n == r.l.Expr {
				return true
			}
			fn := r.l.Fn.Env.Callee(n)
			for _, a := range n.Args {
				switch {
				case r.isResp(a):
					if fn == nil || flow.LogKind(r.info, fn, n) == "" {
						r.handed = true // checkResponse(resp)
					}
				case r.respField(a) == "Body":
					key := ""
					if fn != nil && fn.Pkg() != nil {
						key = fn.Pkg().Path() + "." + fn.Name()
					}
					if bodyReaders[key] {
						r.read = true
					} else if fn == nil || flow.LogKind(r.info, fn, n) == "" {
						r.handed = true // decode(resp.Body, &tok): it may check the "error" field
					}
				}
			}
		}
		return true
	})
}

// fromBody reports whether e reads the response's body or a value made
// from it (not its status or headers).
func (r *rawCheck) fromBody(e ast.Node) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if r.respField(n) == "Body" {
				found = true
			}
			if r.isResp(n.X) {
				return false // resp.StatusCode: not the body
			}
		case *ast.Ident:
			if v, ok := r.info.Uses[n].(*types.Var); ok && r.body[v] {
				found = true
			}
		}
		return true
	})
	return found
}

// checkedElsewhere reports whether a condition, a comparison or a call
// other than a logger's looks at the status, or a condition looks at what
// the body holds (a decoded field, the bytes: not a decoding error).
func (r *rawCheck) checkedElsewhere() bool {
	found := false
	var stack []ast.Node
	astwalk.Inspect(r.l.Fn.Body, func(n ast.Node) bool {
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
				if r.looksAtAnswer(x) {
					found = true
				}
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
				cond = n
			}
		case *ast.SelectorExpr:
			if f := r.respField(n); f == "StatusCode" || f == "Status" {
				// Handed to a function that is not a logger: a check of its own.
				if call, ok := parentCall(stack, n); ok {
					if fn := r.l.Fn.Env.Callee(call); fn != nil && flow.LogKind(r.info, fn, call) == "" && !derivesString(fn) {
						found = true
					}
				}
			}
		}
		if cond != nil && r.looksAtAnswer(cond) {
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
func (r *rawCheck) looksAtAnswer(e ast.Node) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if f := r.respField(n); f == "StatusCode" || f == "Status" {
				found = true
			}
		case *ast.Ident:
			// Not an error of reading or decoding the body; a value decoded
			// from it may be an error type (go-force's ApiError).
			if v, ok := r.info.Uses[n].(*types.Var); ok && r.body[v] && (r.decoded[v] || !isErrorType(v.Type())) {
				found = true
			}
		}
		return true
	})
	return found
}

// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// checkBranch checks what a failing branch does with the answer.
func (r *rawCheck) checkBranch(b branch) {
	env := r.l.Fn.Env
	kind, shown := "", false // how the branch reports; whether a report shows the answer
	for _, s := range b.stmts {
		astwalk.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if fn := env.Callee(n); fn != nil {
					if k := flow.LogKind(r.info, fn, n); k != "" {
						if kind == "" {
							kind = k
						}
						shown = shown || r.keepsAnswer(n)
					}
				}
			}
			return true
		})
	}
	// The returns, and the calls that end the process, of the branch.
	ends := false
	for _, s := range b.stmts {
		astwalk.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				ends = true
				r.checkReturn(n, kind)
				return false
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					if name := env.NoReturnName(call); name != "" {
						ends = true
						if !shown && !r.keepsAnswer(call) {
							r.reportSwallowed(fmt.Sprintf("the program ends with %s without showing the answer", name))
						}
					}
				}
			}
			return true
		})
	}
	if len(b.stmts) > 0 && !ends {
		what := "the function goes on as if it succeeded"
		if kind != "" {
			what = "the answer is only " + kind + " and the function goes on as if it succeeded"
		}
		r.reportSwallowed(what)
	}
	if len(b.stmts) == 0 {
		if _, ok := b.at.(*ast.IfStmt); ok {
			r.fallThrough(b)
		}
	}
}

// fallThrough checks an if that handles only success (if resp.StatusCode
// == 200 { ... return tok, nil }): a failure goes on after it.
func (r *rawCheck) fallThrough(b branch) {
	ifs := b.at.(*ast.IfStmt)
	// The statements after the if in its block.
	var after []ast.Stmt
	astwalk.Inspect(r.l.Fn.Body, func(n ast.Node) bool {
		if blk, ok := n.(*ast.BlockStmt); ok {
			for i, s := range blk.List {
				if s == ifs {
					after = blk.List[i+1:]
				}
			}
		}
		return after == nil
	})
	if len(after) > 0 {
		r.checkBranch(branch{stmts: after, at: ifs})
	}
}

// checkReturn checks a return on a failing branch.
func (r *rawCheck) checkReturn(ret *ast.ReturnStmt, kind string) {
	sig := r.l.Fn.Sig
	if sig == nil || sig.Results().Len() == 0 {
		return
	}
	i := sig.Results().Len() - 1
	if !isErrorType(sig.Results().At(i).Type()) {
		return
	}
	if len(ret.Results) != sig.Results().Len() {
		return // a bare return of named results, or a call's results: not followed
	}
	x := ast.Unparen(ret.Results[i])
	if flow.IsNil(r.info, x) {
		what := "the function returns a nil error"
		if kind != "" {
			what = "the answer is only " + kind + " and the function returns a nil error"
		}
		r.reportSwallowed(what)
		return
	}
	if how := r.erases(x); how != "" {
		r.reportErased(x, how)
	}
}

// keepsAnswer reports whether e carries what the answer says: the body, a
// value made of it (its code field, when the decoded value has one), or the
// response handed whole to a function.
func (r *rawCheck) keepsAnswer(e ast.Node) bool {
	return r.erasesHow(e) == ""
}

// erases says how an error returned on a failing branch loses the answer,
// or "".
func (r *rawCheck) erases(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		v, ok := r.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() == nil {
			return ""
		}
		if v.Parent() == v.Pkg().Scope() {
			return "returning " + v.Name() + " replaces the answer"
		}
		return "" // a local error made elsewhere: not followed
	case *ast.CallExpr:
		fn := r.l.Fn.Env.Callee(x)
		if fn == nil || fn.Pkg() == nil {
			return ""
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "fmt.Errorf", "errors.New":
			return r.erasesHow(x)
		}
		return "" // a constructor of the package's own: not followed
	}
	return ""
}

// erasesHow says how e (an error built with fmt.Errorf or errors.New, or a
// call that reports or ends the program) loses the answer: "" when it keeps it.
func (r *rawCheck) erasesHow(e ast.Node) string {
	body, descOnly, status, handed := false, false, false, false
	codeRead := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			for _, a := range n.Args {
				if r.isResp(a) {
					handed = true
				}
			}
		case *ast.SelectorExpr:
			switch r.respField(n) {
			case "StatusCode", "Status":
				status = true
				return false
			case "Body":
				body = true
				return false
			}
			if v := flow.IdentVar(r.info, n.X); v != nil && r.decoded[v] {
				if f, ok := r.info.Uses[n.Sel].(*types.Var); ok && f.IsField() {
					switch r.fieldRole(f, n.X) {
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
			if v, ok := r.info.Uses[n].(*types.Var); ok && r.body[v] {
				if r.decoded[v] && r.hasCodeField(n) {
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
		return ""
	case descOnly:
		return "an error with only the error_description replaces the answer"
	case status:
		return "an error with only the status replaces the answer"
	}
	return "a fixed error replaces the answer"
}

// endpoint names the endpoint for messages, in full ("the OAuth token
// endpoint (/services/oauth2/token)") and short ("the OAuth token
// endpoint"); codes are the first codes a caller should act on, keep what
// an error must keep of the answer.
func (r *rawCheck) endpoint() (name, short, codes, keep string) {
	ep := r.l.Endpoint
	base, _, _ := strings.Cut(ep.Name, " (")
	name, short = ep.Name, base
	if strings.HasSuffix(base, "endpoint") {
		name, short = "the "+ep.Name, "the "+base
	}
	if ep.Vocab == sfapi.SOAP {
		return name, short, firstCodes(r.c.must[sfapi.SOAP], "sf:"),
			"the <faultcode> and <faultstring> of its <soapenv:Fault>"
	}
	return name, short, firstCodes(r.c.must[sfapi.OAuth], ""), `its "error" and "error_description" fields`
}

func (r *rawCheck) reportUnchecked() {
	look := `its status or its "error" field`
	if r.l.Endpoint.Vocab == sfapi.SOAP {
		look = "its status or for a fault"
	}
	r.reportAbout(r.l.Expr, "unchecked", func(endpoint string) string {
		return fmt.Sprintf("the answer of %s is read without a look at %s", endpoint, look)
	}, func(keep string) string {
		return "Check resp.StatusCode (200) and, on failure, return an error that keeps " + keep
	}, "")
}

func (r *rawCheck) reportSwallowed(what string) {
	r.reportAbout(r.l.Expr, "swallowed", rejects(what), func(keep string) string {
		return "Return an error that keeps " + keep
	}, ", so the caller can act on the code")
}

func (r *rawCheck) reportErased(x ast.Expr, how string) {
	r.reportAbout(x, "erased", rejects(how), func(keep string) string {
		return "Keep " + keep + " in the error"
	}, ", so a caller learns the code")
}

// rejects is the first sentence "when <endpoint> rejects the login, <what>".
func rejects(what string) func(endpoint string) string {
	return func(endpoint string) string { return fmt.Sprintf("when %s rejects the login, %s", endpoint, what) }
}

// reportAbout reports at the node a message whose first sentence names the
// endpoint (in full, else shortened) and whose fix says what of the answer
// the error must keep: fix(keep)+why and the codes, else fix(keep) alone.
func (r *rawCheck) reportAbout(at ast.Node, category string, first func(endpoint string) string, fix func(keep string) string, why string) {
	name, short, codes, keep := r.endpoint()
	msg := pick([]string{first(name), first(short)}, fix(keep)+why+" ("+codes+")", fix(keep))
	r.c.report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: category, Message: msg})
}
