package nologout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/redact"
	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

//go:embed doc.go
var docSource string

// Config configures the analyzer.
type Config struct {
	// Revoke also reports OAuth logins of libraries that have no logout
	// (x/oauth2, go-force, go-salesforce, go-sfdc, raw /services/oauth2/token
	// requests) whose access token is not revoked at /services/oauth2/revoke.
	Revoke bool
}

// Analyzer is the nologout analyzer built from the default configuration.
var Analyzer = New(sflogin.Analyzer, Config{})

// New returns the analyzer for a configuration, on top of the given shared login pass.
func New(login *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	c := &checker{login: login, cfg: cfg}
	a := &analysis.Analyzer{
		Name:      "nologout",
		Doc:       analyzerDoc(),
		URL:       "https://github.com/sflint/sflint#nologout",
		Requires:  []*analysis.Analyzer{login},
		Run:       c.run,
		FactTypes: []analysis.Fact{new(RawLogoutFact)},
	}
	a.Flags.BoolVar(&c.cfg.Revoke, "revoke", cfg.Revoke,
		"also report OAuth logins (libraries without a logout, raw /services/oauth2/token requests) whose access token is not revoked at /services/oauth2/revoke")
	return a
}

// analyzerDoc returns the part of the package documentation after the
// "# Analyzer nologout" heading: the manual that `sflint help nologout` prints.
func analyzerDoc() string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", docSource, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return "report Salesforce sessions that are not logged out on every path"
	}
	text := f.Doc.Text()
	const heading = "# Analyzer nologout\n"
	if i := strings.Index(text, heading); i >= 0 {
		text = text[i+len(heading):]
	}
	return strings.TrimSpace(text)
}

// RawLogoutFact marks a function that ends a session with a raw HTTP request:
// a SOAP logout() envelope posted to /services/Soap, or a POST to
// /services/oauth2/revoke, directly or through another such function, and
// that does not log in itself (it ends its caller's session). A call
// to it counts as the logout of raw SOAP logins and (with -nologout.revoke)
// as the revocation of OAuth logins.
type RawLogoutFact struct {
	SOAP   bool // posts a SOAP logout()
	Revoke bool // posts to /services/oauth2/revoke
}

// AFact implements analysis.Fact.
func (*RawLogoutFact) AFact() {}

func (f *RawLogoutFact) String() string {
	switch {
	case f.SOAP && f.Revoke:
		return "raw logout: SOAP, revoke"
	case f.SOAP:
		return "raw logout: SOAP"
	}
	return "raw logout: revoke"
}

type checker struct {
	login *analysis.Analyzer
	cfg   Config
}

// flavor is how the session a login creates is ended.
type flavor uint8

const (
	noLogout flavor = iota
	// holderLogout: a logout method or function called on the client or
	// session the login leaves behind (go-soapforce Logout, user-declared
	// logouts, wrappers of them).
	holderLogout
	// rawSOAP: a SOAP logout() request posted to /services/Soap.
	rawSOAP
	// revoke: a POST to /services/oauth2/revoke (with -nologout.revoke).
	revoke
)

// pairing says how one login's session is ended.
type pairing struct {
	flavor flavor
	// method is the logout method of the client or session ("Logout"), or ""
	// when the logout is a function or a raw request.
	method string
	// fn is a user-declared logout function taking the session, if any.
	fn *types.Func
}

// state is the per-package working state.
type state struct {
	pass     *analysis.Pass
	res      *sflogin.Result
	cfg      Config
	info     *types.Info
	raw      map[*types.Func]*RawLogoutFact // this package's raw logout helpers
	noReturn map[*types.Func]bool           // this package's functions that never return
	decls    map[*types.Func]*ast.FuncDecl
	owners   []*ownerCandidate
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[c.login].(*sflogin.Result)
	if res == nil || res.Skipped {
		return nil, nil
	}
	st := &state{
		pass:     pass,
		res:      res,
		cfg:      c.cfg,
		info:     pass.TypesInfo,
		raw:      map[*types.Func]*RawLogoutFact{},
		noReturn: map[*types.Func]bool{},
		decls:    map[*types.Func]*ast.FuncDecl{},
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := st.info.Defs[fd.Name].(*types.Func); ok {
					st.decls[fn] = fd
				}
			}
		}
	}
	raw, noRet := st.summarize()
	st.deriveRawLogouts(raw)
	st.deriveNoReturn(noRet)
	for _, fn := range st.functions() {
		for _, l := range fn.logins {
			st.checkLogin(fn, l)
		}
	}
	st.checkOwners()
	return nil, nil
}

// ---------------------------------------------------------------------------
// Pairing logins with logouts

// pairingOf says how the session created by login l is ended, if it can be.
func (st *state) pairingOf(l *sflogin.Call) pairing {
	if l.Endpoint != nil {
		switch {
		case l.Endpoint.Vocab == sfapi.SOAP:
			return pairing{flavor: rawSOAP}
		case l.Endpoint.Vocab == sfapi.OAuth && st.cfg.Revoke:
			return pairing{flavor: revoke}
		}
		return pairing{}
	}
	if m := l.Logout(); m != "" {
		return pairing{flavor: holderLogout, method: m}
	}
	if l.API != nil && l.API.Declared {
		if p, ok := st.declaredLogout(l); ok {
			return p
		}
	}
	if st.cfg.Revoke && l.Vocab() == sfapi.OAuth {
		return pairing{flavor: revoke}
	}
	return pairing{}
}

// declaredLogout finds the user-declared logout (-sflogin.logout) that ends
// the session of a user-declared login: a declared logout method of the type
// holding the session, or a declared logout function of the login's package
// whose first parameter has the session's type.
func (st *state) declaredLogout(l *sflogin.Call) (pairing, bool) {
	if l.Callee == nil {
		return pairing{}, false
	}
	sig, _ := l.Callee.Type().(*types.Signature)
	if sig == nil {
		return pairing{}, false
	}
	var holder types.Type
	switch {
	case l.Session == sfapi.InReceiver && sig.Recv() != nil:
		holder = sig.Recv().Type()
	case l.Session >= 0 && l.Session < sig.Results().Len():
		holder = sig.Results().At(l.Session).Type()
	default:
		return pairing{}, false
	}
	ms := types.NewMethodSet(pointerTo(holder))
	for i := 0; i < ms.Len(); i++ {
		m, _ := ms.At(i).Obj().(*types.Func)
		if m == nil {
			continue
		}
		if api := st.res.Model.Lookup(m); api != nil && api.Kind == sfapi.Logout && api.Declared {
			return pairing{flavor: holderLogout, method: m.Name()}, true
		}
	}
	if pkg := l.Callee.Pkg(); pkg != nil {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			fn, _ := scope.Lookup(name).(*types.Func)
			if fn == nil {
				continue
			}
			fsig, _ := fn.Type().(*types.Signature)
			if fsig == nil || fsig.Params().Len() == 0 {
				continue
			}
			if api := st.res.Model.Lookup(fn); api != nil && api.Kind == sfapi.Logout && api.Declared &&
				types.Identical(deref(fsig.Params().At(0).Type()), deref(holder)) {
				return pairing{flavor: holderLogout, fn: fn}, true
			}
		}
	}
	return pairing{}, false
}

// rawLogoutOf returns what a call ends with a raw HTTP request: a SOAP
// logout() or a token revocation, directly or through a helper function.
func (st *state) rawLogoutOf(call *ast.CallExpr) (soap, rev bool) {
	if c := st.res.Lookup(call); c != nil && c.Kind == sfapi.Logout && c.Endpoint != nil {
		return c.Endpoint.Vocab == sfapi.SOAP, c.Endpoint.Vocab == sfapi.OAuth
	}
	fn, _ := typeutil.Callee(st.info, call).(*types.Func)
	if fn == nil {
		return false, false
	}
	if f := st.raw[fn]; f != nil {
		return f.SOAP, f.Revoke
	}
	if fn.Pkg() != nil && fn.Pkg() != st.pass.Pkg {
		var f RawLogoutFact
		if st.pass.ImportObjectFact(fn.Origin(), &f) {
			return f.SOAP, f.Revoke
		}
	}
	return false, false
}

