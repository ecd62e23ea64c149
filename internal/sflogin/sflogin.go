// Package sflogin is the pass every sflint analyzer requires. Once per
// package it resolves each call against the table of Salesforce APIs
// (internal/sfapi) and hands the analyzers a [Result]: the login, logout,
// session-reuse and credential calls of the package, with the argument that
// plays each credential role and the result that carries the error and the
// session.
//
// It follows the user's own wrapper functions across packages, the way the
// printf pass follows Printf wrappers: a function or method that logs in and
// returns the session, the client or the login error (unchanged or wrapped
// with %w) to its caller gets a [LoginFact], so that calling it is a login
// too. A function that inspects a login fault code in the error it is given
// gets a [ClassifierFact]. A fork that renamed a library's login
// (melan/go-force's CreateOAuth) matches no row of the table: in a package
// that matches a library's path suffix but declares none of its rows'
// functions, a function whose string parameters are named for a secret
// credential and whose last result is an error is taken for a login of that
// library (sfapi.Model.Lookup). An x/oauth2 password grant is a Salesforce
// login when its TokenURL is a constant naming Salesforce, or a setting named
// for it, or its token's instance_url is read, or its access token goes into
// a Salesforce client (oauth2.go). Packages that import no Salesforce client, call no
// Salesforce endpoint over net/http and import no package carrying these
// facts are skipped at once (Result.Skipped).
//
// Flags (prefix -sflogin. on the command line, "logins"... keys in plugin settings):
//
//	-login list       functions that log in, as import/path.Func or import/path.Type.Method
//	-logout list      functions that end a session
//	-classifier list  functions that inspect a login fault code
//	-retry list       functions that call their first func argument again until it succeeds
//	-tests            analyse _test.go files too (hardcodedtoken always does)
package sflogin

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/entry"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
)

// Name is the shared pass's analyzer name, the prefix of its flags.
const Name = "sflogin"

// Config is what the shared pass is built from.
type Config struct {
	Decls sfapi.Decls
	// IncludeTests makes every analyzer look at _test.go files.
	IncludeTests bool
	// Handlers are the user's named func types whose functions serve one
	// request each (import/path.Type), and callback interface methods that
	// run once per request (import/path.Iface.Method), added to
	// entry.DefaultHandlers.
	Handlers []string
	// Schedulers are the user's functions that call the functions passed
	// to them again and again, added to entry.DefaultSchedulers.
	Schedulers []string
}

// Analyzer is the shared pass built from the default configuration.
var Analyzer = New(Config{})

// New returns the shared pass for a configuration. Its flags write into the
// returned analyzer's own copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	inst := &instance{cfg: cfg}
	a := &analysis.Analyzer{
		Name:       Name,
		Doc:        "resolve Salesforce login, logout and credential calls (shared by every sflint analyzer)\n\nThis pass reports nothing. It finds the calls to Salesforce client libraries and to the user's wrappers of them, and exports facts on wrappers and fault classifiers.",
		URL:        "https://github.com/sflint/sflint#how-it-decides",
		Run:        inst.run,
		ResultType: reflect.TypeFor[*Result](),
		FactTypes: []analysis.Fact{new(LoginFact), new(ClassifierFact), new(PackageFact), new(FlowPackageFact),
			new(flow.NoReturnFact), new(flow.RawLogoutFact), new(flow.OwnerFact), new(flow.RetryFact),
			new(entry.Schedules)},
		// The pass copes with ill-typed code (internal/fuzz feeds it
		// arbitrary source), so a check may set RunDespiteErrors too.
		RunDespiteErrors: true,
	}
	a.Flags.Var(RefList{P: &inst.cfg.Decls.Logins}, "login", "comma-separated `functions` that log in to Salesforce (import/path.Func or import/path.Type.Method)")
	a.Flags.Var(RefList{P: &inst.cfg.Decls.Logouts}, "logout", "comma-separated `functions` that end a Salesforce session")
	a.Flags.Var(RefList{P: &inst.cfg.Decls.Classifiers}, "classifier", "comma-separated `functions` that inspect a login fault code")
	a.Flags.Var(RefList{P: &inst.cfg.Decls.Retries, Funcs: true}, "retry", "comma-separated `functions` (import/path.Func) that retry their first func argument until it succeeds")
	a.Flags.Var(RefList{P: &inst.cfg.Handlers}, "handlers",
		"comma-separated named func `types` whose functions serve one request each (import/path.Type), or interface methods called once per request (import/path.Iface.Method), added to "+strings.Join(entry.DefaultHandlers(), ","))
	a.Flags.Var(RefList{P: &inst.cfg.Schedulers}, "schedulers",
		"comma-separated `functions` that call the functions passed to them again and again, on a timer or per event (import/path.Func or import/path.Type.Method), added to the k8s wait.Until family, robfig/cron, gocron and aws-lambda-go's lambda.Start")
	a.Flags.BoolVar(&inst.cfg.IncludeTests, "tests", cfg.IncludeTests, "analyse _test.go files too (hardcodedtoken always does)")
	return a
}

