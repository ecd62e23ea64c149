package sessionreuse

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/message"
	"github.com/sflint/sflint/internal/redact"
	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

//go:embed doc.go
var docGo string

// Name is the analyzer's name: the prefix of its flags and the name
// //sflint:ignore directives use.
const Name = "sessionreuse"

// Config configures the analyzer. Both lists are added to the built-in
// ones, and go to the shared pass (its -sflogin.handlers and
// -sflogin.schedulers lists): blindretry asks the same question of where
// programs start again and again.
type Config struct {
	// Handlers are named function types whose functions serve one request
	// each, as import/path.Type ("github.com/gin-gonic/gin.HandlerFunc"),
	// or interface methods called once per request, as
	// import/path.Iface.Method.
	Handlers []string
	// Schedulers are functions or methods that call the functions passed to
	// them again and again (on a timer, per event), as import/path.Func or
	// import/path.Type.Method ("github.com/robfig/cron/v3.Cron.AddFunc").
	Schedulers []string
}

// Analyzer is the sessionreuse analyzer built from the default configuration.
var Analyzer = New(sflogin.Analyzer, Config{})

// New returns the analyzer for a configuration, on top of the given shared
// login pass. Its flags write into the returned analyzer's own copy of cfg.
func New(login *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	c := &checker{login: login}
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       message.Manual(docGo, Name),
		URL:       "https://github.com/sflint/sflint#sessionreuse",
		Requires:  []*analysis.Analyzer{login},
		Run:       c.run,
		FactTypes: []analysis.Fact{new(everyCall)},
	}
	// -sessionreuse.handlers and -sessionreuse.schedulers are the shared
	// pass's lists under their first names, kept for the configurations
	// that use them.
	for name, list := range map[string][]string{"handlers": cfg.Handlers, "schedulers": cfg.Schedulers} {
		f := login.Flags.Lookup(name)
		if f == nil {
			continue // a shared pass built without the lists
		}
		if len(list) > 0 {
			if err := f.Value.Set(strings.Join(list, ",")); err != nil {
				c.err = fmt.Errorf("%s: %v", Name, err)
			}
		}
		a.Flags.Var(f.Value, name, "the same list as -"+login.Name+"."+name+": "+f.Usage)
	}
	a.RunDespiteErrors = true // findings in declarations that do not type-check are dropped (sflogin)
	return a
}

type checker struct {
	login *analysis.Analyzer
	err   error // a bad list in the Config
}

// everyCall marks a function that logs in to Salesforce on every call: it
// makes a login (directly or through another such function) that no cache
// check, sync.Once or error branch guards.
type everyCall struct {
	// Reported: sessionreuse already reports the repeated login inside the
	// function, where it is made; callers are not reported again.
	Reported bool
}

// AFact implements analysis.Fact.
func (*everyCall) AFact() {}

func (f *everyCall) String() string {
	if f.Reported {
		return "logs in on every call (reported)"
	}
	return "logs in on every call"
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	if c.err != nil {
		return nil, c.err
	}
	res, _ := pass.ResultOf[c.login].(*sflogin.Result)
	if pass.TypesInfo == nil || res == nil || res.Skipped || res.Env == nil {
		return nil, nil
	}
	st := &state{
		pass:      pass,
		res:       res,
		env:       res.Env,
		info:      pass.TypesInfo,
		fresh:     map[*types.Func]bool{},
		handsBack: map[*types.Func]bool{},
		reported:  map[*types.Func]bool{},
	}
	var sites []*site
	for _, l := range res.Flow.Logins() {
		s := &site{Login: l}
		if g := l.Guards(); g.Cache && !g.Error {
			s.broken = st.findBroken(s)
		}
		sites = append(sites, s)
	}
	st.deriveFresh(sites)
	for _, s := range sites {
		st.check(s)
	}
	st.deriveReported(sites)
	for _, s := range sites {
		if s.diag != nil && !st.calleeReported(s) {
			res.Report(pass, *s.diag)
		}
	}
	st.exportFacts()
	return nil, nil
}

