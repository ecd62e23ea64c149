package unhandledfault

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// This file tracks the values derived from a login error inside one
// function: its aliases, the typed fault, and its text.

// valKind is what a value derived from the login error is.
type valKind uint8

const (
	valNone  valKind = iota
	valOrig          // the error itself (an alias, or wrapped with %w)
	valFault         // the typed fault (errors.As target, type assertion)
	valText          // text made from it (err.Error(), fmt.Sprint(err), a string field)
)

// vars are the local variables holding values derived from the login error.
type vars struct {
	kind map[*types.Var]valKind
}

func (vs *vars) of(v *types.Var) valKind { return vs.kind[v] }

// track computes, flow-insensitively, the variables of f that hold the
// error in errVar or a value derived from it.
func (c *checker) track(f *function, errVar *types.Var) *vars {
	vs := &vars{kind: map[*types.Var]valKind{}}
	if errVar != nil {
		vs.kind[errVar] = valOrig
	}
	set := func(e ast.Expr, k valKind) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || k == valNone {
			return false
		}
		v := c.localVar(id)
		if v == nil || vs.kind[v] != valNone {
			return false
		}
		vs.kind[v] = k
		return true
	}
	c.scan(f)
	for round := 0; round < 10; round++ {
		changed := false
		for _, n := range f.flows {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						changed = set(n.Lhs[i], c.kindOf(vs, n.Rhs[i])) || changed
					}
				} else if len(n.Rhs) == 1 {
					if ta, ok := ast.Unparen(n.Rhs[0]).(*ast.TypeAssertExpr); ok && c.kindOf(vs, ta.X) != valNone {
						changed = set(n.Lhs[0], valFault) || changed
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						changed = set(n.Names[i], c.kindOf(vs, n.Values[i])) || changed
					}
				} else if len(n.Values) == 1 {
					if ta, ok := ast.Unparen(n.Values[0]).(*ast.TypeAssertExpr); ok && len(n.Names) > 0 && c.kindOf(vs, ta.X) != valNone {
						changed = set(n.Names[0], valFault) || changed
					}
				}
			case *ast.CallExpr: // errors.As (see scan)
				if c.kindOf(vs, n.Args[0]) != valNone {
					if u, ok := ast.Unparen(n.Args[1]).(*ast.UnaryExpr); ok && u.Op == token.AND {
						changed = set(u.X, valFault) || changed
					}
				}
			case *ast.TypeSwitchStmt:
				var x ast.Expr
				switch a := n.Assign.(type) {
				case *ast.AssignStmt:
					if len(a.Rhs) == 1 {
						if ta, ok := ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr); ok {
							x = ta.X
						}
					}
				}
				if x == nil || c.kindOf(vs, x) == valNone {
					continue
				}
				for _, s := range n.Body.List {
					if v, ok := c.info.Implicits[s].(*types.Var); ok && vs.kind[v] == valNone {
						vs.kind[v] = valFault
						changed = true
					}
				}
			}
		}
		if !changed {
			break
		}
	}
	return vs
}

// kindOf says what the value of e is with respect to the tracked error.
func (c *checker) kindOf(vs *vars, e ast.Expr) valKind {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := c.info.ObjectOf(e).(*types.Var); ok {
			return vs.kind[v]
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.kindOf(vs, e.X)
		}
	case *ast.StarExpr:
		return c.kindOf(vs, e.X)
	case *ast.TypeAssertExpr:
		if c.kindOf(vs, e.X) != valNone {
			return valFault
		}
	case *ast.SelectorExpr:
		if t := c.info.TypeOf(e); t != nil && c.kindOf(vs, e.X) == valFault {
			if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				return valText
			}
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD && (c.kindOf(vs, e.X) != valNone || c.kindOf(vs, e.Y) != valNone) {
			return valText
		}
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c.kindOf(vs, elt) == valOrig {
				return valOrig
			}
		}
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.kindOf(vs, e.Args[0])
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" && len(e.Args) == 0 {
			if k := c.kindOf(vs, sel.X); k == valOrig || k == valFault {
				return valText
			}
		}
		fn := callee(c.info, e)
		if fn == nil || fn.Pkg() == nil {
			return valNone
		}
		switch fn.Pkg().Path() {
		case "fmt":
			switch fn.Name() {
			case "Errorf":
				if c.wraps(vs, e) {
					return valOrig
				}
			case "Sprint", "Sprintf", "Sprintln":
				if c.mentionsArgs(vs, e) {
					return valText
				}
			}
		case "errors":
			if fn.Name() == "Join" {
				for _, a := range e.Args {
					if c.kindOf(vs, a) == valOrig {
						return valOrig
					}
				}
			}
		case "strings":
			if b, ok := c.info.TypeOf(e).(*types.Basic); ok && b.Info()&types.IsString != 0 && c.mentionsArgs(vs, e) {
				return valText
			}
		}
	}
	return valNone
}

func (c *checker) mentionsArgs(vs *vars, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if c.kindOf(vs, a) != valNone {
			return true
		}
	}
	return false
}

// wraps reports whether an fmt.Errorf call wraps the tracked error with %w.
func (c *checker) wraps(vs *vars, call *ast.CallExpr) bool {
	for _, a := range c.verbArgs(call, 'w') {
		if c.kindOf(vs, a) == valOrig {
			return true
		}
	}
	return false
}

// verbArgs returns the operands of fmt.Errorf that verb formats. When the
// format is not a constant or uses argument indexes, every operand is
// returned for 'w' (assume wrapping: stay silent) and none for other verbs.
func (c *checker) verbArgs(call *ast.CallExpr, verb rune) []ast.Expr {
	if len(call.Args) == 0 {
		return nil
	}
	format, ok := constString(c.info, call.Args[0])
	var vs []rune
	if ok {
		vs, _, ok = printfVerbs(format)
	}
	if !ok {
		if verb == 'w' {
			return call.Args[1:]
		}
		return nil
	}
	var out []ast.Expr
	for i, v := range vs {
		if v == verb && i+1 < len(call.Args) {
			out = append(out, call.Args[i+1])
		}
	}
	return out
}

// printfVerbs returns the verb of each operand of a printf format and the
// byte offset of each verb; ok is false for explicit argument indexes and '*'.
func printfVerbs(format string) (verbs []rune, offsets []int, ok bool) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		for i < len(format) && '0' <= format[i] && format[i] <= '9' {
			i++
		}
		if i < len(format) && format[i] == '.' {
			i++
			for i < len(format) && '0' <= format[i] && format[i] <= '9' {
				i++
			}
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case '[', '*':
			return nil, nil, false
		case '%':
			continue
		}
		verbs = append(verbs, rune(format[i]))
		offsets = append(offsets, i)
	}
	return verbs, offsets, true
}

// inspectBody visits the nodes of a function body, not entering function literals.
func inspectBody(body ast.Node, f func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		f(n)
		return true
	})
}
