package redact

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

func TestShares(t *testing.T) {
	for _, tc := range []struct {
		s, secret string
		want      bool
	}{
		{"Lk9Jh8", "xxLk9Jh8Gf7", true},
		{"lk9jh8", "xxLk9Jh8Gf7", true}, // case does not matter
		{"Lk9Jh", "xxLk9Jh8Gf7", false}, // five characters are not a run
		{"tokenLk9Jh8Gf", "Lk9Jh8Gf7Ds6", true},
		{"fallbackToken", "Lk9Jh8Gf7Ds6", false},
		{"", "Lk9Jh8Gf7Ds6", false},
		{"Lk9Jh8Gf7Ds6", "", false},
	} {
		if got := Shares(tc.s, tc.secret); got != tc.want {
			t.Errorf("Shares(%q, %q) = %v, want %v", tc.s, tc.secret, got, tc.want)
		}
	}
}

// check type-checks src (package p, imports from the standard library) and
// returns its info and the value of the package-level variable named expr's
// initialiser.
func check(t *testing.T, src string) (*types.Info, map[string]ast.Expr) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	exprs := map[string]ast.Expr{}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				exprs[vs.Names[0].Name] = vs.Values[0]
			}
		}
	}
	return info, exprs
}

const exprSrc = `package p

type client struct{ next *client }

func (c *client) Logout() error { return nil }

var clients = map[string]*client{}
var byKey = map[[2]string]*client{}

const Lk9Jh8Gf7Ds6 = "Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U"
const sandbox = "00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8"

var a = clients["00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8"].Logout
var b = clients[` + "`raw Vb6Nm5!Xc4Za`" + `].next.Logout
var c = clients[Lk9Jh8Gf7Ds6].Logout
var d = clients[sandbox].Logout
var e = byKey[[2]string{"Vb6Nm5!Xc4Za", "x"}].Logout
var f = clients["a\"Vb6Nm5!Xc4Za"+sandbox].Logout
var g = clients[string('x')].Logout
var h = clients["prod"].Logout
`

func TestExpr(t *testing.T) {
	info, exprs := check(t, exprSrc)
	for name, want := range map[string]string{
		"a": `clients["…"].Logout`,
		"b": `clients["…"].next.Logout`,
		"c": `clients[…].Logout`,       // the constant's name spells its value
		"d": `clients[sandbox].Logout`, // a name unlike its value is printed
		"e": `byKey[[2]string{…}].Logout`,
		"f": `clients["…" + sandbox].Logout`,
		"g": `clients[string('x')].Logout`, // a rune literal is no secret
		"h": `clients["…"].Logout`,         // every string literal is elided
	} {
		got := Expr(info, exprs[name])
		if got != want {
			t.Errorf("Expr(%s) = %q, want %q", types.ExprString(exprs[name]), got, want)
		}
		for _, secret := range []string{"Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U", "00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8", "Vb6Nm5!Xc4Za"} {
			if Shares(got, secret) {
				t.Errorf("Expr(%s) = %q: prints part of %q", name, got, secret)
			}
		}
	}
	// Without type information, literals are still elided.
	if got := Expr(nil, exprs["a"]); got != `clients["…"].Logout` {
		t.Errorf("Expr(nil, a) = %q", got)
	}
	if got := Expr(nil, exprs["c"]); got != `clients[Lk9Jh8Gf7Ds6].Logout` {
		t.Errorf("Expr(nil, c) = %q (no info: the name cannot be checked)", got)
	}
	for name, want := range map[string]bool{"a": false, "b": false, "c": false, "d": true, "e": false, "f": false, "g": true, "h": true} {
		if got := Verbatim(info, exprs[name]); got != want {
			t.Errorf("Verbatim(%s) = %v, want %v", types.ExprString(exprs[name]), got, want)
		}
	}
	if Expr(info, nil) != "" {
		t.Error("Expr(nil expression) is not empty")
	}
}

func TestName(t *testing.T) {
	for _, tc := range []struct{ name, value, want string }{
		{"fallbackToken", "Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U", "fallbackToken"},
		{"Lk9Jh8Gf7Ds6", "Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U", "…"},
		{"package variable tokLk9Jh8", "Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U", "package variable …"},
		{"cfg.Password", "Vb6Nm5!Xc4Za", "cfg.Password"},
		{"pw_vb6nm5", "Vb6Nm5!Xc4Za", "…"}, // ... names without regard to case
		{"PasswordSource", "SF_PASSWORD", "…"},
	} {
		if got := Name(tc.name, tc.value); got != tc.want {
			t.Errorf("Name(%q, %q) = %q, want %q", tc.name, tc.value, got, tc.want)
		}
	}
}

func TestText(t *testing.T) {
	secrets := []string{"Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U", "Vb6Nm5!Xc4Za", "SF_PASSWORD"}
	for _, tc := range []struct{ in, want string }{
		{"the caller logs out", "the caller logs out"},
		{`token is "anything at all" here`, `token is "…" here`},
		{"raw `Lk9Jh8Gf7Ds6` and 'x'", "raw \"…\" and \"…\""},
		{"the token Lk9Jh8Gf7Ds6Aa5 expires", "the token … expires"},
		{"password Vb6Nm5!Xc4Za, rotated", "password … rotated"},
		{"mixed LK9JH8GF7 case", "mixed LK9JH8GF7 case"}, // text is compared exactly: ...
		{"the password from SF_PASSWORD", "the password from …"},
		{"it's the QA user's password", "it's the QA user's password"},
		{`unmatched "Vb6Nm5!Xc4Za and the rest`, `unmatched "…"`},
		{`escaped "a\"Vb6Nm5!Xc4Za" done`, `escaped "…" done`},
		{"tabs\tand  spaces\nkept", "tabs\tand  spaces\nkept"},
		{"", ""},
	} {
		got := Text(tc.in, secrets)
		if got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
		for _, s := range secrets {
			if sharesRun(got, s) {
				t.Errorf("Text(%q) = %q: prints part of %q", tc.in, got, s)
			}
		}
	}
}

func TestSecrets(t *testing.T) {
	got := SourceSecrets([]byte(exprSrc))
	want := []string{"Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U", "00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8",
		"00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8", "raw Vb6Nm5!Xc4Za", "Vb6Nm5!Xc4Za", "a\"Vb6Nm5!Xc4Za"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("SourceSecrets = %q, want %q (short literals left out)", got, want)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", exprSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := FileSecrets(f); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("FileSecrets = %q, want %q", got, want)
	}
	// Source that does not parse still gives its literals.
	if got := SourceSecrets([]byte("package p\nfunc ( \"Vb6Nm5!Xc4Za\"")); len(got) != 1 {
		t.Errorf("SourceSecrets(broken source) = %q", got)
	}
}
