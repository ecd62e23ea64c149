package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file models the tests of fault codes: which code field an
// expression reads, which codes a switch or an if chain tells apart, and
// what the code after it does with the codes it does not list.

// SplitCode splits "sf:INVALID_LOGIN" into "sf:" and "INVALID_LOGIN", and
// says which vocabulary the bare code belongs to.
func SplitCode(s string) (prefix, bare string, v sfapi.Vocabulary) {
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

// CodeField returns the fault row when e reads the code field of a known
// fault type (through conversions: soapforce.ExceptionCode(f.Code)). With
// loose, a prefix stripped or the case changed (strings.TrimPrefix...) is
// looked through too.
func (env *Env) CodeField(e ast.Expr, loose bool) (*ast.SelectorExpr, *sfapi.Fault) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if tv, ok := env.Info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
			if fn := env.Callee(x); loose && fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && len(x.Args) >= 1 {
				switch fn.Name() {
				case "TrimPrefix", "TrimSpace", "ToUpper", "ToLower":
					e = x.Args[0]
					continue
				}
			}
			return nil, nil
		case *ast.SelectorExpr:
			if !IsCodeFieldOf(env.Info, env.Model, x) {
				return nil, nil
			}
			s, ok := env.Info.Selections[x]
			if !ok {
				return nil, nil
			}
			f := env.Model.FaultNamed(s.Recv())
			if f == nil || x.Sel.Name != f.CodeField {
				return nil, nil // go-force's ApiError.ErrorCode holds REST codes
			}
			return x, f
		default:
			return nil, nil
		}
	}
}

// Classification is a switch or if chain that tests fault codes (see
// ClassifySwitch and ClassifyIfs).
type Classification struct {
	At   ast.Node
	Kind string // "switch" or "if chain"
	// Subject is the code field tested (sfErr.ErrorCode); nil for the
	// error text.
	Subject    *ast.SelectorExpr
	Vocab      sfapi.Vocabulary
	Prefix     string
	Codes      []string // bare codes handled
	HasDefault bool
	Stops      bool // the default clause (final else) returns, panics or exits
	// bodies are the statement lists of the cases that test codes.
	bodies [][]ast.Stmt
}

