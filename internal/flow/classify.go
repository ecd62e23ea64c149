package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/sflint/sflint/internal/sfapi"
)

// This file answers where a login's failure is classified: where the code
// looks at what the failure is, beyond whether there was one. Inspecting
// the fault code (errors.go) is one way; a retry also counts a predicate on
// the error (isTransient(err), netErr.Timeout()), errors.Is against a
// sentinel, errors.As or a type assertion into any type, matching the
// error's text, or, for a raw OAuth request, telling a 4xx answer from a
// 5xx one. Whether there was a failure (err != nil, status == 200), an
// attempt counter and ctx.Done() are not.

// classifier is what a login's classification questions share: the
// variables holding the failure (flow-insensitively) and those holding a
// classification of it.
type classifier struct {
	l        *Login // nil for a predicate on an error (see predicateClassifies)
	env      *Env
	taint    map[*types.Var]bool // variables holding the failure or something made from it
	classes  map[*types.Var]bool // booleans and strings holding a classification (retryable := isTransient(err))
	oauthRaw bool
}

func (l *Login) classifier() *classifier {
	k := &classifier{l: l, env: l.Fn.Env, taint: map[*types.Var]bool{}, classes: map[*types.Var]bool{},
		oauthRaw: l.Raw && l.Endpoint.Vocab == sfapi.OAuth}
	for _, v := range l.track {
		if v != l.HolderVar || l.Raw {
			k.taint[v] = true
		}
	}
	// Variables assigned a classification: only those assigned from the
	// failure (or from another classification) can be, so the search
	// follows the assignments from the failure's variables.
	var queue []*types.Var
	for v := range k.taint {
		queue = append(queue, v)
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range l.Fn.Derived(v) {
			if k.classes[w] || !isBoolOrString(w.Type()) {
				continue
			}
			for _, d := range l.Fn.Defs(w) {
				if d.Rhs != nil && k.classifies(d.Rhs) {
					k.classes[w] = true
					queue = append(queue, w)
					break
				}
			}
		}
	}
	return k
}

func isBoolOrString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsString) != 0
}

// mentions reports whether n reads one of the variables.
func (k *classifier) mentions(n ast.Node, set map[*types.Var]bool) bool {
	if n == nil || len(set) == 0 {
		return false
	}
	return Any(n, false, func(m ast.Node) bool {
		id, ok := m.(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := k.env.Info.Uses[id].(*types.Var)
		return ok && set[v]
	})
}

// failure reports whether n reads the failure: a variable holding it or
// something made from it, or the login call itself.
func (k *classifier) failure(n ast.Node) bool {
	return n != nil && (k.mentions(n, k.taint) || (k.l != nil && Contains(n, k.l.Expr)))
}

// classifies reports whether an expression looks at what the failure is.
func (k *classifier) classifies(e ast.Node) bool {
	if e == nil {
		return false
	}
	if k.mentions(e, k.classes) {
		return true
	}
	found := Any(e, true, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			return k.callClassifies(n)
		case *ast.TypeAssertExpr:
			return k.failure(n.X)
		case *ast.BinaryExpr:
			return k.compareClassifies(n)
		}
		return false
	})
	return found || (k.failure(e) && Inspects(k.env, e))
}

func (k *classifier) callClassifies(call *ast.CallExpr) bool {
	env := k.env
	fn := env.Callee(call)
	if fn == nil {
		return false
	}
	pkg, recv, name := sfapi.FuncKey(fn)
	anyArg := func() bool {
		for _, a := range call.Args {
			if k.failure(a) {
				return true
			}
		}
		return false
	}
	switch {
	case pkg == "errors" && name == "As" && len(call.Args) == 2:
		return k.failure(call.Args[0])
	case pkg == "errors" && name == "Is" && len(call.Args) == 2:
		x, y := call.Args[0], call.Args[1]
		if !k.failure(x) {
			x, y = y, x
		}
		return k.failure(x) && !isNil(env.Info, y) && !isContextErr(env.Info, y)
	case (pkg == "strings" || pkg == "bytes") && recv == "":
		switch name {
		case "Contains", "ContainsAny", "HasPrefix", "HasSuffix", "EqualFold", "Index", "Compare", "Equal":
			return anyArg()
		}
		return false
	case pkg == "regexp" && recv == "Regexp" && strings.HasPrefix(name, "Match"):
		return anyArg()
	}
	if env.IsClassifier(fn) || env.Model.IsClassifier(fn) {
		return anyArg()
	}
	// A predicate about the error: isTransient(err), netErr.Timeout(), oe.Temporary().
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) {
		return false
	}
	operands := append([]ast.Expr(nil), call.Args...)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sig.Recv() != nil {
		operands = append(operands, sel.X)
	}
	for _, o := range operands {
		if k.failure(o) && ImplementsError(env.Info.TypeOf(o)) {
			return true
		}
	}
	return false
}

