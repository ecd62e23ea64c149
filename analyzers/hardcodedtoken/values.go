package hardcodedtoken

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
)

// A piece is a string constant that becomes part of a credential.
type piece struct {
	value string
	// node is the constant expression: a literal, an expression of literals
	// only ("a" + "b"), or the name of a constant.
	node ast.Expr
	// constName is set when node names a constant: it is reported, but not
	// fixed (a constant cannot hold os.Getenv).
	constName string
	// format is set for literal text of a fmt.Sprintf format: not fixed.
	format bool
	// via names the variable the value goes through ("variable tok"), if
	// any, and entry is the expression naming it where the credential is
	// built: where the value enters the login.
	via   string
	entry ast.Expr
	// prefixed: something comes before the piece in the credential;
	// suffixed: something comes after it.
	prefixed, suffixed bool
	// off tells apart the text runs of one format string.
	off int
}

// walkCtx is where a sub-expression sits in the credential being built.
type walkCtx struct {
	prefixed, suffixed bool
	via                string
	entry              ast.Expr
	depth              int
}

const maxDepth = 8

// pieces returns the string constants that make up e (see walk).
func (c *checker) pieces(e ast.Expr) []piece {
	var out []piece
	c.walk(e, walkCtx{}, &out, map[*types.Var]bool{})
	return out
}

// walk collects the string constants that make up e: e itself when it is
// constant; the operands of +; the format text and arguments of
// fmt.Sprintf/Sprint; the elements of strings.Join; the argument of a
// conversion or of strings.TrimSpace/ToLower/ToUpper/Clone; and, through
// variables, the values assigned to them: every assignment of a local
// variable (+= appends), the initialiser of a package-level variable that
// never changes, and the fields of struct variables. Anything else
// (function parameters, calls such as os.Getenv, fields of values read at
// run time) contributes nothing.
func (c *checker) walk(e ast.Expr, x walkCtx, out *[]piece, seen map[*types.Var]bool) {
	if e == nil || x.depth > maxDepth {
		return
	}
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return
		}
		c.constant(e, constant.StringVal(tv.Value), x, out, seen)
		return
	}
	next := x
	next.depth++
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return
		}
		l, r := next, next
		l.suffixed = true
		r.prefixed = true
		c.walk(e.X, l, out, seen)
		c.walk(e.Y, r, out, seen)
	case *ast.CallExpr:
		c.call(e, next, out, seen)
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		if !ok || v.IsField() || seen[v] {
			return
		}
		if v.Pkg() != c.pass.Pkg {
			return
		}
		pkgLevel := c.packageLevel(v)
		if pkgLevel && (c.isMutated(v) || exportedElsewhere(v)) {
			return // may be set at run time: its initialiser is only a default
		}
		seen[v] = true
		defer delete(seen, v)
		if pkgLevel {
			next.via = "package variable " + v.Name()
		} else {
			next.via = "variable " + v.Name()
		}
		if x.via != "" {
			next.via = x.via
		} else {
			next.entry = e
		}
		exprs := c.res.Assigned(v)
		grows := false
		for _, rhs := range exprs {
			if c.appends(v, rhs) {
				grows = true
			}
		}
		for _, rhs := range exprs {
			y := next
			if c.appends(v, rhs) {
				y.prefixed = true
			} else if grows {
				y.suffixed = true
			}
			c.walk(rhs, y, out, seen)
		}
	case *ast.SelectorExpr:
		c.selector(e, next, out, seen)
	}
}

// appends reports whether rhs is appended to v: v += rhs, or v = v + ....
func (c *checker) appends(v *types.Var, rhs ast.Expr) bool {
	if c.appended[rhs] {
		return true
	}
	b, ok := ast.Unparen(rhs).(*ast.BinaryExpr)
	for ok && b.Op == token.ADD {
		if id, isID := ast.Unparen(b.X).(*ast.Ident); isID {
			return c.info.Uses[id] == v
		}
		b, ok = ast.Unparen(b.X).(*ast.BinaryExpr)
	}
	return false
}

// exportedElsewhere reports whether another package may assign the
// package-level variable v.
func exportedElsewhere(v *types.Var) bool {
	return v.Exported() && v.Pkg() != nil && v.Pkg().Name() != "main"
}

