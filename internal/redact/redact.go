// Package redact keeps credentials out of what sflint prints about source
// code, by every road a message can take: an expression echoed in a
// message (the client a session lives in: clients["00D...!..."]), the name
// of a variable or constant that spells the secret it holds, and text
// copied from comments (//sflint:ignore reasons, words of a directive).
//
// The rule is the one the no-leak tests apply: printing a run of MinRun or
// more characters of a secret is printing the secret. String literals in
// printed expressions are elided to "…" whatever they hold; a name or a
// word is replaced by "…" when it shares such a run with the secret it
// holds or sits beside (compared without regard to case).
package redact

import (
	"go/ast"
	"go/constant"
	"go/scanner"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sflint/sflint/internal/astwalk"
)

// MinRun is the length, in bytes, of the shortest run of a secret's
// characters that counts as printing it.
const MinRun = 6

// Elided stands for what is not printed.
const Elided = "…"

// ElidedString is what a string literal prints as.
const ElidedString = `"` + Elided + `"`

// Shares reports whether s and secret have a run of MinRun or more
// characters in common, compared without regard to case (a name that
// spells its value in other case still spells it).
func Shares(s, secret string) bool {
	return sharesRun(strings.ToLower(s), strings.ToLower(secret))
}

func sharesRun(s, secret string) bool {
	if len(s) < MinRun || len(secret) < MinRun {
		return false
	}
	for i := 0; i+MinRun <= len(s); i++ {
		if strings.Contains(secret, s[i:i+MinRun]) {
			return true
		}
	}
	return false
}

// Expr prints an expression as types.ExprString does, but with the text of
// every string literal elided ("…"), and every identifier that names a
// string constant sharing a run of MinRun characters with its value
// replaced by "…". info may be nil (no identifier is checked then).
func Expr(info *types.Info, e ast.Expr) string {
	if e == nil {
		return ""
	}
	hidden := map[string]bool{}
	if info != nil {
		astwalk.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if k, ok := info.Uses[id].(*types.Const); ok && k.Val().Kind() == constant.String {
					if Shares(id.Name, constant.StringVal(k.Val())) {
						hidden[id.Name] = true
					}
				}
			}
			return true
		})
	}
	return elideTokens(types.ExprString(e), hidden)
}

// Verbatim reports whether printing e as it is written cannot print a
// secret: it holds no string literal of MinRun bytes or more, and no name
// of a string constant that shares a run with its value. Code that copies
// an expression into a fix (printed by -json and SARIF) asks this first.
func Verbatim(info *types.Info, e ast.Expr) bool {
	ok := true
	astwalk.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING && len(appendValue(nil, n.Value)) > 0 {
				ok = false
			}
		case *ast.Ident:
			if info != nil {
				if k, isConst := info.Uses[n].(*types.Const); isConst && k.Val().Kind() == constant.String && Shares(n.Name, constant.StringVal(k.Val())) {
					ok = false
				}
			}
		}
		return ok
	})
	return ok
}

// elideTokens rewrites printed Go tokens: string literals become "…",
// identifiers in hidden become ….
func elideTokens(src string, hidden map[string]bool) string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var b strings.Builder
	last := 0
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		switch {
		case tok == token.STRING:
			b.WriteString(src[last:off])
			b.WriteString(ElidedString)
			last = off + len(lit)
		case tok == token.IDENT && hidden[lit]:
			b.WriteString(src[last:off])
			b.WriteString(Elided)
			last = off + len(lit)
		}
	}
	b.WriteString(src[last:])
	return b.String()
}

// Name returns a name (or a phrase naming one: "package variable tok")
// with every word that shares a run of MinRun characters with value, the
// secret the name holds, without regard to case, replaced by "…".
func Name(name, value string) string {
	return filter(name, func(word string) bool { return Shares(word, value) })
}

// Text filters free text copied from source (a //sflint:ignore reason, a
// word of a directive) before it is printed: quoted strings ("...", `...`,
// '...') are elided to "…", and every word (a run of characters between
// spaces) that shares a run of MinRun characters with one of secrets is
// replaced by "…". The secrets are typically the string literals of the
// file the text comes from (SourceSecrets, FileSecrets); the comparison
// is exact, so that the words of a reason ("password") survive a literal
// like "SF_PASSWORD".
func Text(text string, secrets []string) string {
	return filter(elideQuoted(text), func(word string) bool {
		for _, s := range secrets {
			if sharesRun(word, s) {
				return true
			}
		}
		return false
	})
}

// filter replaces by "…" every word of text (a run of characters between
// spaces) that hides says to.
func filter(text string, hides func(word string) bool) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		word := text[i:j]
		if hides(word) {
			word = Elided
		}
		b.WriteString(word)
		i = j
	}
	return b.String()
}

// elideQuoted replaces the text between matching quotes ("", “, ”) with
// "…"; an unmatched quote hides the rest of the text.
func elideQuoted(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		c := text[i]
		if c != '"' && c != '`' && c != '\'' {
			b.WriteByte(c)
			i++
			continue
		}
		// An apostrophe inside a word ("package's") is not a quote.
		if c == '\'' && i > 0 && isWordByte(text[i-1]) {
			b.WriteByte(c)
			i++
			continue
		}
		end := closing(text, i)
		b.WriteString(ElidedString)
		i = end
	}
	return b.String()
}

// closing returns the offset just past the quote that closes the one at i
// (a backslash escapes a quote, except in backquotes), or len(text).
func closing(text string, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		switch {
		case text[j] == '\\' && q != '`':
			j++
		case text[j] == q:
			return j + 1
		}
	}
	return len(text)
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// SourceSecrets returns the values of the string literals of Go source
// (MinRun bytes or more): the secrets text taken from that source is
// checked against. The source need not parse.
func SourceSecrets(src []byte) []string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", fset.Base(), len(src)), src, func(token.Position, string) {}, 0)
	var out []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok == token.STRING {
			out = appendValue(out, lit)
		}
	}
}

// FileSecrets is SourceSecrets for a parsed file.
func FileSecrets(f *ast.File) []string {
	var out []string
	if f == nil {
		return nil
	}
	astwalk.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			out = appendValue(out, lit.Value)
		}
		return true
	})
	return out
}

func appendValue(out []string, lit string) []string {
	v, err := strconv.Unquote(lit)
	if err != nil {
		v = lit
	}
	if len(v) >= MinRun {
		out = append(out, v)
	}
	return out
}
