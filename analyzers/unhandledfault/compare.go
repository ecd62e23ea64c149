package unhandledfault

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/redact"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file checks the comparisons of fault codes (case 4: a comparison that
// is always false) and the classifications built from them (case 5: a
// switch or if chain that handles none of the codes on which a login must
// stop).

// loginOnly are the SOAP codes only login() answers. Libraries that use one
// error type for SOAP login faults and REST errors (simpleforce) hold REST
// codes such as INVALID_SESSION_ID without a prefix, so an unprefixed
// comparison is only certainly wrong for these codes (or for the library's
// own typed code constants).
var loginOnly = map[string]bool{
	"INVALID_LOGIN": true, "PASSWORD_LOCKOUT": true, "LOGIN_MUST_USE_SECURITY_TOKEN": true,
	"LOGIN_CHALLENGE_ISSUED": true, "LOGIN_CHALLENGE_PENDING": true,
	"LOGIN_DURING_RESTRICTED_DOMAIN": true, "LOGIN_DURING_RESTRICTED_TIME": true,
}

// checkCodes walks the files once for the tests of fault codes: it reports
// the comparisons that are always false (case 4) as it meets them, then the
// classifications that handle none of the codes on which a login must stop
// (case 5).
func (c *checker) checkCodes() {
	var cls []*flow.Classification
	var elseIfs map[*ast.IfStmt]bool // the ifs that continue a chain (else if)
	nodes := c.res.Env.Nodes()
	for _, file := range c.res.Files() {
		nodes.Each(file, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					c.compare(n.X, n.Y, n.Op == token.NEQ)
					c.compare(n.Y, n.X, n.Op == token.NEQ)
				}
			case *ast.CallExpr:
				if len(n.Args) != 2 {
					break
				}
				if name := flow.CalledName(n); name != "EqualFold" && name != "HasPrefix" {
					break
				}
				if fn := c.res.Env.Callee(n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
					switch fn.Name() {
					case "EqualFold":
						c.compare(n.Args[0], n.Args[1], false)
						c.compare(n.Args[1], n.Args[0], false)
					case "HasPrefix":
						c.compare(n.Args[0], n.Args[1], false)
					}
				}
			case *ast.SwitchStmt:
				if n.Tag != nil {
					for _, s := range n.Body.List {
						if cc, ok := s.(*ast.CaseClause); ok {
							for _, x := range cc.List {
								c.compare(n.Tag, x, false)
							}
						}
					}
				}
				if cl := c.res.Env.ClassifySwitch(n); cl != nil {
					cls = append(cls, cl)
				}
			case *ast.IfStmt:
				if next, ok := n.Else.(*ast.IfStmt); ok {
					if elseIfs == nil {
						elseIfs = map[*ast.IfStmt]bool{}
					}
					elseIfs[next] = true
				}
				if elseIfs[n] {
					return // part of a chain seen from its head
				}
				if cl := c.res.Env.ClassifyIfs(n); cl != nil {
					cls = append(cls, cl)
				}
			}
		})
	}
	for _, cl := range cls {
		c.checkClassification(cl)
	}
}