// isLogoutCall reports whether the call ends some session: a resolved logout
// (library, wrapper or declared) or a raw logout request or helper.
func (st *state) isLogoutCall(call *ast.CallExpr) bool {
	if c := st.res.Lookup(call); c != nil && c.Kind == sfapi.Logout {
		return true
	}
	soap, rev := st.rawLogoutOf(call)
	return soap || rev
}

// rawSummary is what one function's body (nested literals included) says
// about raw logouts, gathered in one walk: the raw logouts of its calls that
// do not depend on this package's helpers, and the helpers of this package
// it calls (whose RawLogoutFact the fixpoint is still deriving).
type rawSummary struct {
	fn      *types.Func
	base    RawLogoutFact
	helpers []*types.Func
}

// noReturnCandidate is a function whose body has call statements that do
// not return or may stop returning: calls of the package's own functions,
// which the fixpoint of deriveNoReturn is still deriving.
type noReturnCandidate struct {
	fn    *types.Func
	body  *ast.BlockStmt
	calls []*ast.CallExpr // the call statements, outside nested literals
}

// summarize walks each function body of the package once, for the
// summaries the fixpoints of deriveRawLogouts and deriveNoReturn iterate on.
// A function that logs in ends its own session, not its caller's, and one
// that neither ends a session nor calls a function of this package never
// gets a RawLogoutFact.
func (st *state) summarize() (raw []*rawSummary, noRet []*noReturnCandidate) {
	for fn, fd := range st.decls {
		sum := &rawSummary{fn: fn}
		logsIn := false
		var stmts []*ast.CallExpr
		var walk func(n ast.Node, inLit bool)
		walk = func(n ast.Node, inLit bool) {
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					if !inLit {
						walk(n, true)
						return false
					}
				case *ast.ExprStmt:
					if inLit {
						break
					}
					if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
						callee := typeutil.Callee(st.info, call)
						if fn, ok := callee.(*types.Func); ok && st.decls[fn] != nil || !st.calleeMayReturn(callee) {
							stmts = append(stmts, call)
						}
					}
				case *ast.CallExpr:
					if logsIn {
						break
					}
					if c := st.res.Lookup(n); c != nil {
						if c.Kind == sfapi.Login {
							logsIn = true
							break
						}
						if c.Kind == sfapi.Logout && c.Endpoint != nil {
							sum.base.SOAP = sum.base.SOAP || c.Endpoint.Vocab == sfapi.SOAP
							sum.base.Revoke = sum.base.Revoke || c.Endpoint.Vocab == sfapi.OAuth
							break
						}
					}
					callee, _ := typeutil.Callee(st.info, n).(*types.Func)
					switch {
					case callee == nil || callee.Pkg() == nil:
					case callee.Pkg() == st.pass.Pkg:
						if st.decls[callee] != nil {
							sum.helpers = append(sum.helpers, callee)
						}
					default:
						var f RawLogoutFact
						if st.pass.ImportObjectFact(callee.Origin(), &f) {
							sum.base.SOAP = sum.base.SOAP || f.SOAP
							sum.base.Revoke = sum.base.Revoke || f.Revoke
						}
					}
				}
				return true
			})
		}
		walk(fd.Body, false)
		if !logsIn && (sum.base.SOAP || sum.base.Revoke || len(sum.helpers) > 0) {
			raw = append(raw, sum)
		}
		if len(stmts) > 0 {
			noRet = append(noRet, &noReturnCandidate{fn: fn, body: fd.Body, calls: stmts})
		}
	}
	return raw, noRet
}