// RefList is a flag.Value holding a comma-separated list of function
// references (import/path.Func, import/path.Type.Method); each use appends.
// References are checked as they are set, so a bad one is a usage error: a
// malformed reference (sfapi.ParseRef), or a method where only functions can
// match (Funcs). Empty elements are no reference and are skipped (the
// plugin's settings join YAML lists with commas, nulls included). The
// analyzers use it for their own reference-list flags.
type RefList struct {
	P *[]string
	// Funcs: only package-level functions (import/path.Func) can match.
	Funcs bool
}

func (l RefList) String() string {
	if l.P == nil {
		return ""
	}
	return strings.Join(*l.P, ",")
}

// Set implements flag.Value.
func (l RefList) Set(s string) error {
	var refs []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue // an empty list, a trailing comma: no reference
		}
		r, err := sfapi.ParseRef(part)
		if err != nil {
			return err
		}
		if l.Funcs && r.Recv != "" {
			return fmt.Errorf("%q: a method never matches here: want a function, import/path.Func", part)
		}
		refs = append(refs, part)
	}
	*l.P = append(*l.P, refs...)
	return nil
}

var _ flag.Value = RefList{}

type instance struct {
	cfg   Config
	once  sync.Once
	model *sfapi.Model
	spec  *entry.Spec
	err   error
}

func (inst *instance) getModel() (*sfapi.Model, error) {
	inst.once.Do(func() {
		inst.model, inst.err = sfapi.New(inst.cfg.Decls)
		if inst.err == nil {
			inst.spec, inst.err = entry.NewSpec(inst.cfg.Handlers, inst.cfg.Schedulers)
		}
	})
	return inst.model, inst.err
}

// Result is what the shared pass gives every analyzer for one package.
type Result struct {
	// Model is the table in force.
	Model *sfapi.Model
	// Skipped is true when the package has nothing to do with Salesforce: the
	// analyzers return at once.
	Skipped bool
	// Calls are the resolved calls of the analysed files, in source order.
	// Calls in _test.go files are left out unless the tests flag is set.
	Calls []*Call
	// TestCalls are the resolved calls of _test.go files that Calls leaves out.
	TestCalls []*Call
	// Flow is the flow model of the functions that contain the logins of Calls.
	Flow *flow.Package
	// Env is what the flow model knows of the package.
	Env *flow.Env

	pass *analysis.Pass
	// pkgFacts: which package facts an imported package has, asked once
	// each (see hasPackageFact and mayHaveFlowFacts).
	pkgFactsMu sync.Mutex
	pkgFacts   map[*types.Package]pkgFactBits
	entries    *entry.Finder
	files      []*ast.File // analysed files
	tests      []*ast.File // _test.go files left out of files
	byExpr     map[*ast.CallExpr]*Call
	defs       *defIndex
	ignores    *ignoreIndex
	broken     *Broken
}

// Broken returns the declarations of the package that do not type-check:
// findings in them are dropped (see broken.go).
func (r *Result) Broken() *Broken {
	if r == nil {
		return nil
	}
	return r.broken
}

// Files are the files analyzers look at: _test.go files only with the tests flag.
func (r *Result) Files() []*ast.File { return r.files }

// TestFiles are the _test.go files that Files leaves out.
func (r *Result) TestFiles() []*ast.File { return r.tests }