// constant records the constant expression e (with value s).
func (c *checker) constant(e ast.Expr, s string, x walkCtx, out *[]piece, seen map[*types.Var]bool) {
	switch e := e.(type) {
	case *ast.Ident:
		if k, ok := c.info.Uses[e].(*types.Const); ok {
			*out = append(*out, piece{value: s, node: e, constName: k.Name(), via: x.via, entry: x.entry, prefixed: x.prefixed, suffixed: x.suffixed})
		}
		return
	case *ast.SelectorExpr:
		if k, ok := c.info.Uses[e.Sel].(*types.Const); ok {
			name := k.Name()
			if id, ok := e.X.(*ast.Ident); ok {
				name = id.Name + "." + name
			}
			*out = append(*out, piece{value: s, node: e, constName: name, via: x.via, entry: x.entry, prefixed: x.prefixed, suffixed: x.suffixed})
		}
		return
	case *ast.BinaryExpr:
		if !c.onlyLiterals(e) {
			// "pw" + token: the literal and the constant are reported apart.
			l, r := x, x
			l.suffixed = true
			r.prefixed = true
			l.depth++
			r.depth++
			c.walk(e.X, l, out, seen)
			c.walk(e.Y, r, out, seen)
			return
		}
	case *ast.CallExpr:
		if len(e.Args) == 1 && !c.onlyLiterals(e) {
			y := x
			y.depth++
			c.walk(e.Args[0], y, out, seen) // string(token)
			return
		}
	}
	*out = append(*out, piece{value: s, node: e, via: x.via, entry: x.entry, prefixed: x.prefixed, suffixed: x.suffixed})
}

// onlyLiterals reports whether a constant expression is made of literals only
// (no named constants): replacing it removes the value from the source.
func (c *checker) onlyLiterals(e ast.Expr) bool {
	ok := true
	astwalk.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			// The type of a conversion (string("...")) is fine; a constant is not.
			if _, isType := c.info.Uses[n].(*types.TypeName); !isType {
				ok = false
			}
		case *ast.SelectorExpr:
			ok = false
		}
		return ok
	})
	return ok
}

// call handles the calls a credential is built with.
func (c *checker) call(e *ast.CallExpr, x walkCtx, out *[]piece, seen map[*types.Var]bool) {
	if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() {
		if len(e.Args) == 1 {
			c.walk(e.Args[0], x, out, seen) // []byte(s), string(b)
		}
		return
	}
	fn, _ := typeutil.Callee(c.info, e).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "fmt.Sprintf":
		if len(e.Args) == 0 {
			return
		}
		c.sprintf(e, x, out, seen)
	case "fmt.Sprint":
		c.sequence(e.Args, x, out, seen)
	case "strings.Join":
		if len(e.Args) == 2 {
			if lit, ok := ast.Unparen(e.Args[0]).(*ast.CompositeLit); ok {
				c.sequence(lit.Elts, x, out, seen)
			}
		}
	case "strings.TrimSpace", "strings.ToLower", "strings.ToUpper", "strings.Clone":
		if len(e.Args) == 1 {
			c.walk(e.Args[0], x, out, seen)
		}
	}
}

// sequence walks parts that are concatenated in order.
func (c *checker) sequence(parts []ast.Expr, x walkCtx, out *[]piece, seen map[*types.Var]bool) {
	for i, p := range parts {
		if kv, ok := p.(*ast.KeyValueExpr); ok {
			p = kv.Value
		}
		y := x
		y.prefixed = x.prefixed || i > 0
		y.suffixed = x.suffixed || i < len(parts)-1
		c.walk(p, y, out, seen)
	}
}

// verbRE matches a fmt verb with its flags, width and precision.
var verbRE = regexp.MustCompile(`%[-+# 0]*(?:\[\d+\])?(?:\d+|\*)?(?:\.(?:\d+|\*)?)?(?:\[\d+\])?[a-zA-Z%]`)

// sprintf walks fmt.Sprintf: the literal text of a constant format, then the
// arguments, in the order the verbs consume them.
func (c *checker) sprintf(e *ast.CallExpr, x walkCtx, out *[]piece, seen map[*types.Var]bool) {
	args := e.Args[1:]
	tv, ok := c.info.Types[e.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		c.sequence(args, x, out, seen)
		return
	}
	format := constant.StringVal(tv.Value)
	// Explicit argument indexes or * widths: the text is not followed, the
	// arguments are taken in order.
	follow := !strings.ContainsAny(format, "[*")
	var locs [][]int
	if follow {
		locs = verbRE.FindAllStringIndex(format, -1)
	}
	// Items in order: text runs of the format and argument slots.
	type item struct {
		text string
		off  int
		arg  ast.Expr
	}
	var items []item
	prev, next := 0, 0
	for _, l := range locs {
		if l[0] > prev {
			items = append(items, item{text: format[prev:l[0]], off: prev})
		}
		prev = l[1]
		if format[l[1]-1] == '%' {
			continue // %%
		}
		if next < len(args) {
			items = append(items, item{arg: args[next]})
			next++
		}
	}
	if !follow {
		for _, a := range args {
			items = append(items, item{arg: a})
		}
	} else {
		if prev < len(format) {
			items = append(items, item{text: format[prev:], off: prev})
		}
		for ; next < len(args); next++ {
			items = append(items, item{arg: args[next]})
		}
	}
	for i, it := range items {
		y := x
		y.prefixed = x.prefixed || i > 0
		y.suffixed = x.suffixed || i < len(items)-1
		if it.arg != nil {
			c.walk(it.arg, y, out, seen)
			continue
		}
		*out = append(*out, piece{value: it.text, node: e.Args[0], format: true, off: it.off + 1,
			via: x.via, entry: x.entry, prefixed: y.prefixed, suffixed: y.suffixed})
	}
}

