package hardcodedtoken

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/message"
	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

// Name is the analyzer's name, the prefix of its flags and the name
// //sflint:ignore directives use.
const Name = "hardcodedtoken"

// DefaultMinLength is the default of Config.MinLength.
const DefaultMinLength = 8

// Config configures the analyzer. The zero value is the default configuration.
type Config struct {
	// SkipTests leaves _test.go files out (flag -tests=false). By default
	// they are checked: a real token in a test is leaked all the same.
	SkipTests bool
	// MinLength is the length (in characters) under which a constant is
	// taken for a placeholder and not reported; 0 means DefaultMinLength.
	MinLength int
}

// Analyzer is the hardcodedtoken analyzer built from the default configuration.
var Analyzer = New(sflogin.Analyzer, Config{})

//go:embed doc.go
var docSource string

// New returns the analyzer for a configuration, on top of the given shared
// login pass. Its flags write into the returned analyzer's own copy of cfg.
func New(login *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	if cfg.MinLength == 0 {
		cfg.MinLength = DefaultMinLength
	}
	inst := &instance{login: login, cfg: cfg}
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      message.Manual(docSource, Name),
		URL:      "https://github.com/sflint/sflint#hardcodedtoken",
		Requires: []*analysis.Analyzer{login},
		Run:      inst.run,
	}
	a.RunDespiteErrors = true // findings in declarations that do not type-check are dropped (sflogin)
	a.Flags.Var(testsFlag{&inst.cfg.SkipTests}, "tests", "check _test.go files too (a real token in a test is leaked all the same)")
	a.Flags.IntVar(&inst.cfg.MinLength, "min-length", cfg.MinLength, "take string constants shorter than this many characters for placeholders")
	return a
}

// testsFlag is the -tests flag: true (the default) checks _test.go files.
type testsFlag struct{ skip *bool }

func (f testsFlag) IsBoolFlag() bool { return true }

func (f testsFlag) String() string {
	if f.skip == nil {
		return "true"
	}
	return strconv.FormatBool(!*f.skip)
}

func (f testsFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false, not %q", s)
	}
	*f.skip = !v
	return nil
}

var _ flag.Value = testsFlag{}

type instance struct {
	login *analysis.Analyzer
	cfg   Config
}

func (inst *instance) run(pass *analysis.Pass) (any, error) {
	res, ok := pass.ResultOf[inst.login].(*sflogin.Result)
	if !ok || res.Skipped || pass.TypesInfo == nil {
		return nil, nil
	}
	minLen := inst.cfg.MinLength
	if minLen < 1 {
		minLen = 1
	}
	c := &checker{
		pass:     pass,
		res:      res,
		info:     pass.TypesInfo,
		minLen:   minLen,
		skipTest: inst.cfg.SkipTests,
		reported: map[reportKey]bool{},
	}
	c.index()
	c.checkCalls()
	c.checkStructs()
	return nil, nil
}

// checker holds the state of one run on one package.
type checker struct {
	pass     *analysis.Pass
	res      *sflogin.Result
	info     *types.Info
	minLen   int
	skipTest bool
	reported map[reportKey]bool

	// appended holds the right-hand sides of += statements.
	appended map[ast.Expr]bool
	// mutated holds package-level variables that may change after
	// initialisation; nil until isMutated fills it.
	mutated map[*types.Var]bool
	// sfConfigs holds variables used as the receiver of a Salesforce
	// oauth2.Config login (PasswordCredentialsToken).
	sfConfigs map[*types.Var]bool
	// owner maps a composite literal to the variable it initialises, and
	// varIdent such a variable to an identifier naming it.
	owner    map[*ast.CompositeLit]*types.Var
	varIdent map[*types.Var]*ast.Ident
}

type reportKey struct {
	at, node token.Pos
	off      int
}

// files returns the files to look at: every file of the package, _test.go
// files unless -tests=false.
func (c *checker) files() []*ast.File {
	var out []*ast.File
	for _, f := range append(append([]*ast.File(nil), c.res.Files()...), c.res.TestFiles()...) {
		if c.skipTest && sflogin.IsTestFile(c.pass, f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// index reads the package's assignments and value specs, gathered by the
// shared pass: += statements and the variables composite literals
// initialise. Which package-level variables change is found on first use
// (isMutated).
func (c *checker) index() {
	c.appended = map[ast.Expr]bool{}
	c.owner = map[*ast.CompositeLit]*types.Var{}
	c.varIdent = map[*types.Var]*ast.Ident{}
	c.sfConfigs = map[*types.Var]bool{}
	for _, n := range c.res.Env.Nodes().Defs {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ADD_ASSIGN && len(as.Rhs) == 1 {
			c.appended[as.Rhs[0]] = true
		}
		flow.OneToOne(n, c.noteOwner)
	}
	for _, call := range c.calls() {
		if call.API != nil && call.API.When == sfapi.SalesforceTokenURL {
			if v := flow.RootVar(c.info, call.Recv); v != nil {
				c.sfConfigs[v] = true
			}
		}
	}
}

func (c *checker) noteOwner(lhs, rhs ast.Expr) {
	rhs = ast.Unparen(rhs)
	if u, ok := rhs.(*ast.UnaryExpr); ok && u.Op == token.AND {
		rhs = ast.Unparen(u.X)
	}
	lit, ok := rhs.(*ast.CompositeLit)
	if !ok {
		return
	}
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
			c.owner[lit] = v
			if c.varIdent[v] == nil {
				c.varIdent[v] = id
			}
		}
	}
}

// isMutated reports whether a package-level variable may change after
// initialisation. The first question walks the package once.
func (c *checker) isMutated(v *types.Var) bool {
	if c.mutated == nil {
		c.mutated = map[*types.Var]bool{}
		for _, f := range c.pass.Files {
			var stack []ast.Node
			astwalk.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok && c.packageLevel(v) && mutates(c.info, stack) {
						c.mutated[v] = true
					}
				}
				return true
			})
		}
	}
	return c.mutated[v]
}

