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

	"github.com/sflint/sflint/internal/astwalk"
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

// splitCode splits "sf:INVALID_LOGIN" into "sf:" and "INVALID_LOGIN", and
// says which vocabulary the bare code belongs to.
func splitCode(s string) (prefix, bare string, v sfapi.Vocabulary) {
	bare = s
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		prefix, bare = s[:i+1], s[i+1:]
	}
	switch {
	case slices.Contains(sfapi.SOAPCodes, bare):
		v = sfapi.SOAP
	case slices.Contains(sfapi.OAuthCodes, bare):
		v = sfapi.OAuth
	}
	return prefix, bare, v
}

// codeField returns the fault row when e reads the code field of a known
// fault type (through conversions: soapforce.ExceptionCode(f.Code)). With
// loose, a prefix stripped or the case changed (strings.TrimPrefix...) is
// looked through too.
func (c *checker) codeField(e ast.Expr, loose bool) (*ast.SelectorExpr, *sfapi.Fault) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
			if fn := callee(c.info, x); loose && fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && len(x.Args) >= 1 {
				switch fn.Name() {
				case "TrimPrefix", "TrimSpace", "ToUpper", "ToLower":
					e = x.Args[0]
					continue
				}
			}
			return nil, nil
		case *ast.SelectorExpr:
			if !flow.IsCodeFieldOf(c.info, c.res.Model, x) {
				return nil, nil
			}
			s, ok := c.info.Selections[x]
			if !ok {
				return nil, nil
			}
			f := c.res.Model.FaultNamed(s.Recv())
			if f == nil || x.Sel.Name != f.CodeField {
				return nil, nil // go-force's ApiError.ErrorCode holds REST codes
			}
			return x, f
		default:
			return nil, nil
		}
	}
}