// compare checks the comparison of subject with the constant k.
func (c *checker) compare(subject, k ast.Expr, negated bool) {
	sel, f := c.res.Env.CodeField(subject, false)
	if sel == nil {
		return
	}
	s, ok := flow.ConstString(c.info, k)
	if !ok {
		return
	}
	prefix, bare, v := flow.SplitCode(s)
	if v == sfapi.NoCode {
		return
	}
	always := "false"
	if negated {
		always = "true"
	}
	field := redact.Expr(c.info, sel)
	faultName := (&sfapi.Fault{Pkg: f.Pkg, Type: f.Type, Pointer: f.Pointer}).Name()
	if v != f.Vocab {
		var msg string
		if f.Vocab == sfapi.OAuth {
			msg = pick([]string{
				fmt.Sprintf("%s on %s holds OAuth error codes, never the SOAP code %q: this comparison is always %s", field, faultName, s, always),
				fmt.Sprintf("%s holds OAuth error codes, never the SOAP code %q: this comparison is always %s", field, s, always),
				fmt.Sprintf("%s never holds the SOAP code %q: this comparison is always %s", field, s, always),
			},
				fmt.Sprintf("Compare with an OAuth error: rejected credentials (wrong password, lockout, missing security token) are %q", "invalid_grant"),
				fmt.Sprintf("Compare with an OAuth error: rejected credentials are %q", "invalid_grant"),
			)
		} else {
			msg = pick([]string{
				fmt.Sprintf("%s on %s holds SOAP faultcodes, never the OAuth error %q: this comparison is always %s", field, faultName, s, always),
				fmt.Sprintf("%s holds SOAP faultcodes, never the OAuth error %q: this comparison is always %s", field, s, always),
				fmt.Sprintf("%s never holds the OAuth error %q: this comparison is always %s", field, s, always),
			},
				fmt.Sprintf("Compare with a SOAP faultcode: rejected credentials are %q", f.Prefix+"INVALID_LOGIN"),
			)
		}
		c.report(analysis.Diagnostic{Pos: k.Pos(), End: k.End(), Category: "comparison", Message: msg})
		return
	}
	if f.Prefix == "" || prefix == f.Prefix {
		return
	}
	if prefix == "" && !loginOnly[bare] && !c.ownConstant(k, sel) {
		return // maybe a REST errorCode, which carries no prefix
	}
	want := f.Prefix + bare
	msg := pick([]string{
		fmt.Sprintf("%s holds %q on %s, so comparing it with %q is always %s", field, want, faultName, s, always),
		fmt.Sprintf("%s holds %q, so comparing it with %q is always %s", field, want, s, always),
		fmt.Sprintf("comparing %s with %q is always %s", field, s, always),
	},
		fmt.Sprintf("Compare with %q: the library keeps the SOAP faultcode's %q prefix", want, f.Prefix),
		fmt.Sprintf("Compare with %q", want),
	)
	c.report(analysis.Diagnostic{Pos: k.Pos(), End: k.End(), Category: "comparison", Message: msg,
		SuggestedFixes: []analysis.SuggestedFix{prefixFix(k, prefix, want, f.Prefix)}})
}

// ownConstant reports whether the constant k has a named type declared in
// the package of the fault type read by sel (soapforce.ExceptionCode).
func (c *checker) ownConstant(k ast.Expr, sel *ast.SelectorExpr) bool {
	n, ok := types.Unalias(c.info.TypeOf(k)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	s, ok := c.info.Selections[sel]
	if !ok {
		return false
	}
	t := s.Recv()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	fn, ok := types.Unalias(t).(*types.Named)
	return ok && fn.Obj().Pkg() != nil && fn.Obj().Pkg().Path() == n.Obj().Pkg().Path()
}

// prefixFix compares with the prefixed code want: it inserts the missing
// prefix into a literal, and replaces anything else (a constant, a literal
// with another prefix) with the right literal.
func prefixFix(k ast.Expr, prefix, want, faultPrefix string) analysis.SuggestedFix {
	fix := analysis.SuggestedFix{Message: fmt.Sprintf("Compare with %q", want)}
	if lit, ok := ast.Unparen(k).(*ast.BasicLit); ok && lit.Kind == token.STRING && prefix == "" {
		at := lit.Pos() + 1 // after the opening quote
		fix.TextEdits = []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(faultPrefix)}}
		return fix
	}
	fix.TextEdits = []analysis.TextEdit{{Pos: k.Pos(), End: k.End(), NewText: []byte(strconv.Quote(want))}}
	return fix
}

// ---- case 5: classifications ----