// Lookup returns the resolved call for a call expression, or nil.
func (r *Result) Lookup(call *ast.CallExpr) *Call {
	if r == nil || r.byExpr == nil {
		return nil
	}
	return r.byExpr[call]
}

// Logins returns the login calls among Calls.
func (r *Result) Logins() []*Call { return r.ofKind(r.Calls, sfapi.Login) }

func (r *Result) ofKind(calls []*Call, k sfapi.Kind) []*Call {
	var out []*Call
	for _, c := range calls {
		if c.Kind == k {
			out = append(out, c)
		}
	}
	return out
}

// Call is one resolved call to a Salesforce API (see flow.Call).
type Call = flow.Call

// RoleArg is an expression at a call that carries a credential role (see flow.RoleArg).
type RoleArg = flow.RoleArg

// FuncName prints a function as diagnostics do: "pkg.Func" or "pkg.(*T).Method".
func FuncName(fn *types.Func) string { return flow.FuncName(fn) }

func (inst *instance) run(pass *analysis.Pass) (any, error) {
	model, err := inst.getModel()
	if err != nil {
		return nil, err
	}
	res := &Result{Model: model, pass: pass}
	res.entries = entry.NewFinder(inst.spec, pass)
	res.entries.IsRetry = func(fn *types.Func) bool {
		return model.Retry(fn) != nil || res.mayHaveFlowFacts(fn.Pkg()) && pass.ImportObjectFact(fn.Origin(), new(flow.RetryFact))
	}
	res.entries.MayHaveFacts = res.mayHaveFlowFacts
	res.entries.Env = func() *flow.Env {
		if res.Env == nil {
			res.Env = flow.NewEnv(pass.Fset, pass.TypesInfo, pass.Pkg, model, pass.Files)
			res.Env.Import = newImporter(res)
		}
		return res.Env
	}
	for _, f := range pass.Files {
		if isTestFile(pass, f) && !inst.cfg.IncludeTests {
			res.tests = append(res.tests, f)
		} else {
			res.files = append(res.files, f)
		}
	}
	// A team's own retry helper is found in every package of the team's: it
	// often lives in a utility package that has nothing to do with
	// Salesforce. The standard library has none.
	std := standard(pass)
	var retries []*ast.FuncDecl
	if !std {
		retries = flow.RetryCandidates(pass.TypesInfo, pass.Files)
	}
	if !relevant(pass, model) {
		res.Skipped = true
		flowFacts := false
		if len(retries) > 0 {
			flowFacts = exportRetries(pass, res.entries.Env(), retries)
		}
		// So are schedulers: a helper that runs a func on a timer (the
		// standard library's are in the table).
		if !std && res.entries.DeriveSchedulers() {
			flowFacts = true
		}
		if flowFacts {
			pass.ExportPackageFact(new(FlowPackageFact))
		}
		return res, nil
	}
	res.ignores = newIgnoreIndex(pass)
	nodes := flow.NewNodes(pass.Files)
	res.broken = FindBroken(pass.Fset, pass.Files, pass.TypesInfo, pass.TypeErrors, nodes)
	st := newState(pass, model, res, nodes)
	st.deriveFacts()
	st.collect()
	flowFacts := st.buildFlow(retries)
	if res.entries.DeriveSchedulers() || flowFacts {
		pass.ExportPackageFact(new(FlowPackageFact))
	}
	return res, nil
}

// Entry says whether the function runs again and again: once per request,
// RPC, scrape or tick.
func (r *Result) Entry(fi *flow.Func) entry.Context {
	if r == nil || r.entries == nil {
		return entry.Context{}
	}
	return r.entries.Of(fi)
}

// standard reports whether the package belongs to the standard library:
// the first element of its path has no dot, and its files are under the
// GOROOT sflint was built with. When the build's GOROOT is elsewhere, a
// package of the standard library is taken for a user's one: looked at for
// nothing, at some cost.
func standard(pass *analysis.Pass) bool {
	first, _, _ := strings.Cut(pass.Pkg.Path(), "/")
	if strings.Contains(first, ".") || gorootSrc == "" || len(pass.Files) == 0 {
		return false
	}
	f := pass.Fset.File(pass.Files[0].FileStart)
	return f != nil && strings.HasPrefix(f.Name(), gorootSrc)
}