func (k *classifier) compareClassifies(b *ast.BinaryExpr) bool {
	info := k.env.Info
	switch b.Op {
	case token.EQL, token.NEQ:
		for _, p := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			x, y := p[0], p[1]
			if k.failure(x) && ImplementsError(info.TypeOf(x)) && !isNil(info, y) && !isContextErr(info, y) {
				return true // err == simpleforce.ErrAuthentication
			}
		}
	}
	if k.oauthRaw {
		if c, op, ok := k.statusCompare(b); ok {
			return statusClassifies(op, c)
		}
	}
	return false
}

// statusCompare matches `resp.StatusCode OP constant` on the raw login's
// answer, whatever the path knows.
func (k *classifier) statusCompare(b *ast.BinaryExpr) (int64, token.Token, bool) {
	if k.l == nil {
		return 0, 0, false
	}
	all := State{Carry: ^uint64(0)}
	return k.l.statusCompare(all, b)
}

// statusClassifies: a comparison that tells some 4xx or 5xx answers from
// others (status == 400, status >= 500), not one that only tells success
// from failure (status == 200, status >= 300, status >= 400).
func statusClassifies(op token.Token, c int64) bool {
	if op == token.EQL || op == token.NEQ {
		return c >= 400
	}
	t := c
	if op == token.GTR || op == token.LEQ {
		t = c + 1
	}
	return t > 400
}

// tagClassifies: `switch fault.Code`, `switch err { case ErrX: }`, `switch
// resp.StatusCode { case 400: }` (OAuth), `switch code(err) { case "sf:...": }`.
func (k *classifier) tagClassifies(sw *ast.SwitchStmt) bool {
	info := k.env.Info
	if k.mentions(sw.Tag, k.classes) {
		return true
	}
	if !k.failure(sw.Tag) {
		return false
	}
	if k.classifies(sw.Tag) {
		return true
	}
	tagErr := ImplementsError(info.TypeOf(sw.Tag))
	status := false
	if sel, ok := ast.Unparen(sw.Tag).(*ast.SelectorExpr); ok && k.oauthRaw && sel.Sel.Name == "StatusCode" {
		status = true
	}
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, e := range cc.List {
			tv := info.Types[e]
			switch {
			case tagErr && !isNil(info, e) && !isContextErr(info, e):
				return true
			case status && tv.Value != nil && tv.Value.Kind() == constant.Int:
				if c, ok := constant.Int64Val(tv.Value); ok && c >= 400 {
					return true
				}
			case tv.Value != nil && tv.Value.Kind() == constant.String && sfapi.ContainsCode(constant.StringVal(tv.Value)):
				return true
			}
		}
	}
	return false
}

// switchClassifies reports whether a switch (with or without a tag) or a
// type switch decides on what the failure is.
func (k *classifier) switchClassifies(sw ast.Stmt) bool {
	switch sw := sw.(type) {
	case *ast.SwitchStmt:
		if sw.Tag != nil {
			return k.tagClassifies(sw)
		}
		for _, s := range sw.Body.List {
			if cc, ok := s.(*ast.CaseClause); ok {
				for _, e := range cc.List {
					if k.classifies(e) {
						return true
					}
				}
			}
		}
	case *ast.TypeSwitchStmt:
		return k.failure(TypeSwitchSubject(sw))
	}
	return false
}

var errorIface = errorType.Underlying().(*types.Interface)

// ImplementsError reports whether t implements error.
func ImplementsError(t types.Type) bool { return t != nil && types.Implements(t, errorIface) }

// isContextErr reports whether e is context.Canceled or context.DeadlineExceeded.
func isContextErr(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "context" && (v.Name() == "Canceled" || v.Name() == "DeadlineExceeded")
}