// deriveRawLogouts finds the package's functions that end a session with a
// raw HTTP request, to a fixpoint, and exports a RawLogoutFact for each.
func (st *state) deriveRawLogouts(sums []*rawSummary) {
	for round := 0; round < 8; round++ {
		changed := false
		for _, sum := range sums {
			f := sum.base
			for _, h := range sum.helpers {
				if hf := st.raw[h]; hf != nil {
					f.SOAP = f.SOAP || hf.SOAP
					f.Revoke = f.Revoke || hf.Revoke
				}
			}
			old := st.raw[sum.fn]
			if (f.SOAP || f.Revoke) && (old == nil || *old != f) {
				st.raw[sum.fn] = &f
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, f := range st.raw {
		st.pass.ExportObjectFact(fn, f)
	}
}

// ---------------------------------------------------------------------------
// Calls that do not return

// deriveNoReturn finds the package's functions that never return normally
// (they always panic, exit or call log.Fatal), to a fixpoint.
func (st *state) deriveNoReturn(cands []*noReturnCandidate) {
	for round := 0; round < 4; round++ {
		changed := false
		for _, c := range cands {
			if st.noReturn[c.fn] || !st.callsNoReturn(c.calls) {
				continue
			}
			if cfg.New(c.body, st.mayReturn).NoReturn() {
				st.noReturn[c.fn] = true
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// callsNoReturn reports whether one of the calls does not return.
func (st *state) callsNoReturn(calls []*ast.CallExpr) bool {
	for _, call := range calls {
		if !st.mayReturn(call) {
			return true
		}
	}
	return false
}

// noReturnNames are functions and methods that end the process or the
// goroutine in the standard library and in common logging packages.
var noReturnNames = map[string]bool{
	"Fatal": true, "Fatalf": true, "Fatalln": true, "Fatalw": true,
	"Panic": true, "Panicf": true, "Panicln": true, "Panicw": true,
	"Exit": true, "Exitf": true, "Exitln": true, "ExitDepth": true, "FatalDepth": true,
}

// mayReturn is the go/cfg callback: false for panic, os.Exit, log.Fatal,
// runtime.Goexit, testing's FailNow/Fatal/Skip, Fatal and Panic of logging
// packages, and the package's own functions that never return.
func (st *state) mayReturn(call *ast.CallExpr) bool {
	return st.calleeMayReturn(typeutil.Callee(st.info, call))
}

// calleeMayReturn is mayReturn for the callee of a call.
func (st *state) calleeMayReturn(callee types.Object) bool {
	switch fn := callee.(type) {
	case *types.Builtin:
		return fn.Name() != "panic"
	case *types.Func:
		if st.noReturn[fn] {
			return false
		}
		if fn.Pkg() == nil {
			return true
		}
		path, name := fn.Pkg().Path(), fn.Name()
		switch path {
		case "os", "syscall":
			return name != "Exit"
		case "runtime":
			return name != "Goexit"
		case "log":
			return !strings.HasPrefix(name, "Fatal") && !strings.HasPrefix(name, "Panic")
		case "testing":
			switch name {
			case "FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf":
				return false
			}
			return true
		}
		if noReturnNames[name] && (strings.Contains(path, "log") || strings.Contains(path, "zap")) {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------
// Functions and their logins

// function is a FuncDecl or FuncLit whose body contains logins (not counting
// those of nested function literals).
type function struct {
	node   ast.Node
	body   *ast.BlockStmt
	logins []*sflogin.Call

	parents map[ast.Node]ast.Node // parent's answers
	all     map[ast.Node]ast.Node // allParents
	graph   *cfg.CFG
}

// functions returns the functions of the analysed files that contain
// logins, each with the logins of its own body (not of nested literals).
func (st *state) functions() []*function {
	var out []*function
	var walk func(n ast.Node, cur *function)
	walk = func(n ast.Node, cur *function) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncDecl:
				if m.Body != nil {
					fn := &function{node: m, body: m.Body}
					out = append(out, fn)
					walk(m.Body, fn)
				}
				return false
			case *ast.FuncLit:
				fn := &function{node: m, body: m.Body}
				out = append(out, fn)
				walk(m.Body, fn)
				return false
			case *ast.CallExpr:
				if c := st.res.Lookup(m); c != nil && c.Kind == sfapi.Login && cur != nil {
					cur.logins = append(cur.logins, c)
				}
			}
			return true
		})
	}
	// Only the files with logins have functions with logins.
	withLogins := map[*ast.File]bool{}
	for _, l := range st.res.Logins() {
		withLogins[l.File] = true
	}
	for _, f := range st.res.Files() {
		if withLogins[f] {
			walk(f, nil)
		}
	}
	var with []*function
	for _, fn := range out {
		if len(fn.logins) > 0 && fn.body != nil {
			with = append(with, fn)
		}
	}
	return with
}

// parent returns the parent of node n in the function's body (nil for the
// body itself and for nodes outside it). It walks only the nodes enclosing
// n, and caches the answer.
func (fn *function) parent(n ast.Node) ast.Node {
	if p, ok := fn.parents[n]; ok {
		return p
	}
	if fn.parents == nil {
		fn.parents = map[ast.Node]ast.Node{}
	}
	pos, end := n.Pos(), n.End()
	var stack []ast.Node
	var parent ast.Node
	found := false
	ast.Inspect(fn.body, func(m ast.Node) bool {
		switch {
		case found:
			return false
		case m == nil:
			stack = stack[:len(stack)-1]
			return true
		case m == n:
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			found = true
			return false
		case m.Pos() > pos || m.End() < end:
			return false // n is not inside m
		}
		stack = append(stack, m)
		return true
	})
	if !found {
		parent = fn.allParents()[n]
	}
	fn.parents[n] = parent
	return parent
}

// allParents maps every node of the body to its parent, for nodes whose
// positions do not nest.
func (fn *function) allParents() map[ast.Node]ast.Node {
	if fn.all == nil {
		fn.all = map[ast.Node]ast.Node{}
		var stack []ast.Node
		ast.Inspect(fn.body, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				fn.all[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			return true
		})
	}
	return fn.all
}

func (st *state) cfgOf(fn *function) *cfg.CFG {
	if fn.graph == nil {
		fn.graph = cfg.New(fn.body, st.mayReturn)
	}
	return fn.graph
}

// local reports whether v is declared inside the function's body (not a
// parameter, result, receiver, captured or package-level variable).
func (fn *function) local(v *types.Var) bool {
	return v != nil && !v.IsField() && fn.body.Pos() <= v.Pos() && v.Pos() < fn.body.End()
}

// ---------------------------------------------------------------------------
// One login

// session is what the analysis tracks for one login.
type session struct {
	login *sflogin.Call
	pair  pairing
	fn    *function
	// holder is the variable holding the client or session (nil for a raw
	// login whose response is discarded); holderExpr the expression the
	// logout is called on (the receiver of the login, or the variable).
	holder     *types.Var
	holderExpr ast.Expr
	// types of holderExpr and of its prefixes down to the root variable:
	// a logout on a local variable of one of these types counts.
	holderTypes []types.Type
	// errVar is the variable receiving the login error, if any.
	errVar *types.Var
	// stmt is the statement of the login: assignment, declaration, expression statement...
	stmt ast.Node
	// raw: the session lives in an HTTP response (raw SOAP or OAuth request).
	raw bool
	// watched: the variables carrying the session (the holder, the login's
	// other results, values derived from them).
	watched map[*types.Var]bool
	// carry caches typeCarries (it depends on holderTypes).
	carry map[types.Type]bool
}

func (st *state) checkLogin(fn *function, l *sflogin.Call) {
	p := st.pairingOf(l)
	if p.flavor == noLogout {
		return
	}
	s := &session{login: l, pair: p, fn: fn, raw: l.Endpoint != nil,
		watched: map[*types.Var]bool{}, carry: map[types.Type]bool{}}
	s.stmt = fn.parent(l.Expr)
	for {
		pe, ok := s.stmt.(*ast.ParenExpr)
		if !ok {
			break
		}
		s.stmt = fn.parent(pe)
	}
	var results []ast.Expr // the expressions receiving the login's results, when assigned
	switch stmt := s.stmt.(type) {
	case *ast.AssignStmt:
		if len(stmt.Rhs) == 1 && ast.Unparen(stmt.Rhs[0]) == l.Expr {
			results = stmt.Lhs
		}
	case *ast.ValueSpec:
		if len(stmt.Values) == 1 && ast.Unparen(stmt.Values[0]) == l.Expr {
			for _, id := range stmt.Names {
				results = append(results, id)
			}
		}
	}
	if l.Err >= 0 && l.Err < len(results) {
		s.errVar = varOf(st.info, results[l.Err])
	}

	discarded := false
	switch {
	case l.Session == sfapi.InReceiver:
		s.holderExpr = l.Recv
		if s.holderExpr == nil {
			s.holderExpr = st.clientArg(l, p)
		}
		if s.holderExpr != nil {
			s.holder = sflogin.RootVar(st.info, s.holderExpr)
		}
	case l.Session >= 0 && l.Session < len(results):
		if isBlank(results[l.Session]) {
			discarded = true
		} else {
			s.holderExpr = results[l.Session]
			s.holder = varOf(st.info, s.holderExpr)
		}
	case l.Session >= 0:
		_, discarded = s.stmt.(*ast.ExprStmt)
	}
	st.noteOwners(fn, l, p, s.holder)

	switch {
	case discarded && !s.raw:
		st.reportDiscarded(s)
		return
	case discarded:
		// A raw response thrown away: only the function-level search applies.
	case s.holder == nil:
		return // returned, passed on, stored in a field, or on a client we cannot name
	case !fn.local(s.holder):
		return // the session lives in the caller's, a field's or a global's client
	case l.Session == sfapi.InReceiver && !st.fresh(fn, s.holder):
		return // a client taken from a field, a parameter or a pool belongs to someone else
	}

	// The other results of the login carry the session too (LoginResult.SessionId).
	for i, r := range results {
		if i == l.Err {
			continue
		}
		if v := varOf(st.info, r); v != nil {
			if !fn.local(v) {
				if st.inert(v.Type()) {
					continue
				}
				return // stored outside the function
			}
			s.watched[v] = true
		} else if !isBlank(r) {
			if t := st.info.TypeOf(r); t != nil && !st.inert(t) {
				return // stored in a field, map or slice
			}
		}
	}
	if s.holder != nil {
		s.watched[s.holder] = true
		for e := s.holderExpr; e != nil; e = selectorBase(e) {
			if t := st.info.TypeOf(e); t != nil {
				s.holderTypes = append(s.holderTypes, deref(t))
			}
		}
	}

	if st.escapes(s) || st.deferredBefore(s) {
		return
	}
	if ret := st.leak(s, st.cfgOf(fn)); ret != nil {
		st.reportLeak(s, ret)
	}
}

// clientArg finds, for a login through a function that logs in on a client
// it is given (Session in a parameter), the argument that is the client: the
// one argument whose type has the logout method.
func (st *state) clientArg(l *sflogin.Call, p pairing) ast.Expr {
	if p.method == "" {
		return nil
	}
	var found ast.Expr
	for _, a := range l.Expr.Args {
		t := st.info.TypeOf(a)
		if t == nil || !hasMethod(st.pass.Pkg, t, p.method) {
			continue
		}
		if found != nil {
			return nil // ambiguous
		}
		found = a
	}
	if u, ok := ast.Unparen(found).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return u.X // login(&client, ...): the variable holds the session
	}
	return found
}

// fresh reports whether every value the function assigns to the client
// variable v is a new one (a composite literal, new(T), or a call of a
// constructor: a function named New... or declared in the client's package).
// A client taken from a field, a parameter or a pool belongs to someone else.
func (st *state) fresh(fn *function, v *types.Var) bool {
	ok, seen := true, false
	ast.Inspect(fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if varOf(st.info, lhs) != v {
					continue
				}
				seen = true
				switch {
				case len(n.Lhs) == len(n.Rhs):
					ok = ok && st.freshExpr(n.Rhs[i], v)
				case len(n.Rhs) == 1:
					ok = ok && st.freshExpr(n.Rhs[0], v)
				default:
					ok = false
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if varOf(st.info, id) != v {
					continue
				}
				seen = true
				switch {
				case len(n.Values) == 0:
					ok = ok && !isPointerLike(v.Type())
				case len(n.Values) == len(n.Names):
					ok = ok && st.freshExpr(n.Values[i], v)
				case len(n.Values) == 1:
					ok = ok && st.freshExpr(n.Values[0], v)
				default:
					ok = false
				}
			}
		}
		return ok
	})
	return ok && seen
}

func (st *state) freshExpr(e ast.Expr, v *types.Var) bool {
	e = ast.Unparen(e)
	if st.isNil(e) {
		return true // c = nil after the logout
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		switch fn := typeutil.Callee(st.info, e).(type) {
		case *types.Builtin:
			return fn.Name() == "new"
		case *types.Func:
			if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
				return false
			}
			name := fn.Name()
			if strings.HasPrefix(name, "New") || strings.HasPrefix(name, "new") {
				return true
			}
			if n, ok := types.Unalias(deref(v.Type())).(*types.Named); ok && n.Obj().Pkg() != nil && fn.Pkg() == n.Obj().Pkg() {
				return true
			}
		}
	}
	return false
}

// deferredBefore reports whether a deferred logout that ends the session is
// registered before the login (defer c.Logout() right after NewClient).
func (st *state) deferredBefore(s *session) bool {
	found := false
	ast.Inspect(s.fn.body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= s.login.Expr.Pos() {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok && lit != s.fn.node {
			return false
		}
		if d, ok := n.(*ast.DeferStmt); ok && d.End() <= s.login.Expr.Pos() && st.covers(s, d) {
			found = true
		}
		return true
	})
	return found
}

// ---------------------------------------------------------------------------
// The control-flow search (the lostcancel shape)

// leak searches the CFG from the login for a path to a return on which the
// session is not ended. Paths on which the login failed (its error checked
// non-nil, or a raw response with a non-2xx status) are not followed; nor
// are paths that reach the login again or overwrite the client variable. It
// returns the return statement reached (synthetic at the closing brace when
// control falls off the end), or nil.
func (st *state) leak(s *session, g *cfg.CFG) *ast.ReturnStmt {
	defBlock, defIndex := findNode(g, s.login.Expr)
	if defBlock == nil {
		return nil
	}
	type key struct {
		b     *cfg.Block
		fresh bool
	}
	seen := map[key]bool{}
	var visit func(b *cfg.Block, from int, fresh bool) *ast.ReturnStmt
	visit = func(b *cfg.Block, from int, fresh bool) *ast.ReturnStmt {
		for _, n := range b.Nodes[from:] {
			if contains(n, s.login.Expr) {
				return nil // the login again: its own analysis covers what follows
			}
			if st.covers(s, n) {
				return nil
			}
			if s.holder != nil && assigns(st.info, n, s.holder) {
				return nil // the client variable is overwritten
			}
			if s.errVar != nil && assigns(st.info, n, s.errVar) {
				fresh = false
			}
		}
		if ret := b.Return(); ret != nil {
			return ret
		}
		succs := b.Succs
		if len(succs) == 2 && len(b.Nodes) > 0 {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				whenTrue, whenFalse := st.failed(s, cond, fresh)
				switch {
				case whenTrue && whenFalse:
					succs = nil
				case whenTrue:
					succs = succs[1:]
				case whenFalse:
					succs = succs[:1]
				}
			}
		}
		for _, next := range succs {
			if st.failedCase(s, b, next, fresh) {
				continue
			}
			k := key{next, fresh}
			if seen[k] {
				continue
			}
			seen[k] = true
			if ret := visit(next, 0, fresh); ret != nil {
				return ret
			}
		}
		return nil
	}
	return visit(defBlock, defIndex+1, true)
}

// failedCase reports whether the edge from block b to block next enters a
// case of a type switch on the login's error that means the login failed:
// any case but `case nil`, and, when there is a `case nil`, the default
// case and the way out of a switch that matched no case.
//
//	switch f := err.(type) {
//	case nil:                   // the only path with a session
//	case *soapforce.SOAPFault:  // failed
//	default:                    // failed
//	}
func (st *state) failedCase(s *session, b, next *cfg.Block, fresh bool) bool {
	var ts *ast.TypeSwitchStmt
	var cc *ast.CaseClause
	switch stmt := next.Stmt.(type) {
	case *ast.CaseClause:
		cc = stmt
		if body, ok := s.fn.parent(cc).(*ast.BlockStmt); ok {
			ts, _ = s.fn.parent(body).(*ast.TypeSwitchStmt)
		}
	case *ast.TypeSwitchStmt:
		if next.Kind != cfg.KindSwitchDone || b.Kind != cfg.KindSwitchNextCase {
			return false // the way out of a case body
		}
		ts = stmt
	}
	if ts == nil || !st.isLoginErr(s, sflogin.TypeSwitchSubject(ts), fresh) {
		return false
	}
	hasNil := false
	var deflt *ast.CaseClause
	for _, c := range ts.Body.List {
		c, _ := c.(*ast.CaseClause)
		if c == nil {
			continue
		}
		if c.List == nil {
			deflt = c
		}
		for _, t := range c.List {
			hasNil = hasNil || st.isNil(t)
		}
	}
	switch {
	case next.Kind == cfg.KindSwitchDone:
		return hasNil // no case matched: not nil
	case next.Kind == cfg.KindSwitchCaseBody:
		for _, t := range cc.List {
			if st.isNil(t) {
				return false
			}
		}
		return true
	case next.Kind == cfg.KindSwitchNextCase && deflt != nil && len(next.Nodes) > 0 && contains(deflt, next.Nodes[0]):
		return hasNil // the default case's body
	}
	return false
}

// findNode returns the live block and index of the smallest CFG node containing call.
func findNode(g *cfg.CFG, call *ast.CallExpr) (*cfg.Block, int) {
	var best *cfg.Block
	idx := -1
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if !contains(n, call) {
				continue
			}
			if best == nil || n.End()-n.Pos() < best.Nodes[idx].End()-best.Nodes[idx].Pos() {
				best, idx = b, i
			}
		}
	}
	return best, idx
}