// state is the working state of one pass.
type state struct {
	pass *analysis.Pass
	res  *sflogin.Result
	env  *flow.Env
	info *types.Info

	fresh     map[*types.Func]bool // local functions that log in on every call
	handsBack map[*types.Func]bool // ... that can be login wrappers: the fact is exported for these
	reported  map[*types.Func]bool // ... whose repeated login is reported inside them
}

// site is one login call and what the analysis found about it.
type site struct {
	*flow.Login
	broken *broken // shape 4
	diag   *analysis.Diagnostic
}

// isFresh reports whether the call logs in whenever it runs: a library
// login, or a wrapper that logs in on every call.
func (st *state) isFresh(s *site) bool {
	fn := s.Wrapper
	if fn == nil {
		return true
	}
	if fn.Pkg() == st.pass.Pkg {
		return st.fresh[fn]
	}
	return st.pass.ImportObjectFact(fn.Origin(), new(everyCall))
}

// calleeReported reports whether the call goes through a wrapper whose
// repeated login sessionreuse reports inside it.
func (st *state) calleeReported(s *site) bool {
	fn := s.Wrapper
	if fn == nil {
		return false
	}
	if fn.Pkg() == st.pass.Pkg {
		return st.reported[fn]
	}
	var f everyCall
	return st.pass.ImportObjectFact(fn.Origin(), &f) && f.Reported
}

// counts reports whether the site makes its function log in on every call.
func (s *site) counts() bool {
	g := s.Guards()
	return (!g.Error && !g.Cache) || s.broken != nil
}

// deriveFresh computes, to a fixpoint, the local functions that log in on
// every call.
func (st *state) deriveFresh(sites []*site) {
	for changed := true; changed; {
		changed = false
		for _, s := range sites {
			if obj := s.Fn.Obj; obj != nil && !st.fresh[obj] && s.counts() && st.isFresh(s) {
				st.fresh[obj] = true
				changed = true
			}
		}
	}
	for _, s := range sites {
		if obj := s.Fn.Obj; obj != nil && st.fresh[obj] && !st.handsBack[obj] {
			st.handsBack[obj] = st.mayHandBack(s)
		}
	}
}

// mayHandBack reports whether the site's function can be a login wrapper
// (what the shared pass gives a LoginFact): it has results, or the session
// goes to its receiver or a parameter. Facts are exported for these only.
func (st *state) mayHandBack(s *site) bool {
	sig := s.Fn.Sig
	if sig == nil {
		return false
	}
	if sig.Results().Len() > 0 {
		return true
	}
	hs, _ := s.Holders()
	for _, h := range hs {
		if _, ok := s.Fn.Param(h.Root); ok {
			return true
		}
	}
	return false
}

// deriveReported computes, to a fixpoint, the local functions whose every
// repeated login is reported (inside them or inside the wrappers they call).
func (st *state) deriveReported(sites []*site) {
	for changed := true; changed; {
		changed = false
		byFn := map[*types.Func]bool{}
		for _, s := range sites {
			obj := s.Fn.Obj
			if obj == nil || !st.fresh[obj] || !s.counts() || !st.isFresh(s) {
				continue
			}
			ok := s.diag != nil || st.calleeReported(s)
			if prev, seen := byFn[obj]; seen {
				byFn[obj] = prev && ok
			} else {
				byFn[obj] = ok
			}
		}
		for obj, ok := range byFn {
			if ok && !st.reported[obj] {
				st.reported[obj] = true
				changed = true
			}
		}
	}
}

func (st *state) exportFacts() {
	if st.pass.Pkg.Name() == "main" {
		return // nothing imports a command
	}
	for _, f := range st.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || (fd.Recv == nil && (fd.Name.Name == "init" || fd.Name.Name == "main")) {
				continue
			}
			obj, _ := st.info.Defs[fd.Name].(*types.Func)
			if obj != nil && st.fresh[obj] && st.handsBack[obj] {
				st.pass.ExportObjectFact(obj, &everyCall{Reported: st.reported[obj]})
			}
		}
	}
}