// selector follows x.F (x.F.G) to the values the field is given, when x is a
// variable of this package: a local variable, or a package-level variable
// that never changes.
func (c *checker) selector(e *ast.SelectorExpr, x walkCtx, out *[]piece, seen map[*types.Var]bool) {
	var path []string
	var cur ast.Expr = e
	for {
		sel, ok := ast.Unparen(cur).(*ast.SelectorExpr)
		if !ok {
			break
		}
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			return // a qualified identifier (another package's variable) or a method
		}
		path = append([]string{sel.Sel.Name}, path...)
		cur = ast.Unparen(sel.X)
	}
	id, ok := cur.(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || seen[v] {
		return
	}
	if c.packageLevel(v) && (c.isMutated(v) || exportedElsewhere(v)) {
		return
	}
	seen[v] = true
	defer delete(seen, v)
	y := x
	if y.via == "" {
		y.via = id.Name + "." + strings.Join(path, ".")
		y.entry = e
	}
	for _, val := range c.res.FieldValues(id, path...) {
		z := y
		if c.appended[val] {
			z.prefixed = true
		}
		c.walk(val, z, out, seen)
	}
}

// sessionIDRE matches a Salesforce session id or OAuth access token: the
// 15- or 18-character org id (00D...), "!", and the session key.
var sessionIDRE = regexp.MustCompile(`^00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}$`)

// isSessionID reports whether s has the shape of a Salesforce session id.
func isSessionID(s string) bool { return sessionIDRE.MatchString(s) }

// isPEMKey reports whether s holds a PEM private key block.
func isPEMKey(s string) bool {
	return strings.Contains(s, "-----BEGIN") && strings.Contains(s, "PRIVATE KEY-----")
}

var (
	templateRE = regexp.MustCompile(`\$\{[^}]*\}|\{\{.*\}\}|<[A-Za-z0-9 _.\-]+>`)
	settingRE  = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$`)
	envRefRE   = regexp.MustCompile(`^(?:\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%)$`)
)

// placeholder reports why a constant is not taken for a credential, or "".
// A session id or a PEM private key is always a credential.
func (c *checker) placeholder(s string) string {
	switch {
	case s == "":
		return "empty" // no token: the org trusts the caller's IP range
	case isSessionID(s), isPEMKey(s):
		return ""
	case utf8.RuneCountInString(s) < c.minLen:
		return "short"
	case strings.IndexFunc(s, unicode.IsSpace) >= 0:
		return "text" // a sentence, such as the simpleforce README's placeholders
	case oneRune(s):
		return "filler" // XXXXXXXXXX, ********
	case templateRE.MatchString(s):
		return "template" // <token>, ${TOKEN}, {{ .Token }}
	case settingRE.MatchString(s), envRefRE.MatchString(s):
		return "name" // YOUR_SECURITY_TOKEN, SF_PASSWORD, $SF_PASSWORD
	case wordSalad(s):
		return "words" // testpassword, mySecret123, dummy-token
	}
	return ""
}

// placeholderWords are the words test fixtures and examples make their
// dummy credentials of; credentialWords must be among them.
var (
	placeholderWords = strings.Fields(`my your our the a an this is not no test tests testing dummy fake mock
		example sample demo default placeholder invalid wrong bad good valid new old some any here value
		foo bar baz qux user admin api sf salesforce org sandbox dev prod client consumer app access session
		refresh security private super very real hello world change me let in qwerty abc xyz`)
	credentialWords = strings.Fields(`password passwd pass pwd pw secret token key sid changeme letmein`)
)

// wordSalad reports whether the letters of s, once digits and punctuation
// are dropped, spell only placeholder words, one of them a credential word
// ("password", "secret", "token"...): testpassword, mySecret123,
// dummy-token, changeme. Real passwords, tokens and secrets do not.
func wordSalad(s string) bool {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	letters := b.String()
	if letters == "" || len(letters) > 40 {
		return false
	}
	// ok[i][cred]: letters[:i] splits into words, with (cred=1) or without a
	// credential word.
	type state struct{ ok, cred bool }
	reach := make([]state, len(letters)+1)
	reach[0].ok = true
	for i := 0; i < len(letters); i++ {
		if !reach[i].ok {
			continue
		}
		try := func(w string, cred bool) {
			if strings.HasPrefix(letters[i:], w) {
				j := i + len(w)
				reach[j].ok = true
				reach[j].cred = reach[j].cred || cred || reach[i].cred
			}
		}
		for _, w := range placeholderWords {
			try(w, false)
		}
		for _, w := range credentialWords {
			try(w, true)
		}
	}
	return reach[len(letters)].ok && reach[len(letters)].cred
}

func oneRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.Trim(s, string(r)) == ""
}