// packageLevel reports whether v is a package-level variable of this package.
func (c *checker) packageLevel(v *types.Var) bool {
	return v.Pkg() == c.pass.Pkg && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// mutates reports whether the identifier on top of the stack (a use of a
// package-level variable) may change it or let it be changed: it is assigned,
// incremented, has its address taken, is the receiver of a method, is
// ranged into, or (for pointers, maps, slices...) is copied elsewhere.
func mutates(info *types.Info, stack []ast.Node) bool {
	cur := stack[len(stack)-1].(ast.Expr)
	i := len(stack) - 2
	for ; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.SelectorExpr:
			if p.X != cur {
				return false // cur is the Sel of a qualified identifier
			}
			sel, ok := info.Selections[p]
			if !ok {
				return false
			}
			if sel.Kind() != types.FieldVal {
				return true // a method value or call may change the receiver
			}
			cur = p
			continue
		case *ast.IndexExpr:
			if p.X != cur {
				break
			}
			cur = p
			continue
		case *ast.StarExpr:
			cur = p
			continue
		}
		break
	}
	if i < 0 {
		return false
	}
	switch p := stack[i].(type) {
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == cur {
				return true
			}
		}
	case *ast.IncDecStmt:
		return true
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return true
		}
	case *ast.RangeStmt:
		if p.Key == cur || p.Value == cur {
			return true
		}
	}
	if t := info.TypeOf(cur); t != nil {
		switch t.Underlying().(type) {
		case *types.Pointer, *types.Map, *types.Slice, *types.Chan, *types.Interface, *types.Signature:
			return true // an alias may change what it points to
		}
	}
	return false
}

// calls returns the resolved calls to check.
func (c *checker) calls() []*sflogin.Call {
	var out []*sflogin.Call
	for _, call := range append(append([]*sflogin.Call(nil), c.res.Calls...), c.res.TestCalls...) {
		if call.Test && c.skipTest {
			continue
		}
		out = append(out, call)
	}
	return out
}

// checkCalls checks the credential arguments of every resolved call.
func (c *checker) checkCalls() {
	for _, call := range c.calls() {
		done := map[ast.Expr]bool{}
		joined := 0 // wrapper parameters concatenated into one password+token
		for _, ra := range call.Args {
			if call.Wrapper != nil && ra.Role == sfapi.PasswordAndToken {
				joined++
			}
		}
		for _, ra := range call.Args {
			role := ra.Role
			detail := ""
			switch {
			case call.Endpoint != nil && ra.Field != "":
				detail = "form field " + ra.Field
			case ra.Field != "":
				detail = "field " + ra.Field
			case call.Wrapper != nil && ra.Param != "":
				detail = "parameter " + ra.Param
			}
			// Parameters (or fields of one) the wrapper concatenates
			// (password+token): their names say which part each one is.
			if call.Wrapper != nil && role == sfapi.PasswordAndToken && joined > 1 {
				name := ra.Param
				if i := strings.LastIndexByte(name, '.'); i >= 0 {
					name = name[i+1:]
				}
				if r := sflogin.RoleOfName(name); r.Secret() {
					role = r
				}
			}
			done[ra.Expr] = true
			if !role.Secret() {
				continue
			}
			c.check(target{role: role, detail: detail, api: call.Name()}, ra.Expr)
		}
		// A session id passed to a session-setting API is recognised by its
		// shape, whatever the argument.
		switch call.Kind {
		case sfapi.Reuse, sfapi.Setter, sfapi.Refresh:
			for i, arg := range call.Expr.Args {
				if done[arg] {
					continue
				}
				c.checkShape(target{role: sfapi.SessionID, detail: "argument " + strconv.Itoa(i+1), api: call.Name()}, arg)
			}
		}
	}
}