func contains(n ast.Node, inner ast.Node) bool {
	return n != nil && n.Pos() <= inner.Pos() && inner.End() <= n.End() && n.Pos().IsValid()
}

// failed reports whether the condition being true (whenTrue) or false
// (whenFalse) implies that the login failed: `err != nil` on the login's
// error while it still holds it, the login call itself compared with nil, or
// a raw response's StatusCode outside 2xx.
func (st *state) failed(s *session, cond ast.Expr, fresh bool) (whenTrue, whenFalse bool) {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			t, f := st.failed(s, e.X, fresh)
			return f, t
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			at, af := st.failed(s, e.X, fresh)
			bt, bf := st.failed(s, e.Y, fresh)
			return at || bt, af && bf
		case token.LOR:
			at, af := st.failed(s, e.X, fresh)
			bt, bf := st.failed(s, e.Y, fresh)
			return at && bt, af || bf
		case token.NEQ, token.EQL:
			x, y := ast.Unparen(e.X), ast.Unparen(e.Y)
			if st.isNil(x) {
				x, y = y, x
			}
			if st.isNil(y) && st.isLoginErr(s, x, fresh) {
				return e.Op == token.NEQ, e.Op == token.EQL
			}
		}
		if s.raw {
			return st.failedStatus(s, e)
		}
	}
	return false, false
}

func (st *state) isNil(e ast.Expr) bool {
	tv, ok := st.info.Types[e]
	return ok && tv.IsNil()
}

// isLoginErr reports whether e is the login's error: its error variable
// (while it still holds the login's error) or the call itself when it
// returns only an error.
//
// For a raw HTTP login any error checked non-nil counts: until the response
// has been read and parsed the program does not have the session id, so it
// cannot log it out either.
func (st *state) isLoginErr(s *session, e ast.Expr, fresh bool) bool {
	if e == s.login.Expr {
		return s.login.Err == 0
	}
	if s.raw {
		v := varOf(st.info, e)
		return v != nil && types.Identical(v.Type(), errorType)
	}
	return fresh && s.errVar != nil && varOf(st.info, e) == s.errVar
}

// failedStatus recognises resp.StatusCode compared with 200 or a 2xx bound.
func (st *state) failedStatus(s *session, e *ast.BinaryExpr) (whenTrue, whenFalse bool) {
	sel, ok := ast.Unparen(e.X).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "StatusCode" || s.holder == nil || sflogin.RootVar(st.info, sel.X) != s.holder {
		return false, false
	}
	tv, ok := st.info.Types[e.Y]
	if !ok || tv.Value == nil {
		return false, false
	}
	var code int
	if _, err := fmt.Sscan(tv.Value.ExactString(), &code); err != nil {
		return false, false
	}
	switch e.Op {
	case token.NEQ:
		return code == 200, false
	case token.EQL:
		return false, code == 200
	case token.GEQ:
		return code >= 300, false
	case token.GTR:
		return code >= 299, false
	case token.LSS:
		return false, code >= 300
	case token.LEQ:
		return false, code >= 299
	}
	return false, false
}