func (c *checker) checkClassification(cl *flow.Classification) {
	if cl.Vocab == sfapi.NoCode || len(cl.Codes) == 0 {
		return
	}
	about := false
	for _, code := range cl.Codes {
		if code != "INVALID_SESSION_ID" {
			about = true
		}
	}
	if !about || (len(cl.Codes) < 2 && !cl.HasDefault) {
		return // a single test (isSessionExpired) is a predicate, not a classification
	}
	must := c.must[cl.Vocab]
	for _, code := range cl.Codes {
		if slices.Contains(must, code) {
			return
		}
	}
	if c.cfg.DefaultCounts && cl.HasDefault && cl.Stops {
		return
	}
	if !cl.HasDefault && c.res.Env.UnlistedApart(cl) {
		return // the codes it does not list take another way: they are classified
	}
	pre := func(codes []string) string {
		out := make([]string, len(codes))
		for i, code := range codes {
			out[i] = cl.Prefix + code
		}
		return strings.Join(out, ", ")
	}
	where := "they fall through it unhandled"
	if cl.HasDefault {
		where = "they end up in its default, treated like every other failure"
	}
	subject := "the error text"
	if cl.Subject != nil {
		subject = redact.Expr(c.info, cl.Subject)
	}
	msg := pick([]string{
		fmt.Sprintf("%s on %s handles only %s, none on which a login must stop", cl.Kind, subject, pre(cl.Codes)),
		fmt.Sprintf("%s on %s handles none of the codes on which a login must stop", cl.Kind, subject),
	},
		fmt.Sprintf("Add a case that stops on %s: %s", firstCodes(must, cl.Prefix), where),
		fmt.Sprintf("Add a case that stops on %s", firstCodes(must, cl.Prefix)),
	)
	c.report(analysis.Diagnostic{Pos: cl.At.Pos(), End: cl.At.Pos() + token.Pos(len(keyword(cl.At))), Category: "unswitched", Message: msg})
}

func keyword(n ast.Node) string {
	if _, ok := n.(*ast.SwitchStmt); ok {
		return "switch"
	}
	return "if"
}

// wrongVocabText reports, inside an inspection of the login error's text, a
// test for a code the error never holds: a code of the other vocabulary, or
// any code at all when the library (in the version loaded) keeps none.
func (c *checker) wrongVocabText(l *flow.Login, st flow.State, n ast.Node, cd coding) {
	if cd.Vocab != sfapi.SOAP && cd.Vocab != sfapi.OAuth {
		return
	}
	check := func(subject, k ast.Expr, at ast.Expr) {
		if !l.Mentions(st, subject) {
			return
		}
		if sel, _ := c.res.Env.CodeField(subject, true); sel != nil {
			return // a code field: checkComparisons sees it
		}
		str, ok := flow.ConstString(c.info, k)
		if !ok {
			return
		}
		_, bare, v := flow.SplitCode(str)
		if v == sfapi.NoCode {
			return
		}
		var msg string
		switch {
		case !cd.coded():
			var fixes []string
			switch {
			case cd.Upgrade != "":
				fixes = []string{
					fmt.Sprintf("Test err != nil alone, or %s: %s keeps no fault code, not even in the text", cd.Upgrade, cd.Loaded),
					fmt.Sprintf("Test err != nil alone, or %s", cd.Upgrade),
				}
			case cd.Lost != "":
				fixes = []string{"Test err != nil alone: " + cd.Lost}
			}
			fixes = append(fixes, "Test err != nil alone: the library keeps no fault code, not even in the error's text")
			msg = say(l.Call, []func(string) string{
				func(n string) string {
					return fmt.Sprintf("the error of %s never mentions %q, so this test is always false", n, bare)
				},
			}, fixes...)
		case v == cd.Vocab:
			return
		case cd.Vocab == sfapi.OAuth:
			msg = say(l.Call, []func(string) string{
				func(n string) string {
					return fmt.Sprintf("the error of %s never mentions the SOAP code %q, so this test is always false", n, bare)
				},
				func(n string) string {
					return fmt.Sprintf("testing the error of %s for the SOAP code %q is always false", n, bare)
				},
			}, fmt.Sprintf("Test for an OAuth error (%s): rejected credentials are %q", firstCodes(sfapi.OAuthCodes, ""), "invalid_grant"))
		default:
			msg = say(l.Call, []func(string) string{
				func(n string) string {
					return fmt.Sprintf("the error of %s never mentions the OAuth error %q, so this test is always false", n, bare)
				},
				func(n string) string {
					return fmt.Sprintf("testing the error of %s for the OAuth error %q is always false", n, bare)
				},
			}, fmt.Sprintf("Test for a SOAP ExceptionCode (%s)", firstCodes(sfapi.SOAPCodes, "")))
		}
		c.report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: "comparison", Message: msg})
	}
	c.res.Env.StringTests(n, func(subject, k, at ast.Expr, _ bool) { check(subject, k, at) })
}