// UnlistedApart reports whether the codes a Classification without a
// default does not list take another way than those it lists, by what the
// code after it does: the listed codes continue a retry and the others
// leave it (return err, break, exit), or a predicate returns true for the
// listed codes and false for the others (or the other way round). A
// label (return "other") says nothing of what its caller does.
func (env *Env) UnlistedApart(cl *Classification) bool {
	after := env.wayAfter(cl.At)
	if after == "" || after == "falls" || len(cl.bodies) == 0 {
		return false
	}
	leaves := after == "exit" || after == "break" || strings.HasPrefix(after, "return")
	retried, apartBool := true, isBoolReturn(after)
	for _, b := range cl.bodies {
		w := env.way(b)
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
func (env *Env) wayAfter(n ast.Node) string {
	for depth := 0; depth < 8; depth++ {
		p := env.Parent(n)
		list, ok := StmtList(p)
		if !ok {
			return ""
		}
		if rest := restAfter(list, n); len(rest) > 0 {
			return env.way(rest)
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

// StmtList returns the statement list n holds: a block's, or the body of
// a case or select clause; ok is false for any other node.
func StmtList(n ast.Node) (list []ast.Stmt, ok bool) {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List, true
	case *ast.CaseClause:
		return n.Body, true
	case *ast.CommClause:
		return n.Body, true
	}
	return nil, false
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
func (env *Env) way(list []ast.Stmt) string {
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
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && !env.MayReturn(call) {
			return "exit"
		}
	case *ast.BlockStmt:
		return env.way(s.List)
	}
	return "falls"
}

func (cl *Classification) add(code string) {
	if !slices.Contains(cl.Codes, code) {
		cl.Codes = append(cl.Codes, code)
	}
}

// setVocab records the vocabulary of a code test; false on a mix.
func (cl *Classification) setVocab(v sfapi.Vocabulary, prefix string) bool {
	if cl.Vocab != sfapi.NoCode && cl.Vocab != v {
		return false
	}
	cl.Vocab = v
	if prefix != "" {
		cl.Prefix = prefix
	}
	return true
}

// ClassifySwitch returns the classification a switch makes of fault codes:
// a switch on a code field, or one whose every case tests codes; nil when
// it makes none.
func (env *Env) ClassifySwitch(s *ast.SwitchStmt) *Classification {
	cl := &Classification{At: s, Kind: "switch"}
	var tagged *sfapi.Fault // the fault whose code field the switch is on
	if s.Tag != nil {
		sel, f := env.CodeField(s.Tag, true)
		if sel == nil {
			return nil
		}
		cl.Subject, tagged = sel, f
		cl.Vocab, cl.Prefix = f.Vocab, f.Prefix
	}
	for _, st := range s.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		if cc.List == nil {
			cl.HasDefault, cl.Stops = true, env.stops(cc.Body)
			continue
		}
		tested := false
		for _, x := range cc.List {
			if tagged == nil {
				tested = env.codeTests(x, cl) || tested
			} else if str, ok := ConstString(env.Info, x); ok {
				if _, bare, v := SplitCode(str); v == tagged.Vocab {
					cl.add(bare)
				}
			}
		}
		if tagged == nil && !tested {
			return nil
		}
		cl.bodies = append(cl.bodies, cc.Body)
	}
	return cl
}

// ClassifyIfs returns the classification an if chain makes of fault codes,
// when every condition tests codes and there are two tests or a final else;
// nil otherwise.
func (env *Env) ClassifyIfs(s *ast.IfStmt) *Classification {
	// Most ifs test no code: the chain is looked at in a local value and
	// copied out only when it classifies.
	var local Classification
	cl := &local
	cl.At, cl.Kind = s, "if chain"
	conds := 0
	for cur := s; cur != nil; {
		if !env.codeTests(cur.Cond, cl) {
			return nil
		}
		conds++
		cl.bodies = append(cl.bodies, cur.Body.List)
		switch e := cur.Else.(type) {
		case *ast.IfStmt:
			cur = e
		case *ast.BlockStmt:
			cl.HasDefault, cl.Stops = true, env.stops(e.List)
			cur = nil
		default:
			cur = nil
		}
	}
	if conds < 2 && !cl.HasDefault {
		return nil
	}
	out := new(Classification)
	*out = local
	return out
}

// codeTests adds the codes tested in e to cl; it reports whether e tests any
// (of one vocabulary).
func (env *Env) codeTests(e ast.Expr, cl *Classification) bool {
	found, mixed := false, false
	test := func(subject, k ast.Expr, text bool) {
		str, ok := ConstString(env.Info, k)
		if !ok {
			return
		}
		prefix, bare, v := SplitCode(str)
		if v == sfapi.NoCode {
			return
		}
		if sel, f := env.CodeField(subject, true); sel != nil {
			if v != f.Vocab {
				return
			}
			if cl.Subject == nil {
				cl.Subject = sel
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
	env.StringTests(e, func(subject, k, _ ast.Expr, text bool) { test(subject, k, text) })
	return found && !mixed
}

// StringTests calls f for each test of a string against another in n,
// outside function literals: x == k and x != k (both ways round, text
// false), and strings.Contains, HasPrefix, HasSuffix, EqualFold and Index
// (text true); at is the comparison or the call.
func (env *Env) StringTests(n ast.Node, f func(subject, k, at ast.Expr, text bool)) {
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
			fn := env.Callee(m)
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
func (env *Env) stops(body []ast.Stmt) bool {
	w := env.way(body)
	return w == "exit" || strings.HasPrefix(w, "return")
}