// covers reports whether node n ends the session: a logout of the holder
// (or of a local client of the same type) for holderLogout, a raw logout
// request or helper for rawSOAP and revoke. Deferred and immediately called
// function literals are looked into; other function literals are not (they
// are escapes, see escapes).
func (st *state) covers(s *session, n ast.Node) bool {
	found := false
	inline := inlineLits(n)
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return inline[m]
		case *ast.CallExpr:
			if st.endsSession(s, m) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// endsSession reports whether call ends the session s.
func (st *state) endsSession(s *session, call *ast.CallExpr) bool {
	switch s.pair.flavor {
	case rawSOAP, revoke:
		soap, rev := st.rawLogoutOf(call)
		return (s.pair.flavor == rawSOAP && soap) || (s.pair.flavor == revoke && rev)
	}
	c := st.res.Lookup(call)
	if c == nil || c.Kind != sfapi.Logout || c.Endpoint != nil {
		return false
	}
	// The session ended is the receiver's or an argument's: Logout(),
	// d.Close(), sfwrap.Disconnect(c), pool.Release(c).
	targets := call.Args
	if c.Recv != nil {
		targets = append([]ast.Expr{c.Recv}, call.Args...)
	}
	for _, t := range targets {
		root := sflogin.RootVar(st.info, t)
		if root == nil {
			continue
		}
		if root == s.holder {
			return true
		}
		if !s.fn.local(root) {
			continue
		}
		if tt := st.info.TypeOf(t); tt != nil {
			for _, ht := range s.holderTypes {
				if types.Identical(deref(tt), ht) {
					return true
				}
			}
		}
	}
	return false
}

// inlineLits returns the function literals under n that run before the
// function returns: deferred ones and ones called on the spot (not in a go
// statement).
func inlineLits(n ast.Node) map[*ast.FuncLit]bool {
	inline := map[*ast.FuncLit]bool{}
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.GoStmt:
			return false
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(m.Fun).(*ast.FuncLit); ok {
				inline[lit] = true
			}
		}
		return true
	})
	return inline
}

// assigns reports whether node n assigns variable v as a whole.
func assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if varOf(info, lhs) == v {
				return true
			}
		}
	case *ast.ValueSpec:
		for _, id := range n.Names {
			if varOf(info, id) == v {
				return true
			}
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Escapes

// escapes reports whether the session leaves the function: a variable
// carrying it (the client, the login's results, values derived from them) is
// returned, stored in a field, global, map or slice element, sent on a
// channel, captured by a goroutine or by a function literal that may outlive
// the call, or passed to a function that is not a plain API call on it.
// Escape means handled: someone else owns the session then.
func (st *state) escapes(s *session) bool {
	inline := inlineLits(s.fn.body)
	for round := 0; round < 16; round++ {
		f := &flow{st: st, s: s, inline: inline}
		ast.Inspect(s.fn.body, f.visit)
		if f.escaped {
			return true
		}
		if !f.changed {
			return false
		}
	}
	return true // did not settle: assume the session is handed on
}

// flow is one round of the escape analysis over a function body.
type flow struct {
	st      *state
	s       *session
	inline  map[*ast.FuncLit]bool
	escaped bool
	changed bool
}

func (f *flow) visit(n ast.Node) bool {
	if f.escaped || n == nil {
		return false
	}

	s := f.s
	switch n := n.(type) {
	case *ast.FuncLit:
		if n != s.fn.node && !f.inline[n] && f.mentions(n) {
			f.escaped = true
		}
	case *ast.GoStmt:
		if f.mentions(n) {
			f.escaped = true
		}
		return false
	case *ast.ReturnStmt:
		for _, r := range n.Results {
			if f.carries(r) {
				f.escaped = true
			}
		}
	case *ast.SendStmt:
		if f.carries(n.Value) {
			f.escaped = true
		}
	case *ast.AssignStmt:
		if n == s.stmt {
			return true // the login's own results were set up by checkLogin
		}
		f.assign(n.Lhs, n.Rhs)
	case *ast.ValueSpec:
		if n == s.stmt {
			return true
		}
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		f.assign(lhs, n.Values)
	case *ast.RangeStmt:
		if f.carries(n.X) {
			f.sink(n.Key)
			f.sink(n.Value)
		}
	case *ast.CallExpr:
		f.call(n)
	}
	return !f.escaped
}

func (f *flow) assign(lhs, rhs []ast.Expr) {
	switch {
	case len(lhs) == len(rhs):
		for i := range lhs {
			if f.carries(rhs[i]) {
				f.sink(lhs[i])
			}
		}
	case len(rhs) == 1:
		if !f.carries(rhs[0]) {
			return
		}
		tuple, _ := f.st.info.TypeOf(rhs[0]).(*types.Tuple)
		for i, l := range lhs {
			if tuple != nil && i < tuple.Len() && f.st.inert(tuple.At(i).Type()) {
				continue
			}
			f.sink(l)
		}
	}
}

// sink records that the value of the session flows into lhs: a local
// variable then carries it; anything else (field, global, element of a map
// or slice not local to the function) is an escape.
func (f *flow) sink(lhs ast.Expr) {
	if lhs == nil || isBlank(lhs) {
		return
	}
	if t := f.st.info.TypeOf(lhs); t != nil && f.st.inert(t) {
		return
	}
	var root *types.Var
	id, isIdent := ast.Unparen(lhs).(*ast.Ident)
	if isIdent {
		root, _ = f.st.info.ObjectOf(id).(*types.Var)
	} else {
		root = sflogin.RootVar(f.st.info, lhs)
	}
	if root == nil || !f.s.fn.local(root) {
		f.escaped = true
		return
	}
	if !isIdent && isPointerLike(root.Type()) && !f.st.fresh(f.s.fn, root) {
		// m[k] = c, p.f = c where the local m or p refers to someone else's
		// map or struct (m := s.cache).
		f.escaped = true
		return
	}
	f.mark(root)
}

func (f *flow) mark(v *types.Var) {
	if !f.s.watched[v] {
		f.s.watched[v] = true
		f.changed = true
	}
}

// call checks a call's arguments: passing the session to a function is an
// escape, unless the call is a logout, a plain API call on the session
// itself, or a standard-library function that only computes with its
// arguments (then its pointer arguments carry the session on).
func (f *flow) call(call *ast.CallExpr) {
	st, s := f.st, f.s
	if call == s.login.Expr || st.isLogoutCall(call) {
		return
	}
	if tv, ok := st.info.Types[call.Fun]; ok && tv.IsType() {
		return // conversion: see carries
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, _ := st.info.ObjectOf(id).(*types.Var); v != nil && s.watched[v] {
			f.escaped = true // calls a func value taken from the session (c.Logout as a value)
			return
		}
	}
	callee := typeutil.Callee(st.info, call)
	if b, ok := callee.(*types.Builtin); ok {
		if b.Name() == "copy" && len(call.Args) == 2 && f.carries(call.Args[1]) {
			f.sink(call.Args[0])
		}
		return
	}
	if f.onSession(call) {
		return // a plain API call on the client or session
	}
	fn, _ := callee.(*types.Func)
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn != nil {
		if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
			recv = sel.X
		}
	}
	argCarries := false
	for _, a := range call.Args {
		if f.carries(a) {
			argCarries = true
		}
	}
	if !argCarries && (recv == nil || !f.carries(recv)) {
		return
	}
	if !computes(fn) {
		if argCarries {
			f.escaped = true
		}
		return
	}
	if argCarries && recv != nil && mutators[fn.Name()] {
		f.sink(recv) // req.Header.Set("Authorization", "Bearer "+sid)
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			f.sink(u.X) // json.Unmarshal(body, &v)
			continue
		}
		if t := st.info.TypeOf(a); t != nil && isReference(t) && !f.carries(a) {
			if _, isIdent := a.(*ast.Ident); isIdent {
				f.sink(a) // xml.Unmarshal(body, env), io.ReadFull(r, buf)
			}
		}
	}
}