// gorootSrc is GOROOT's src directory, with a trailing separator.
var gorootSrc = func() string {
	if r := build.Default.GOROOT; r != "" { // $GOROOT, or the toolchain's
		return filepath.Join(r, "src") + string(filepath.Separator)
	}
	return ""
}()

// hasPackageFact reports whether an imported package has a PackageFact.
// Every package that exports a LoginFact, a ClassifierFact, an OwnerFact or
// a RawLogoutFact exports one (see deriveFacts and buildFlow): the
// functions of the others (the standard library's, most often) are not
// asked about one by one. The answer is kept per package; the shared pass
// and the analyzers (which may run at once) ask. The package being
// analysed is never asked about here: its facts are still being made.
func (r *Result) hasPackageFact(pkg *types.Package) bool {
	if pkg == nil || pkg == r.pass.Pkg {
		return false
	}
	return r.packageFacts(pkg)&hasSalesforce != 0
}

// pkgFactBits are the package facts an imported package has.
type pkgFactBits uint8

const (
	hasSalesforce pkgFactBits = 1 << iota // PackageFact
	hasFlow                               // FlowPackageFact
)

// packageFacts returns pkg's package facts, asking the pass the first time.
func (r *Result) packageFacts(pkg *types.Package) pkgFactBits {
	r.pkgFactsMu.Lock()
	defer r.pkgFactsMu.Unlock()
	b, ok := r.pkgFacts[pkg]
	if ok {
		return b
	}
	if r.pass.ImportPackageFact(pkg, new(PackageFact)) {
		b |= hasSalesforce
	}
	if r.pass.ImportPackageFact(pkg, new(FlowPackageFact)) {
		b |= hasFlow
	}
	if r.pkgFacts == nil {
		r.pkgFacts = map[*types.Package]pkgFactBits{}
	}
	r.pkgFacts[pkg] = b
	return b
}

// mayHaveFlowFacts reports whether a package's functions may have flow
// facts read at call sites: the package being analysed (its facts are
// being made), or an imported package with a FlowPackageFact. The answer
// is kept per package.
func (r *Result) mayHaveFlowFacts(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if pkg == r.pass.Pkg {
		return true
	}
	return r.packageFacts(pkg)&hasFlow != 0
}

// relevant reports whether the package can contain anything sflint looks
// for. It is the fast path: most packages of a build return here.
func relevant(pass *analysis.Pass, model *sfapi.Model) bool {
	if model.Declares(pass.Pkg.Path()) {
		return true
	}
	http := false
	for _, imp := range pass.Pkg.Imports() {
		if model.Relevant(imp.Path()) || pass.ImportPackageFact(imp, new(PackageFact)) {
			return true
		}
		if imp.Path() == "net/http" {
			http = true
		}
	}
	return http && mentionsEndpoint(pass.Files)
}

// mentionsEndpoint reports whether any string literal names a Salesforce
// authentication endpoint, or a piece of one.
func mentionsEndpoint(files []*ast.File) bool {
	found := false
	for _, f := range files {
		astwalk.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			// Pieces count: "/services" + "/oauth2/token",
			// url.JoinPath(base, "services", "oauth2", "token").
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && endpointPiece(lit.Value) {
				found = true
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// endpointPiece reports whether a string literal (as written, quoted) is a
// Salesforce authentication endpoint or a piece of one.
func endpointPiece(lit string) bool {
	for _, frag := range []string{"/services/oauth2/", "oauth2/token", "oauth2/revoke", "/services/Soap/", "Soap/u/", "Soap/c/"} {
		if strings.Contains(lit, frag) {
			return true
		}
	}
	return lit == `"oauth2"` || lit == "`oauth2`" // url.JoinPath(base, "services", "oauth2", "token")
}

func isTestFile(pass *analysis.Pass, f *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go")
}

// IsTestFile reports whether the file is a _test.go file.
func IsTestFile(pass *analysis.Pass, f *ast.File) bool { return isTestFile(pass, f) }

// sortCalls orders calls by position.
func sortCalls(calls []*Call) {
	slices.SortFunc(calls, func(a, b *Call) int { return int(a.Expr.Pos() - b.Expr.Pos()) })
}
