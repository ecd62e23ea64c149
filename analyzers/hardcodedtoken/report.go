package hardcodedtoken

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/message"
	"github.com/sflint/sflint/internal/redact"
	"github.com/sflint/sflint/internal/sfapi"
)

// target is where a credential goes: its role, the parameter or field, and the API.
type target struct {
	role sfapi.Role
	// detail names the parameter or field: "parameter pass", "field Password of salesforce.Creds".
	detail string
	// api is the call the value reaches ("" for a struct checked where it is built).
	api string
	// appended: the value is appended (+=) to what the field already holds;
	// grows: something is appended to the value later.
	appended, grows bool
}

// subjects names what the value is for, from the most to the least
// precise: with the parameter or field and the API, with the API only
// (both with, then without, the library API a wrapper calls), the role
// alone.
func (t target) subjects() []string {
	role := t.role.String()
	apis := []string{t.api}
	short := t.api
	if i := strings.Index(t.api, " (which calls "); i > 0 {
		short = t.api[:i]
		apis = append(apis, short)
	}
	if bare := message.Bare(short); bare != short {
		apis = append(apis, bare)
	}
	var out []string
	for _, api := range apis {
		if api == "" {
			continue
		}
		if t.detail != "" {
			out = append(out, role+" ("+t.detail+") for "+api)
		}
		out = append(out, role+" for "+api)
	}
	if t.api == "" && t.detail != "" {
		out = append(out, role+" ("+t.detail+")")
	}
	return append(out, role)
}

// check reports the string constants of e that look like real credentials.
func (c *checker) check(t target, e ast.Expr) {
	for _, p := range c.pieces(e) {
		if t.appended {
			p.prefixed = true
		}
		if t.grows {
			p.suffixed = true
		}
		if c.placeholder(p.value) != "" {
			continue
		}
		c.report(t, e, p)
	}
}

// checkShape reports the constants of e that have the shape of a session id.
func (c *checker) checkShape(t target, e ast.Expr) {
	for _, p := range c.pieces(e) {
		if isSessionID(p.value) {
			c.report(t, e, p)
		}
	}
}

// report reports piece p of the value e that reaches target t. The
// diagnostic sits on the constant when it is written inside e; otherwise on
// the variable of e that brings it in, with the constant's place as related
// information. No character of the value is ever part of what is reported.
func (c *checker) report(t target, e ast.Expr, p piece) {
	within := func(n ast.Node) bool { return n != nil && n.Pos() >= e.Pos() && n.End() <= e.End() }
	var at ast.Expr = e
	inside := within(p.node)
	switch {
	case inside:
		at = p.node
	case p.entry != nil && within(p.entry):
		at = p.entry // the variable that brings the value in
	}
	key := reportKey{at: at.Pos(), node: p.node.Pos(), off: p.off}
	if c.reported[key] {
		return
	}
	c.reported[key] = true

	n := utf8.RuneCountInString(p.value)
	var what string
	switch {
	case isSessionID(p.value):
		what = fmt.Sprintf("a %d-char Salesforce session id literal", n)
	case isPEMKey(p.value):
		what = fmt.Sprintf("a %d-char PEM private key literal", n)
	case p.constName != "":
		what = fmt.Sprintf("the constant %s (%d chars)", redact.Name(p.constName, p.value), n)
	case p.format:
		what = fmt.Sprintf("%d chars of literal text in a format string", n)
	default:
		what = fmt.Sprintf("a %d-char string literal", n)
	}
	switch {
	case p.prefixed:
		what = "has " + what + " appended"
	case p.suffixed:
		what = "starts with " + what
	default:
		what = "is " + what
	}
	if p.via != "" {
		what += " via " + redact.Name(p.via, p.value)
	}
	role := t.role
	if role == sfapi.Password && (p.prefixed || p.suffixed) {
		role = sfapi.PasswordAndToken // a password built by concatenation: the token is appended
	}
	envs := envVars(role, p)
	var firsts []string
	for _, s := range t.subjects() {
		firsts = append(firsts, s+" "+what)
	}
	d := analysis.Diagnostic{
		Pos:            at.Pos(),
		End:            at.End(),
		Message:        message.Join(message.Shortest(firsts...), message.Upper(advice(role, p, envs))),
		SuggestedFixes: c.fix(p, envs),
	}
	if !inside {
		msg := fmt.Sprintf("the %s (%d chars) is written here", kindOf(p), n)
		if p.constName != "" {
			msg = fmt.Sprintf("the constant %s (%d chars) is used here", redact.Name(p.constName, p.value), n)
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: p.node.Pos(), End: p.node.End(), Message: msg})
	}
	if p.constName != "" {
		if obj := c.constObj(p.node); obj != nil && obj.Pkg() == c.pass.Pkg && obj.Pos().IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: obj.Pos(),
				Message: "constant " + redact.Name(obj.Name(), p.value) + " is declared here: delete it once nothing uses it"})
		}
	}
	c.res.Report(c.pass, d)
}

func kindOf(p piece) string {
	if p.format {
		return "format string"
	}
	return "string literal"
}

func (c *checker) constObj(e ast.Expr) *types.Const {
	switch e := e.(type) {
	case *ast.Ident:
		k, _ := c.info.Uses[e].(*types.Const)
		return k
	case *ast.SelectorExpr:
		k, _ := c.info.Uses[e.Sel].(*types.Const)
		return k
	}
	return nil
}