// checkCodes walks the files once for the tests of fault codes: it reports
// the comparisons that are always false (case 4) as it meets them, then the
// classifications that handle none of the codes on which a login must stop
// (case 5).
func (c *checker) checkCodes() {
	var cls []*classification
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
				if name := calledName(n); name != "EqualFold" && name != "HasPrefix" {
					break
				}
				if fn := callee(c.info, n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
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
				if cl := c.classifySwitch(n); cl != nil {
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
				if cl := c.classifyIfs(n); cl != nil {
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
	sel, f := c.codeField(subject, false)
	if sel == nil {
		return
	}
	s, ok := constString(c.info, k)
	if !ok {
		return
	}
	prefix, bare, v := splitCode(s)
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

// classification is a switch or if chain that tests fault codes.
type classification struct {
	at         ast.Node
	kind       string // "switch" or "if chain"
	subject    string // "sfErr.ErrorCode"; "" for the error text
	vocab      sfapi.Vocabulary
	prefix     string
	codes      []string // bare codes handled
	hasDefault bool
	stops      bool // the default clause (final else) returns, panics or exits
	// bodies are the statement lists of the cases that test codes.
	bodies [][]ast.Stmt
}

func (c *checker) checkClassification(cl *classification) {
	if cl.vocab == sfapi.NoCode || len(cl.codes) == 0 {
		return
	}
	about := false
	for _, code := range cl.codes {
		if code != "INVALID_SESSION_ID" {
			about = true
		}
	}
	if !about || (len(cl.codes) < 2 && !cl.hasDefault) {
		return // a single test (isSessionExpired) is a predicate, not a classification
	}
	must := c.must[cl.vocab]
	for _, code := range cl.codes {
		if slices.Contains(must, code) {
			return
		}
	}
	if c.cfg.DefaultCounts && cl.hasDefault && cl.stops {
		return
	}
	if !cl.hasDefault && c.unlistedApart(cl) {
		return // the codes it does not list take another way: they are classified
	}
	pre := func(codes []string) string {
		out := make([]string, len(codes))
		for i, code := range codes {
			out[i] = cl.prefix + code
		}
		return strings.Join(out, ", ")
	}
	where := "they fall through it unhandled"
	if cl.hasDefault {
		where = "they end up in its default, treated like every other failure"
	}
	subject := cl.subject
	if subject == "" {
		subject = "the error text"
	}
	msg := pick([]string{
		fmt.Sprintf("%s on %s handles only %s, none on which a login must stop", cl.kind, subject, pre(cl.codes)),
		fmt.Sprintf("%s on %s handles none of the codes on which a login must stop", cl.kind, subject),
	},
		fmt.Sprintf("Add a case that stops on %s: %s", firstCodes(must, cl.prefix), where),
		fmt.Sprintf("Add a case that stops on %s", firstCodes(must, cl.prefix)),
	)
	c.report(analysis.Diagnostic{Pos: cl.at.Pos(), End: cl.at.Pos() + token.Pos(len(keyword(cl.at))), Category: "unswitched", Message: msg})
}

// unlistedApart reports whether the codes a classification without a
// default does not list take another way than those it lists, by what the
// code after it does: the listed codes continue a retry and the others
// leave it (return err, break, exit), or a predicate returns true for the
// listed codes and false for the others (or the other way round). A
// label (return "other") says nothing of what its caller does.
func (c *checker) unlistedApart(cl *classification) bool {
	after := c.wayAfter(cl.at)
	if after == "" || after == "falls" || len(cl.bodies) == 0 {
		return false
	}
	leaves := after == "exit" || after == "break" || strings.HasPrefix(after, "return")
	retried, apartBool := true, isBoolReturn(after)
	for _, b := range cl.bodies {
		w := c.way(b)
		if w == "falls" {
			w = after // a case that falls through goes the unlisted codes' way
		}
		retried = retried && w == "continue"
		apartBool = apartBool && isBoolReturn(w) && w != after
	}
	// The listed codes retry and the others leave the retry, or a
	// predicate answers the listed codes one way and the others the other.
	return (leaves && retried) || apartBool
}

func isBoolReturn(way string) bool { return way == "return true" || way == "return false" }

// wayAfter says how the code after statement n goes on: the way its
// statement list ends, or, at the end of the list, the way of the code
// after the statement holding the list ("continue" at the end of a loop's
// body, "return" at the end of a function's).
func (c *checker) wayAfter(n ast.Node) string {
	env := c.res.Env
	for depth := 0; depth < 8; depth++ {
		var list []ast.Stmt
		p := env.Parent(n)
		switch p := p.(type) {
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		case *ast.CommClause:
			list = p.Body
		default:
			return ""
		}
		if rest := restAfter(list, n); len(rest) > 0 {
			return c.way(rest)
		}
		// The end of the list: what holds it decides.
		holder := env.Parent(p)
		switch holder.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return "continue"
		case *ast.FuncDecl, *ast.FuncLit:
			return "return"
		case *ast.IfStmt:
			n = holder
		case *ast.BlockStmt: // a case clause's switch body
			n = env.Parent(holder)
		default:
			if _, ok := p.(*ast.BlockStmt); ok {
				n = p // a bare block
				continue
			}
			return ""
		}
	}
	return ""
}

// restAfter returns the statements that follow s in list.
func restAfter(list []ast.Stmt, s ast.Node) []ast.Stmt {
	for i, x := range list {
		if x == s {
			return list[i+1:]
		}
	}
	return nil
}

// way says how a statement list ends, for telling two ways apart: the
// return with its values, an exit, a branch, or "falls" when it goes on.
func (c *checker) way(list []ast.Stmt) string {
	if len(list) == 0 {
		return "falls"
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		var b strings.Builder
		b.WriteString("return")
		for _, r := range s.Results {
			b.WriteString(" " + types.ExprString(r))
		}
		return b.String()
	case *ast.BranchStmt:
		return s.Tok.String()
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && !c.res.Env.MayReturn(call) {
			return "exit"
		}
	case *ast.BlockStmt:
		return c.way(s.List)
	}
	return "falls"
}

func keyword(n ast.Node) string {
	if _, ok := n.(*ast.SwitchStmt); ok {
		return "switch"
	}
	return "if"
}

func (cl *classification) add(code string) {
	if !slices.Contains(cl.codes, code) {
		cl.codes = append(cl.codes, code)
	}
}

// setVocab records the vocabulary of a code test; false on a mix.
func (cl *classification) setVocab(v sfapi.Vocabulary, prefix string) bool {
	if cl.vocab != sfapi.NoCode && cl.vocab != v {
		return false
	}
	cl.vocab = v
	if prefix != "" {
		cl.prefix = prefix
	}
	return true
}

func (c *checker) classifySwitch(s *ast.SwitchStmt) *classification {
	cl := &classification{at: s, kind: "switch"}
	if s.Tag != nil {
		sel, f := c.codeField(s.Tag, true)
		if sel == nil {
			return nil
		}
		cl.subject = redact.Expr(c.info, sel)
		cl.vocab, cl.prefix = f.Vocab, f.Prefix
		for _, st := range s.Body.List {
			cc, ok := st.(*ast.CaseClause)
			if !ok {
				continue
			}
			if cc.List == nil {
				cl.hasDefault, cl.stops = true, stops(c.res.Env, cc.Body)
			} else {
				cl.bodies = append(cl.bodies, cc.Body)
			}
			for _, x := range cc.List {
				if str, ok := constString(c.info, x); ok {
					if _, bare, v := splitCode(str); v == f.Vocab {
						cl.add(bare)
					}
				}
			}
		}
		return cl
	}
	for _, st := range s.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		if cc.List == nil {
			cl.hasDefault, cl.stops = true, stops(c.res.Env, cc.Body)
			continue
		}
		tested := false
		for _, x := range cc.List {
			if c.codeTests(x, cl) {
				tested = true
			}
		}
		if !tested {
			return nil
		}
		cl.bodies = append(cl.bodies, cc.Body)
	}
	return cl
}

func (c *checker) classifyIfs(s *ast.IfStmt) *classification {
	// Most ifs test no code: the chain is looked at in a local value and
	// copied out only when it classifies.
	var local classification
	cl := &local
	cl.at, cl.kind = s, "if chain"
	conds := 0
	for cur := s; cur != nil; {
		if !c.codeTests(cur.Cond, cl) {
			return nil
		}
		conds++
		cl.bodies = append(cl.bodies, cur.Body.List)
		switch e := cur.Else.(type) {
		case *ast.IfStmt:
			cur = e
		case *ast.BlockStmt:
			cl.hasDefault, cl.stops = true, stops(c.res.Env, e.List)
			cur = nil
		default:
			cur = nil
		}
	}
	if conds < 2 && !cl.hasDefault {
		return nil
	}
	out := new(classification)
	*out = local
	return out
}

// codeTests adds the codes tested in e to cl; it reports whether e tests any
// (of one vocabulary).
func (c *checker) codeTests(e ast.Expr, cl *classification) bool {
	found, mixed := false, false
	test := func(subject, k ast.Expr, text bool) {
		str, ok := constString(c.info, k)
		if !ok {
			return
		}
		prefix, bare, v := splitCode(str)
		if v == sfapi.NoCode {
			return
		}
		if sel, f := c.codeField(subject, true); sel != nil {
			if v != f.Vocab {
				return
			}
			if cl.subject == "" {
				cl.subject = redact.Expr(c.info, sel)
			}
			prefix = f.Prefix
		} else if !text {
			return
		}
		if !cl.setVocab(v, prefix) {
			mixed = true
			return
		}
		cl.add(bare)
		found = true
	}
	c.stringTests(e, func(subject, k, _ ast.Expr, text bool) { test(subject, k, text) })
	return found && !mixed
}

// stringTests calls f for each test of a string against another in n,
// outside function literals: x == k and x != k (both ways round, text
// false), and strings.Contains, HasPrefix, HasSuffix, EqualFold and Index
// (text true); at is the comparison or the call.
func (c *checker) stringTests(n ast.Node, f func(subject, k, at ast.Expr, text bool)) {
	astwalk.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if m.Op == token.EQL || m.Op == token.NEQ {
				f(m.X, m.Y, m, false)
				f(m.Y, m.X, m, false)
			}
		case *ast.CallExpr:
			fn := callee(c.info, m)
			if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && len(m.Args) == 2 {
				switch fn.Name() {
				case "Contains", "HasPrefix", "HasSuffix", "EqualFold", "Index":
					f(m.Args[0], m.Args[1], m, true)
				}
			}
		}
		return true
	})
}

// stops reports whether a clause body ends by leaving: a return, a panic or
// a call that does not return.
func stops(env *flow.Env, body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	switch s := body[len(body)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			return !env.MayReturn(call)
		}
	case *ast.BlockStmt:
		return stops(env, s.List)
	}
	return false
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
		if sel, _ := c.codeField(subject, true); sel != nil {
			return // a code field: checkComparisons sees it
		}
		str, ok := constString(c.info, k)
		if !ok {
			return
		}
		_, bare, v := splitCode(str)
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
	c.stringTests(n, func(subject, k, at ast.Expr, _ bool) { check(subject, k, at) })
}