// onSession reports whether call is a method call whose receiver is rooted
// at a variable carrying the session: c.Query(...), resp.Body.Close().
func (f *flow) onSession(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s, ok := f.st.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return false
	}
	root := sflogin.RootVar(f.st.info, sel.X)
	return root != nil && f.s.watched[root]
}

// mentions reports whether n uses a variable carrying the session.
func (f *flow) mentions(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		if id, ok := m.(*ast.Ident); ok {
			if v, _ := f.st.info.Uses[id].(*types.Var); v != nil && f.s.watched[v] {
				found = true
			}
		}
		return true
	})
	return found
}

// carries reports whether the value of e carries the session: a variable
// carrying it, a field that holds a session id or the client, a composite
// literal, concatenation or conversion of one, the session-bearing result of
// a method on it (GetSid, a builder returning the client), or a computation
// of the standard library on one. Booleans, numbers and errors never do.
func (f *flow) carries(e ast.Expr) bool {
	st, s := f.st, f.s
	if e == nil {
		return false
	}
	e = ast.Unparen(e)
	if t := st.info.TypeOf(e); t != nil && st.inert(t) {
		return false
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, _ := st.info.Uses[e].(*types.Var)
		return v != nil && s.watched[v]
	case *ast.SelectorExpr:
		sel, ok := st.info.Selections[e]
		if !ok {
			return false // a qualified identifier
		}
		if !f.carries(e.X) {
			return false
		}
		if sel.Kind() != types.FieldVal || s.raw {
			return true
		}
		ft := sel.Type()
		if sessionName(e.Sel.Name) || st.typeCarries(s, ft, 0) {
			return true
		}
		return false
	case *ast.StarExpr:
		return f.carries(e.X)
	case *ast.UnaryExpr:
		return f.carries(e.X)
	case *ast.IndexExpr:
		return f.carries(e.X)
	case *ast.IndexListExpr:
		return f.carries(e.X)
	case *ast.SliceExpr:
		return f.carries(e.X)
	case *ast.TypeAssertExpr:
		return f.carries(e.X)
	case *ast.BinaryExpr:
		return e.Op == token.ADD && (f.carries(e.X) || f.carries(e.Y))
	case *ast.KeyValueExpr:
		return f.carries(e.Value)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if f.carries(elt) {
				return true
			}
		}
	case *ast.FuncLit:
		return f.mentions(e)
	case *ast.CallExpr:
		if tv, ok := st.info.Types[e.Fun]; ok && tv.IsType() {
			return len(e.Args) == 1 && f.carries(e.Args[0])
		}
		callee := typeutil.Callee(st.info, e)
		if b, ok := callee.(*types.Builtin); ok {
			switch b.Name() {
			case "append", "min", "max":
				for _, a := range e.Args {
					if f.carries(a) {
						return true
					}
				}
			}
			return false
		}
		if f.onSession(e) {
			if s.raw {
				return true
			}
			sel := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if sessionName(strings.TrimPrefix(sel.Sel.Name, "Get")) {
				return true
			}
			if t := st.info.TypeOf(e); t != nil {
				if tuple, ok := t.(*types.Tuple); ok {
					for i := 0; i < tuple.Len(); i++ {
						if st.typeCarries(s, tuple.At(i).Type(), 0) {
							return true
						}
					}
					return false
				}
				return st.typeCarries(s, t, 0)
			}
			return false
		}
		fn, _ := callee.(*types.Func)
		if !computes(fn) {
			return false
		}
		for _, a := range e.Args {
			if f.carries(a) {
				return true
			}
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if _, isMethod := st.info.Selections[sel]; isMethod {
				return f.carries(sel.X)
			}
		}
	}
	return false
}

// inert reports whether values of type t cannot carry a session: booleans,
// numbers, errors and untyped nil.
func (st *state) inert(t types.Type) bool {
	if t == nil {
		return false
	}
	if types.Identical(t, errorType) {
		return true
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&(types.IsBoolean|types.IsNumeric) != 0 || b.Kind() == types.UntypedNil
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type()

// typeCarries reports whether a value of type t can hold the session: it is
// the client's type, or a struct (or pointer, slice, map of one) with a
// session-id field or a field of such a type.
func (st *state) typeCarries(s *session, t types.Type, depth int) bool {
	if t == nil || depth > 3 {
		return false
	}
	t = types.Unalias(t)
	for _, ht := range s.holderTypes {
		if types.Identical(deref(t), ht) {
			return true
		}
	}
	if v, ok := s.carry[t]; ok {
		return v
	}
	s.carry[t] = false // breaks cycles
	res := false
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		res = st.typeCarries(s, u.Elem(), depth)
	case *types.Struct:
		for i := 0; i < u.NumFields() && !res; i++ {
			fl := u.Field(i)
			res = (sessionName(fl.Name()) && !st.inert(fl.Type())) || st.typeCarries(s, fl.Type(), depth+1)
		}
	case *types.Slice:
		res = st.typeCarries(s, u.Elem(), depth+1)
	case *types.Array:
		res = st.typeCarries(s, u.Elem(), depth+1)
	case *types.Map:
		res = st.typeCarries(s, u.Elem(), depth+1) || st.typeCarries(s, u.Key(), depth+1)
	case *types.Chan:
		res = st.typeCarries(s, u.Elem(), depth+1)
	}
	s.carry[t] = res
	return res
}

// sessionName reports whether a field or method name denotes a session id
// or token (SessionId, Sid, AccessToken, RefreshToken, Token).
func sessionName(name string) bool {
	switch sflogin.RoleOfName(name) {
	case sfapi.SessionID, sfapi.RefreshToken:
		return true
	}
	n := strings.ToLower(name)
	return n == "token" || n == "session" || n == "sessiontoken"
}

// computing lists the standard-library packages whose functions only compute
// with their arguments (format, parse, build a request, read a response):
// passing the session to them is not handing it over.
var computing = map[string]bool{
	"bufio": true, "bytes": true, "context": true, "encoding/base64": true, "encoding/hex": true,
	"encoding/json": true, "encoding/xml": true, "errors": true, "fmt": true, "html": true,
	"io": true, "io/ioutil": true, "log": true, "log/slog": true, "maps": true, "mime": true,
	"net/http": true, "net/url": true, "path": true, "regexp": true, "slices": true,
	"sort": true, "strconv": true, "strings": true, "time": true, "unicode/utf8": true,
}

// sinkNames are functions and methods of those packages that write their
// argument somewhere (a writer, a cookie, the environment): handing it over.
var sinkNames = map[string]bool{
	"Write": true, "WriteString": true, "WriteAt": true, "WriteTo": true, "WriteByte": true,
	"WriteRune": true, "Encode": true, "EncodeElement": true, "EncodeToken": true, "SetCookie": true,
	"Fprint": true, "Fprintf": true, "Fprintln": true, "Copy": true, "CopyN": true, "CopyBuffer": true,
	"Redirect": true, "Serve": true, "ServeContent": true, "Handle": true, "HandleFunc": true,
}

// mutators are methods of those packages that store an argument in their receiver.
var mutators = map[string]bool{"Set": true, "Add": true, "SetBasicAuth": true, "AddCookie": true, "Store": true}

func computes(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && computing[fn.Pkg().Path()] && !sinkNames[fn.Name()]
}

// ---------------------------------------------------------------------------
// Reports

// how says what to do, for messages: "defer client.Logout() after the login's error check".
func (st *state) how(s *session) string {
	switch s.pair.flavor {
	case rawSOAP:
		return "post a SOAP logout() with the session id before every return (or defer it once the login succeeded)"
	case revoke:
		return "POST the access token to /services/oauth2/revoke before every return (or defer it once the login succeeded)"
	}
	if s.pair.fn != nil && s.holderExpr != nil {
		return fmt.Sprintf("defer %s(%s) after the login's error check", sflogin.FuncName(s.pair.fn), redact.Expr(st.info, s.holderExpr))
	}
	if call := st.logoutCallText(s, st.printed); call != "" {
		return fmt.Sprintf("defer %s after the login's error check", call)
	}
	return fmt.Sprintf("log the client out on every path (its %s(), or a method of yours that calls it; defer it after the login's error check)", s.pair.method)
}

// logoutCallText is the logout call on the holder, "client.Logout()", or ""
// when no logout method of the holder's type is known.
func (st *state) logoutCallText(s *session, print func(ast.Expr) string) string {
	if s.holderExpr == nil {
		return ""
	}
	t := st.info.TypeOf(s.holderExpr)
	if t == nil {
		return ""
	}
	m := st.logoutMethod(t, s.pair.method)
	if m == "" {
		return ""
	}
	return print(s.holderExpr) + "." + m + "()"
}

// printed is how a message prints an expression: string literals elided,
// no name that spells a secret (internal/redact).
func (st *state) printed(e ast.Expr) string { return redact.Expr(st.info, e) }

// logoutMethod returns the name of a method of t, taking no arguments, that
// ends the session t holds: the library's logout (method), a method of this
// package that calls a logout on its receiver, or a method of t called
// somewhere in the package that the shared pass resolved as a logout (a
// wrapper of another package). It returns "" when none is known.
func (st *state) logoutMethod(t types.Type, method string) string {
	if method != "" && hasMethod(st.pass.Pkg, t, method) {
		return method
	}
	ms := types.NewMethodSet(pointerTo(t))
	for i := 0; i < ms.Len(); i++ {
		m, _ := ms.At(i).Obj().(*types.Func)
		fd := st.decl(m)
		if fd == nil || !hasMethod(st.pass.Pkg, t, m.Name()) || fd.Recv == nil ||
			len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
			continue
		}
		recv, _ := st.info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
		found := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found {
				if c := st.res.Lookup(call); c != nil && c.Kind == sfapi.Logout && c.Recv != nil &&
					recv != nil && sflogin.RootVar(st.info, c.Recv) == recv {
					found = true
				}
			}
			return !found
		})
		if found {
			return m.Name()
		}
	}
	for _, c := range st.res.Calls {
		if c.Kind != sfapi.Logout || c.Recv == nil || c.Callee == nil {
			continue
		}
		if rt := st.info.TypeOf(c.Recv); rt != nil && types.Identical(deref(rt), deref(t)) && hasMethod(st.pass.Pkg, t, c.Callee.Name()) {
			return c.Callee.Name()
		}
	}
	return ""
}

