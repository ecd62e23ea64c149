package flow

import (
	"go/ast"
	"go/types"
	"strings"
)

// This file reads formatted errors: which arguments of fmt.Errorf (and the
// other printf-like calls) a verb formats, and whether %w wraps the login's
// error.

// Wraps reports whether an fmt.Errorf call wraps a value that holds the
// login's error with %w.
func (l *Login) Wraps(st State, call *ast.CallExpr) bool {
	for _, a := range VerbArgs(l.Fn.Env.Info, call, 'w') {
		if l.Mentions(st, a) {
			return true
		}
	}
	return false
}

// VerbArgs returns the operands of a printf-like call that verb formats.
// When the format is not a constant or uses argument indexes, every operand
// is returned for 'w' (assume wrapping: stay silent) and none for others.
func VerbArgs(info *types.Info, call *ast.CallExpr, verb rune) []ast.Expr {
	if len(call.Args) == 0 {
		return nil
	}
	format, ok := ConstString(info, call.Args[0])
	var vs []rune
	if ok {
		vs, _, ok = PrintfVerbs(format)
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

// PrintfVerbs returns the verb of each operand of a printf format and the
// byte offset of each verb; ok is false for explicit argument indexes and '*'.
func PrintfVerbs(format string) (verbs []rune, offsets []int, ok bool) {
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

// WrapsWithW reports whether call is fmt.Errorf with a %w verb in a constant format.
func WrapsWithW(info *types.Info, call *ast.CallExpr) bool {
	if !isFunc(info, call, "fmt", "Errorf") || len(call.Args) < 2 {
		return false
	}
	s, ok := ConstString(info, call.Args[0])
	return ok && strings.Contains(s, "%w")
}