// check decides which shape, if any, the site is, and builds its diagnostic.
func (st *state) check(s *site) {
	if !st.isFresh(s) {
		return
	}
	if s.broken != nil {
		s.diag = st.brokenDiag(s)
		return
	}
	if g := s.Guards(); g.Error || g.Cache {
		return // a cache or a refresh after a failure: what Salesforce recommends
	}
	loops := s.Fn.EnclosingLoops(s.Expr)
	if s.CredsVaryInLoops(loops) {
		return // a different session per item, or per user: not a repeat
	}
	if d := st.perIteration(s, loops); d != nil {
		s.diag = d
		return
	}
	if d := st.perRequest(s); d != nil {
		s.diag = d
		return
	}
	s.diag = st.perCall(s)
}

// refresh is the advice shared by every message. Why a login per use
// matters (cost, login limits) is the manual's, not every message's.
const refresh = "log in again only when a call fails with INVALID_SESSION_ID"

// perIteration is shape 1: a login in a loop body, with the same credentials
// on every iteration, on the success path, followed by work with the
// session before the next iteration.
func (st *state) perIteration(s *site, loops []ast.Stmt) *analysis.Diagnostic {
	for _, loop := range loops {
		if !s.Fn.Unconditional(s.Expr, loop, true, true) {
			return nil
		}
		r := s.SuccessRegion(loop)
		if !r.Found {
			return nil
		}
		if !r.Cont {
			continue // the loop ends after a successful login: a retry (blindretry's business)
		}
		hs, inline := s.Holders()
		// A login at the bottom of the loop serves the work at the top of
		// the next iteration ("sleep, then get a new token").
		nodes := append(r.Nodes, loopPrefix(loop, s.Expr)...)
		use := s.UsageIn(nodes, hs, nil)
		if use.Escape || (!use.Use && !inline) {
			return nil
		}
		what := "iteration"
		if flow.WaitsOnTimer(st.info, loop) {
			what = "tick"
		}
		return &analysis.Diagnostic{
			Pos: s.Expr.Pos(), End: st.end(s.Expr), Category: "per-iteration",
			Message: message.About(s.Call, func(n string) string {
				return fmt.Sprintf("%s logs in on every %s of this loop with the same credentials", n, what)
			}, "Log in once before the loop and reuse the session; "+refresh),
			Related: []analysis.RelatedInformation{{Pos: loop.Pos(), End: loop.Pos() + 3, Message: "the loop that runs the login every time"}},
		}
	}
	return nil
}

// loopPrefix returns the statements of the loop's body before the one that
// holds the call: what the next iteration runs before the call again.
func loopPrefix(loop ast.Stmt, call ast.Node) []ast.Node {
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	}
	if body == nil {
		return nil
	}
	var out []ast.Node
	for _, st := range body.List {
		if st.Pos() <= call.Pos() && call.End() <= st.End() {
			return out
		}
		out = append(out, st)
	}
	return nil
}

// perRequest is shape 2: a login reached on every call of an HTTP handler, a
// gRPC method, or a function a scheduler calls on every tick.
func (st *state) perRequest(s *site) *analysis.Diagnostic {
	ctx := st.res.Entry(s.Fn)
	what, related := ctx.Every, ctx.Related
	if what == "" || !s.Fn.Unconditional(s.Expr, s.Fn.Node, true, true) {
		return nil
	}
	if s.CredsVaryPerCall() {
		return nil // credentials from the request: a session per caller
	}
	r := s.SuccessRegion(nil)
	if !r.Found {
		return nil
	}
	hs, _ := s.Holders()
	if u := s.UsageIn(r.Nodes, hs, nil); u.Escape && (u.Other || !u.GlobalRead) {
		// The session is kept somewhere: someone's cache. Not when it goes
		// into a package-level variable the function goes on to use: it
		// overwrites that variable with a new session on every run.
		return nil
	}
	return &analysis.Diagnostic{
		Pos: s.Expr.Pos(), End: st.end(s.Expr), Category: "per-request",
		Message: message.About(s.Call, func(n string) string {
			return fmt.Sprintf("%s logs in on %s", n, what)
		}, "Log in once (at start-up, or lazily under sync.Once) and share the session; "+refresh),
		Related: related,
	}
}

// constructorPrefixes are the names of methods that are meant to log in:
// they run once per object or on purpose (lower-cased prefixes).
var constructorPrefixes = []string{
	"new", "open", "connect", "reconnect", "login", "logon", "relogin", "signin", "init", "auth",
	"reauth", "refresh", "renew", "dial", "setup", "start", "run", "serve", "execute", "main",
	"check", "verify", "validate", "test",
}