const whyLeak = "it stays valid on the server until the org's session timeout (two hours by default), and Salesforce recommends ending every session with logout()"

const whyUnrevoked = "it stays valid until the org's session timeout (two hours by default) for anyone who obtains it"

// why says why the leak matters, for messages.
func why(s *session) string {
	if s.pair.flavor == revoke {
		return whyUnrevoked
	}
	return whyLeak
}

func (st *state) subject(s *session) string {
	if s.pair.flavor == revoke {
		return "access token from " + s.login.Name()
	}
	return "session from " + s.login.Name()
}

func (st *state) reportLeak(s *session, ret *ast.ReturnStmt) {
	verb := "logged out"
	if s.pair.flavor == revoke {
		verb = "revoked"
	}
	msg := fmt.Sprintf("%s is not %s on all paths: %s; %s", st.subject(s), verb, why(s), st.how(s))
	line := st.pass.Fset.Position(s.login.Expr.Pos()).Line
	rel := analysis.RelatedInformation{Pos: ret.Pos(), End: ret.End()}
	if s.pair.flavor == revoke {
		rel.Message = fmt.Sprintf("this return leaves the access token obtained on line %d unrevoked", line)
	} else {
		rel.Message = fmt.Sprintf("this return leaves the session opened on line %d logged in", line)
	}
	if ret.Pos() == s.fn.body.End()-1 {
		rel.End = s.fn.body.End()
		if s.pair.flavor == revoke {
			rel.Message = fmt.Sprintf("the function ends here without revoking the access token obtained on line %d", line)
		} else {
			rel.Message = fmt.Sprintf("the function ends here without logging out the session opened on line %d", line)
		}
	} else if st.pass.Fset.File(ret.Pos()) != st.pass.Fset.File(ret.End()) {
		rel.End = ret.Pos()
	}
	d := analysis.Diagnostic{
		Pos:     s.login.Expr.Pos(),
		End:     s.login.Expr.End(),
		Message: msg,
		Related: []analysis.RelatedInformation{rel},
	}
	if fix := st.fix(s); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	st.res.Report(st.pass, d)
}

func (st *state) reportDiscarded(s *session) {
	what, how := "it can never be logged out", "keep the session and end it on every path"
	switch {
	case s.pair.flavor == revoke:
		what, how = "it can never be revoked", "keep the token and POST it to /services/oauth2/revoke when done"
	case s.pair.method != "":
		how = fmt.Sprintf("keep the client and defer its %s() after the login's error check", s.pair.method)
	}
	st.res.Report(st.pass, analysis.Diagnostic{
		Pos:     s.login.Expr.Pos(),
		End:     s.login.Expr.End(),
		Message: fmt.Sprintf("%s is discarded, so %s: %s; %s", st.subject(s), what, why(s), how),
	})
}

// fix returns the SuggestedFix inserting `defer <client>.Logout()` after the
// login's error check (or right after the login statement when there is
// none), or nil when the edit is not mechanical.
func (st *state) fix(s *session) *analysis.SuggestedFix {
	call := st.logoutCallText(s, types.ExprString) // the code inserted
	if call == "" || s.pair.flavor != holderLogout || !redact.Verbatim(st.info, s.holderExpr) {
		return nil // (a fix would print a secret held in a literal: JSON and SARIF carry fixes)
	}
	stmt, next := st.loginStmt(s)
	if stmt == nil {
		return nil
	}
	var after ast.Stmt
	if ifs, ok := stmt.(*ast.IfStmt); ok {
		// if _, err := c.Login(u, p); err != nil { return err }
		if ifs.Else != nil || !st.errCheck(s, ifs) {
			return nil
		}
		after = ifs
	} else if ifs, ok := next.(*ast.IfStmt); ok && ifs.Init == nil && ifs.Else == nil && st.errCheck(s, ifs) {
		after = ifs
	} else if s.login.Session >= 0 {
		return nil // no error check: on a failed login the session result is nil
	} else {
		after = stmt
	}
	// Insert at the end of the line, after any trailing comment.
	pos := after.End()
	if tf := st.pass.Fset.File(pos); tf != nil {
		if line := tf.Line(pos); line < tf.LineCount() {
			pos = tf.LineStart(line+1) - 1
		}
	}
	indent := strings.Repeat("\t", max(st.pass.Fset.Position(stmt.Pos()).Column-1, 0))
	return &analysis.SuggestedFix{
		Message:   "Defer " + st.logoutCallText(s, st.printed) + " after the login's error check",
		TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte("\n" + indent + "defer " + call)}},
	}
}

// loginStmt returns the statement holding the login when it sits directly in
// a statement list (of a block, case or select clause) -- an assignment,
// declaration or expression statement, or an if statement with the login in
// its init -- and the statement after it (nil at the end of the list).
func (st *state) loginStmt(s *session) (stmt, next ast.Stmt) {
	var n ast.Node = s.login.Expr
	for {
		p := s.fn.parent(n)
		var list []ast.Stmt
		switch p := p.(type) {
		case nil, *ast.FuncLit:
			return nil, nil
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		case *ast.CommClause:
			list = p.Body
		}
		if list == nil {
			n = p
			continue
		}
		for i, x := range list {
			if x != n {
				continue
			}
			switch x := x.(type) {
			case *ast.AssignStmt, *ast.DeclStmt, *ast.ExprStmt:
			case *ast.IfStmt:
				if !contains(x.Init, s.login.Expr) {
					return nil, nil
				}
			default:
				return nil, nil
			}
			if i+1 < len(list) {
				next = list[i+1]
			}
			return x, next
		}
		return nil, nil
	}
}