// Environment variables the fix reads, by role.
const (
	envPassword     = "SF_PASSWORD"
	envToken        = "SF_SECURITY_TOKEN"
	envClientSecret = "SF_CLIENT_SECRET"
	envSession      = "SF_SESSION_ID"
	envRefresh      = "SF_REFRESH_TOKEN"
	envPrivateKey   = "SF_PRIVATE_KEY"
)

// envVars returns the environment variables that should hold the piece:
// for a password with the token appended, the part before the appended
// text is the password and the appended text is the token.
func envVars(r sfapi.Role, p piece) []string {
	switch r {
	case sfapi.Password:
		return []string{envPassword}
	case sfapi.PasswordAndToken:
		switch {
		case p.prefixed:
			return []string{envToken}
		case p.suffixed:
			return []string{envPassword}
		}
		return []string{envPassword, envToken}
	case sfapi.SecurityToken:
		return []string{envToken}
	case sfapi.ClientSecret:
		return []string{envClientSecret}
	case sfapi.SessionID:
		return []string{envSession}
	case sfapi.RefreshToken:
		return []string{envRefresh}
	case sfapi.PrivateKey:
		return []string{envPrivateKey}
	}
	return nil
}

// advice is what to do about a credential of role r found in the source,
// with the environment variables envs to read it from. Why each role
// matters (a security token lets the password log in from any IP address,
// a session id is a bearer credential, ...) is in the manual.
func advice(r sfapi.Role, p piece, envs []string) string {
	from := strings.Join(envs, " and ")
	switch {
	case r == sfapi.PasswordAndToken && p.prefixed:
		r = sfapi.SecurityToken // the literal appended to the password: the token
	case r == sfapi.PasswordAndToken && p.suffixed:
		r = sfapi.Password // the literal the token is appended to: the password
	}
	switch r {
	case sfapi.Password:
		return "read it from " + from + " or a secret store, and change the password"
	case sfapi.SecurityToken:
		return "read it from " + from + " or a secret store, and reset the security token"
	case sfapi.PasswordAndToken:
		return "read the password and the token from " + from + " or a secret store, and change the password (which resets the token)"
	case sfapi.ClientSecret:
		return "read it from " + from + " or a secret store, and rotate the consumer secret"
	case sfapi.SessionID:
		return "read it from " + from + " or a session cache, and revoke the session"
	case sfapi.RefreshToken:
		return "read it from " + from + " or a secret store, and revoke it"
	case sfapi.PrivateKey:
		return "read it from " + from + " or a key file outside the repository, and replace the connected app's certificate"
	}
	return "read it from the environment or a secret store"
}

// fix replaces the literal with os.Getenv of the variables, importing os if
// needed. There is none for a named constant (a constant cannot hold a
// call), for text inside a format string, for a value whose type is not
// plain string, or when the name os is taken.
func (c *checker) fix(p piece, envs []string) []analysis.SuggestedFix {
	if p.constName != "" || p.format || len(envs) == 0 {
		return nil
	}
	if t := c.info.TypeOf(p.node); t == nil || !types.Identical(t, types.Typ[types.String]) {
		return nil
	}
	file := c.fileOf(p.node.Pos())
	if file == nil {
		return nil
	}
	name, edits, ok := c.osImport(file, p.node.Pos())
	if !ok {
		return nil
	}
	calls := make([]string, len(envs))
	for i, env := range envs {
		calls[i] = fmt.Sprintf("%s.Getenv(%q)", name, env)
	}
	text := strings.Join(calls, " + ")
	edits = append(edits, analysis.TextEdit{Pos: p.node.Pos(), End: p.node.End(), NewText: []byte(text)})
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
	return []analysis.SuggestedFix{{Message: "replace the literal with " + text, TextEdits: edits}}
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// osImport returns the name under which file f refers to package os at pos,
// with the edit that imports it when the file does not yet. ok is false when
// another object takes the name.
func (c *checker) osImport(f *ast.File, pos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	fileScope := c.info.Scopes[f]
	if fileScope == nil {
		return "", nil, false
	}
	scope := fileScope.Innermost(pos)
	if scope == nil {
		scope = fileScope
	}
	for _, spec := range f.Imports {
		if path, err := strconv.Unquote(spec.Path.Value); err != nil || path != "os" {
			continue
		}
		name := "os"
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name == "_" || name == "." {
			continue
		}
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == "os" {
				return name, nil, true
			}
		}
		return "", nil, false // shadowed
	}
	if _, obj := scope.LookupParent("os", pos); obj != nil {
		return "", nil, false
	}
	return "os", importEdits(f), true
}

// importEdits add import "os" to a file: into its first parenthesised
// import declaration; else by turning its first single import into a group;
// else after the package clause. A cgo import "C" is left alone.
func importEdits(f *ast.File) []analysis.TextEdit {
	var single *ast.GenDecl
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || importsC(gd) {
			continue
		}
		if gd.Lparen.IsValid() {
			pos := gd.Lparen + 1
			return []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte("\n\t\"os\"")}}
		}
		if single == nil && len(gd.Specs) == 1 {
			single = gd
		}
	}
	if single != nil {
		spec := single.Specs[0]
		return []analysis.TextEdit{
			{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte("(\n\t\"os\"\n\t")},
			{Pos: spec.End(), End: spec.End(), NewText: []byte("\n)")},
		}
	}
	return []analysis.TextEdit{{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport \"os\"")}}
}

// importsC reports whether the declaration imports "C" (cgo), whose
// preamble must stay right above it.
func importsC(gd *ast.GenDecl) bool {
	for _, s := range gd.Specs {
		if is, ok := s.(*ast.ImportSpec); ok && is.Path.Value == `"C"` {
			return true
		}
	}
	return false
}