func constructorLike(name string) bool {
	n := strings.ToLower(name)
	for _, p := range constructorPrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// perCall is shape 3: a method that logs in on its receiver's client
// unconditionally, then calls the API on that client.
func (st *state) perCall(s *site) *analysis.Diagnostic {
	fi := s.Fn
	decl, _ := fi.Node.(*ast.FuncDecl)
	if decl == nil || decl.Recv == nil || fi.Sig == nil || fi.Sig.Recv() == nil || constructorLike(decl.Name.Name) {
		return nil
	}
	if !fi.Unconditional(s.Expr, fi.Node, false, false) {
		return nil
	}
	if s.CredsVaryPerCall() {
		return nil // the caller passes the credentials: a session per caller
	}
	recv := fi.Sig.Recv()
	hs, _ := s.Holders()
	var own []flow.Holder
	for _, h := range hs {
		if h.Root == recv {
			own = append(own, h)
		}
	}
	if len(own) == 0 {
		return nil
	}
	r := s.SuccessRegion(nil)
	if !r.Found {
		return nil
	}
	u := s.UsageIn(r.Nodes, hs, recv)
	if u.Escape || !u.API {
		return nil
	}
	kept := exprString(st.info, own[0].Expr)
	return &analysis.Diagnostic{
		Pos: s.Expr.Pos(), End: st.end(s.Expr), Category: "per-call",
		Message: message.About(s.Call, func(n string) string {
			return fmt.Sprintf("%s logs in on every call of %s although %s holds the session", n, sflogin.FuncName(fi.Obj), kept)
		}, fmt.Sprintf("Log in once (in the constructor, or when %s has no session yet) and reuse it; %s", kept, refresh)),
		Related: []analysis.RelatedInformation{{Pos: u.APICall.Pos(), End: st.end(u.APICall), Message: "the call that uses the new session"}},
	}
}

// broken is shape 4: a cache variable that is checked but never filled,
// because the session goes into a new variable that shadows it.
type broken struct {
	cache  *types.Var // the variable checked
	shadow *types.Var // the new variable holding the session
	assign *ast.AssignStmt
	guard  ast.Expr
}

func (st *state) brokenDiag(s *site) *analysis.Diagnostic {
	b := s.broken
	where := "package-level"
	if b.cache.Parent() != nil && b.cache.Pkg() != nil && b.cache.Parent() != b.cache.Pkg().Scope() {
		where = "outer"
	}
	line := st.pass.Fset.Position(b.guard.Pos()).Line
	d := &analysis.Diagnostic{
		Pos: s.Expr.Pos(), End: st.end(s.Expr), Category: "broken-cache",
		Message: message.About(s.Call, func(n string) string {
			return fmt.Sprintf("%s's session goes into a new %s (:=), so the %s %s checked on line %d stays empty", n, b.shadow.Name(), where, b.cache.Name(), line)
		}, "Assign the cache with = instead of := so that later calls reuse the session"),
		Related: []analysis.RelatedInformation{{Pos: b.guard.Pos(), End: st.end(b.guard), Message: "the cache is checked here but never assigned"}},
	}
	if fix := st.brokenFix(s); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	return d
}

// brokenFix turns `cache, err := login()` into `var err error; cache, err = login()`.
func (st *state) brokenFix(s *site) *analysis.SuggestedFix {
	b := s.broken
	as := b.assign
	if as == nil || as.Tok != token.DEFINE || !types.Identical(b.shadow.Type(), b.cache.Type()) {
		return nil
	}
	path := append(s.Fn.Path(as), s.Fn.Node)
	// The statement to declare the other new variables before, and its scope.
	var stmt ast.Stmt
	var scope *types.Scope
	for i := 0; i+1 < len(path); i++ {
		switch p := path[i+1].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			stmt, _ = path[i].(ast.Stmt)
			scope = b.shadow.Parent()
			if stmt != as {
				return nil
			}
		case *ast.IfStmt:
			if path[i] == p.Init {
				stmt = p
				if b.shadow.Parent() != nil {
					scope = b.shadow.Parent().Parent()
				}
			} else {
				return nil
			}
		default:
			continue
		}
		break
	}
	if stmt == nil || scope == nil {
		return nil
	}
	var decls []string
	for _, lhs := range as.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := st.info.Defs[id].(*types.Var)
		if v == nil || v == b.shadow {
			continue
		}
		if !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
			return nil // only the usual err is declared by the fix
		}
		if _, obj := scope.LookupParent(id.Name, stmt.Pos()); obj != nil && obj != v {
			if obj.Parent() == scope || !types.Identical(obj.Type(), v.Type()) {
				return nil
			}
			continue // an err of the enclosing scope is reused
		}
		decls = append(decls, "var "+id.Name+" error")
	}
	edits := []analysis.TextEdit{{Pos: as.TokPos, End: as.TokPos + token.Pos(len(":=")), NewText: []byte("=")}}
	if len(decls) > 0 {
		col := st.pass.Fset.Position(stmt.Pos()).Column
		indent := strings.Repeat("\t", max(col-1, 0))
		text := strings.Join(decls, "\n"+indent) + "\n" + indent
		edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)})
	}
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Assign the session to %s %s with = instead of declaring a new %s", "the cache", b.cache.Name(), b.shadow.Name()),
		TextEdits: edits,
	}
}