// errCheck reports whether ifs tests the login's error for failure and ends
// the function (or the loop iteration) in its body: `if err != nil { return err }`.
func (st *state) errCheck(s *session, ifs *ast.IfStmt) bool {
	if ifs.Cond == nil || ifs.Body == nil {
		return false
	}
	whenTrue, _ := st.failed(s, ifs.Cond, true)
	if !whenTrue || len(ifs.Body.List) == 0 {
		return false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(last.X).(*ast.CallExpr); ok {
			return !st.mayReturn(call)
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Owner types: a Close that does not log out

// ownerCandidate is a login whose session ends up in field of a struct type
// of the package.
type ownerCandidate struct {
	login *sflogin.Call
	pair  pairing
	owner *types.Named
	field *types.Var
}

// noteOwners records the struct fields of the package that the session of
// login l ends up in: l logs in on x.f, or the client is stored into
// T{f: c} or x.f = c.
func (st *state) noteOwners(fn *function, l *sflogin.Call, p pairing, holder *types.Var) {
	if p.flavor != holderLogout {
		return
	}
	add := func(x ast.Expr, field string) {
		named := st.localStruct(st.info.TypeOf(x))
		if named == nil {
			return
		}
		fv := fieldNamed(named, field)
		if fv == nil {
			return
		}
		st.owners = append(st.owners, &ownerCandidate{login: l, pair: p, owner: named, field: fv})
	}
	if l.Session == sfapi.InReceiver && l.Recv != nil {
		if sel, ok := ast.Unparen(l.Recv).(*ast.SelectorExpr); ok {
			if s, ok := st.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				add(sel.X, sel.Sel.Name)
			}
		}
	}
	if holder == nil {
		return
	}
	isHolder := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		return varOf(st.info, e) == holder
	}
	ast.Inspect(fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			for i, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok && isHolder(kv.Value) {
						add(n, key.Name)
					}
				} else if isHolder(elt) {
					if named := st.localStruct(st.info.TypeOf(n)); named != nil {
						if str, ok := named.Underlying().(*types.Struct); ok && i < str.NumFields() {
							add(n, str.Field(i).Name()) // T{c, ...}
						}
					}
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && isHolder(n.Rhs[i]) {
					if s, ok := st.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
						add(sel.X, sel.Sel.Name)
					}
				}
			}
		}
		return true
	})
}

// localStruct returns the named struct type of this package behind t (T or *T).
func (st *state) localStruct(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() != st.pass.Pkg {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

func fieldNamed(n *types.Named, name string) *types.Var {
	s, _ := n.Underlying().(*types.Struct)
	if s == nil {
		return nil
	}
	for i := 0; i < s.NumFields(); i++ {
		if s.Field(i).Name() == name {
			return s.Field(i)
		}
	}
	return nil
}

// teardownNames are the methods that end an owner's life, in the order a
// report prefers them.
var teardownNames = []string{"Close", "Shutdown", "Stop"}

// checkOwners reports owner types whose Close, Shutdown or Stop never ends
// the session the type holds (the database/sql-driver shape: one login per
// connection, a Close that only drops the pointer).
func (st *state) checkOwners() {
	done := map[*types.Named]bool{}
	for _, oc := range st.owners {
		if done[oc.owner] {
			continue
		}
		var teardown []*ast.FuncDecl
		for _, name := range teardownNames {
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(oc.owner), true, st.pass.Pkg, name)
			m, _ := obj.(*types.Func)
			if m == nil {
				continue
			}
			if fd := st.decl(m); fd != nil {
				teardown = append(teardown, fd)
			}
		}
		if len(teardown) == 0 {
			continue // no teardown method: the owner lives as long as the program
		}
		handled := false
		for _, fd := range teardown {
			if st.endsOwned(fd, oc.field, map[*ast.FuncDecl]bool{}, 0) {
				handled = true
			}
		}
		done[oc.owner] = true
		if handled {
			continue
		}
		st.reportOwner(oc, teardown[0])
	}
}

// endsOwned reports whether method fd (or a method of the same type it calls
// on its receiver) logs a session out, or hands the field over to someone
// else (passes it to a function, copies it, captures it in a closure).
func (st *state) endsOwned(fd *ast.FuncDecl, field *types.Var, seen map[*ast.FuncDecl]bool, depth int) bool {
	if seen[fd] || depth > 4 || fd.Body == nil {
		return false
	}
	seen[fd] = true
	var recv *types.Var
	if fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
		recv, _ = st.info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	}
	// Uses of recv.field that do not hand it over: assignments to it,
	// comparisons with nil, and method calls on it (which are not logouts).
	benign := map[ast.Node]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				benign[ast.Unparen(lhs)] = true
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				benign[ast.Unparen(n.X)] = true
				benign[ast.Unparen(n.Y)] = true
			}
		case *ast.SelectorExpr:
			if s, ok := st.info.Selections[n]; ok && s.Kind() == types.MethodVal {
				benign[ast.Unparen(n.X)] = true
			}
		}
		return true
	})
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if st.isLogoutCall(n) {
				found = true
				return false
			}
			// A method of the same type called on the receiver: look into it.
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && recv != nil && varOf(st.info, sel.X) == recv {
				if m, ok := st.info.Uses[sel.Sel].(*types.Func); ok {
					if callee := st.decl(m); callee != nil && st.endsOwned(callee, field, seen, depth+1) {
						found = true
						return false
					}
				}
			}
		case *ast.SelectorExpr:
			if recv != nil && st.info.Uses[n.Sel] == field && sflogin.RootVar(st.info, n.X) == recv && !benign[n] {
				found = true // handed over
				return false
			}
		}
		return true
	})
	return found
}

func (st *state) reportOwner(oc *ownerCandidate, fd *ast.FuncDecl) {
	recvName := "x"
	if fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 && fd.Recv.List[0].Names[0].Name != "_" {
		recvName = fd.Recv.List[0].Names[0].Name
	}
	fn, _ := st.info.Defs[fd.Name].(*types.Func)
	name := fd.Name.Name
	if fn != nil {
		name = sflogin.FuncName(fn)
	}
	how := fmt.Sprintf("call %s.%s.%s() in %s", recvName, oc.field.Name(), oc.pair.method, fd.Name.Name)
	if oc.pair.method == "" || !hasMethod(st.pass.Pkg, oc.field.Type(), oc.pair.method) {
		how = fmt.Sprintf("log the session in %s out in %s", oc.field.Name(), fd.Name.Name)
	}
	line := st.pass.Fset.Position(oc.login.Expr.Pos()).Line
	st.res.Report(st.pass, analysis.Diagnostic{
		Pos: fd.Name.Pos(),
		End: fd.Name.End(),
		Message: fmt.Sprintf("%s does not log out the session held in field %s (from %s): %s; %s",
			name, oc.field.Name(), oc.login.Name(), whyLeak, how),
		Related: []analysis.RelatedInformation{{
			Pos:     oc.login.Expr.Pos(),
			End:     oc.login.Expr.End(),
			Message: fmt.Sprintf("the session is opened here (line %d) and kept in %s.%s", line, oc.owner.Obj().Name(), oc.field.Name()),
		}},
	})
}

// ---------------------------------------------------------------------------
// Small helpers

// decl returns the declaration of a function of this package (for a method
// of an instantiated generic type, of its origin), or nil.
func (st *state) decl(fn *types.Func) *ast.FuncDecl {
	if fn == nil {
		return nil
	}
	return st.decls[fn.Origin()]
}

func varOf(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

func isBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// selectorBase returns x for x.f (and *x, x[i]), nil for a root.
func selectorBase(e ast.Expr) ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return x.X
	case *ast.StarExpr:
		return x.X
	case *ast.IndexExpr:
		return x.X
	}
	return nil
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func pointerTo(t types.Type) types.Type {
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		return t
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return t
	}
	return types.NewPointer(t)
}

// isReference reports whether a value of type t lets a callee store into
// memory the caller sees: a pointer, a slice or a map.
func isReference(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map:
		return true
	}
	return false
}

func isPointerLike(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface, *types.Chan, *types.Signature:
		return true
	}
	return false
}

// hasMethod reports whether t (or *t) has a method name taking no arguments.
func hasMethod(pkg *types.Package, t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	m, _ := obj.(*types.Func)
	if m == nil {
		return false
	}
	sig, _ := m.Type().(*types.Signature)
	return sig != nil && sig.Params().Len() == 0
}