// checkStructs checks credential structs (salesforce.Creds,
// credentials.PasswordCredentials, soapforce.Login, soapforce.Client) and
// oauth2.Config values pointed at Salesforce, wherever they are built:
// composite literals and assignments to their fields.
func (c *checker) checkStructs() {
	nodes := c.res.Env.Nodes()
	for _, f := range c.files() {
		nodes.Each(f, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.CompositeLit:
				c.compositeLit(n)
			case *ast.AssignStmt:
				c.fieldAssign(n)
			}
		})
	}
}

func (c *checker) compositeLit(lit *ast.CompositeLit) {
	t := c.info.TypeOf(lit)
	if t == nil {
		return
	}
	st, _ := t.Underlying().(*types.Struct)
	if st == nil {
		return
	}
	if cs := c.res.Model.CredStruct(t); cs != nil {
		for i, elt := range lit.Elts {
			field, val := fieldOf(st, i, elt)
			if role := cs.Fields[field]; role.Secret() {
				c.check(target{role: role, detail: "field " + field + " of " + cs.String()}, val)
			}
		}
		return
	}
	if isOAuth2Config(t) && c.salesforceLit(lit) {
		for i, elt := range lit.Elts {
			if field, val := fieldOf(st, i, elt); field == "ClientSecret" {
				c.check(target{role: sfapi.ClientSecret, detail: "field ClientSecret of an oauth2.Config for Salesforce's token URL"}, val)
			}
		}
	}
}

// fieldOf returns the field name and value of a composite literal element.
func fieldOf(st *types.Struct, i int, elt ast.Expr) (string, ast.Expr) {
	if kv, ok := elt.(*ast.KeyValueExpr); ok {
		if id, ok := kv.Key.(*ast.Ident); ok {
			return id.Name, kv.Value
		}
		return "", nil
	}
	if i < st.NumFields() {
		return st.Field(i).Name(), elt
	}
	return "", nil
}

func (c *checker) fieldAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) || (as.Tok != token.ASSIGN && as.Tok != token.ADD_ASSIGN) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		t := c.info.TypeOf(sel.X)
		if t == nil {
			continue
		}
		var tg target
		if cs := c.res.Model.CredStruct(t); cs != nil {
			role := cs.Fields[sel.Sel.Name]
			if !role.Secret() {
				continue
			}
			tg = target{role: role, detail: "field " + sel.Sel.Name + " of " + cs.String()}
		} else if isOAuth2Config(t) && sel.Sel.Name == "ClientSecret" && c.salesforceConfig(sel.X) {
			tg = target{role: sfapi.ClientSecret, detail: "field ClientSecret of an oauth2.Config for Salesforce's token URL"}
		} else {
			continue
		}
		tg.appended = as.Tok == token.ADD_ASSIGN
		if !tg.appended {
			// x.F = "..." followed by x.F += ...: the value starts the credential.
			for _, v := range c.res.FieldValues(sel.X, sel.Sel.Name) {
				if c.appended[v] {
					tg.grows = true
				}
			}
		}
		c.check(tg, as.Rhs[i])
	}
}

// isOAuth2Config reports whether t is golang.org/x/oauth2.Config or a pointer to it.
func isOAuth2Config(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Name() == "Config" && sfapi.MatchPath(n.Obj().Pkg().Path(), "golang.org/x/oauth2")
}

// salesforceLit reports whether an oauth2.Config literal is Salesforce's:
// its token URL names Salesforce, or the variable it initialises is.
func (c *checker) salesforceLit(lit *ast.CompositeLit) bool {
	if c.salesforceURL(c.res.FieldValues(lit, "Endpoint", "TokenURL")) {
		return true
	}
	if v := c.owner[lit]; v != nil {
		return c.sfConfigs[v] || c.salesforceVar(v)
	}
	return false
}

// salesforceConfig reports whether the oauth2.Config value e is Salesforce's.
func (c *checker) salesforceConfig(e ast.Expr) bool {
	if c.salesforceURL(c.res.FieldValues(e, "Endpoint", "TokenURL")) {
		return true
	}
	v := flow.RootVar(c.info, e)
	return v != nil && (c.sfConfigs[v] || c.salesforceVar(v))
}

// salesforceVar reports whether a variable holding an oauth2.Config is given
// a Salesforce token URL anywhere (its literals or field assignments).
func (c *checker) salesforceVar(v *types.Var) bool {
	id := c.varIdent[v]
	return id != nil && c.salesforceURL(c.res.FieldValues(id, "Endpoint", "TokenURL"))
}

// salesforceURL reports whether any of the expressions is a constant naming
// Salesforce's OAuth token endpoint or a salesforce.com host.
func (c *checker) salesforceURL(exprs []ast.Expr) bool {
	for _, e := range exprs {
		for _, p := range c.pieces(e) {
			if strings.Contains(p.value, "/services/oauth2/token") || strings.Contains(p.value, "salesforce.com") {
				return true
			}
		}
	}
	return false
}