// end returns where n ends, within its file: on ill-formed source (a call
// missing its closing parenthesis at the end of the file) n.End() may lie
// past it.
func (st *state) end(n ast.Node) token.Pos {
	tf := st.pass.Fset.File(n.Pos())
	if tf == nil {
		return token.NoPos
	}
	if last := token.Pos(tf.Base() + tf.Size()); n.End() > last {
		return last
	}
	return n.End()
}

func exprString(info *types.Info, e ast.Expr) string {
	if e == nil {
		return "the receiver"
	}
	return redact.Expr(info, e)
}

// findBroken looks for shape 4: the login's session goes into a new
// variable that shadows a cache variable the login is guarded by, and the
// cache itself is never assigned.
func (st *state) findBroken(s *site) *broken {
	checks := s.Guards().NilChecks
	if len(checks) == 0 {
		return nil
	}
	// The new variable holding the session, and the := declaring it.
	var shadow *types.Var
	var assign *ast.AssignStmt
	switch {
	case s.Session >= 0:
		as, ok := s.Stmt.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 || s.Session >= len(as.Lhs) {
			return nil
		}
		if id, ok := as.Lhs[s.Session].(*ast.Ident); ok {
			shadow, _ = st.info.Defs[id].(*types.Var)
			assign = as
		}
	case s.Session == sfapi.InReceiver && s.Recv != nil:
		id, ok := ast.Unparen(s.Recv).(*ast.Ident)
		if !ok {
			return nil
		}
		shadow, _ = st.info.Uses[id].(*types.Var)
		if shadow != nil {
			assign = st.definingAssign(s.Fn, shadow)
		}
	}
	if shadow == nil || assign == nil || st.handedOn(s.Fn, shadow) {
		return nil
	}
	for _, nc := range checks {
		if nc.Var == shadow || nc.Var.Name() != shadow.Name() {
			continue
		}
		if st.env.Assigns(s.Fn.Node, func(r *types.Var, p string) bool { return r == nc.Var && p == "" }) {
			continue
		}
		return &broken{cache: nc.Var, shadow: shadow, assign: assign, guard: nc.Expr}
	}
	return nil
}

// handedOn reports whether v is passed to a function other than a
// Salesforce API or a print: that function may fill the cache (setCache(c)).
func (st *state) handedOn(fi *flow.Func, v *types.Var) bool {
	return flow.Any(fi.Body, false, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		for _, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); !ok || st.info.Uses[id] != v {
				continue
			}
			fn := st.env.Callee(call)
			if fn == nil || fn.Pkg() == nil || (!st.env.Salesforce(fn) && !flow.Printing(fn)) {
				return true
			}
		}
		return false
	})
}

// definingAssign returns the := that declares v in the function.
func (st *state) definingAssign(fi *flow.Func, v *types.Var) *ast.AssignStmt {
	var found *ast.AssignStmt
	astwalk.Inspect(fi.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			return found == nil
		}
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && st.info.Defs[id] == v {
				found = as
			}
		}
		return found == nil
	})
	return found
}
