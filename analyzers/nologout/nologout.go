package nologout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/message"
	"github.com/sflint/sflint/internal/redact"
	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

// Name is the analyzer's name.
const Name = "nologout"

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
		Name:     Name,
		Doc:      message.Manual(docSource, Name),
		URL:      "https://github.com/sflint/sflint#nologout",
		Requires: []*analysis.Analyzer{login},
		Run:      c.run,
	}
	a.RunDespiteErrors = true // findings in declarations that do not type-check are dropped (sflogin)
	a.Flags.BoolVar(&c.cfg.Revoke, "revoke", cfg.Revoke,
		"also report OAuth logins (libraries without a logout, raw /services/oauth2/token requests) whose access token is not revoked at /services/oauth2/revoke")
	return a
}

type checker struct {
	login *analysis.Analyzer
	cfg   Config
}

func (st *state) env() *flow.Env { return st.res.Env }

// state is the per-package working state.
type state struct {
	pass   *analysis.Pass
	res    *sflogin.Result
	cfg    Config
	info   *types.Info
	owners []*ownerCandidate
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[c.login].(*sflogin.Result)
	if res == nil || res.Skipped {
		return nil, nil
	}
	st := &state{pass: pass, res: res, cfg: c.cfg, info: pass.TypesInfo}
	for _, l := range res.Flow.Logins() {
		st.checkLogin(l)
	}
	st.checkOwners()
	return nil, nil
}

// session is one login whose session must be ended.
type session struct {
	*flow.Login
	pair  flow.Pairing
	flows *flow.Sessions
}

func (st *state) checkLogin(l *flow.Login) {
	p := l.Pairing(st.cfg.Revoke)
	if p.Ending == flow.NoEnding || (l.Fact != nil && l.Fact.Shared) {
		return // nothing to call, or a shared cached session: not this caller's to end
	}
	s := &session{Login: l, pair: p}
	st.noteOwners(s)
	fn := l.Fn
	switch {
	case l.SessionDiscarded && !l.Raw:
		st.reportDiscarded(s)
		return
	case l.SessionDiscarded:
		// A raw response thrown away: only the function-level search applies.
	case l.HolderVar == nil:
		return // returned, passed on, stored in a field, or on a client we cannot name
	case !fn.Local(l.HolderVar):
		st.checkGlobal(s)
		return // the session lives in the caller's, a field's or a global's client
	case l.Session == sfapi.InReceiver && !fn.Fresh(l.HolderVar):
		return // a client taken from a field, a parameter or a pool belongs to someone else
	}
	// The other results of the login carry the session too (LoginResult.SessionId).
	var roots []*types.Var
	if l.HolderVar != nil {
		roots = append(roots, l.HolderVar)
	}
	for i, r := range l.Results {
		if i == l.Call.Err {
			continue
		}
		if v := flow.IdentVar(st.info, r); v != nil {
			if !fn.Local(v) {
				if flow.Inert(v.Type()) {
					continue
				}
				return // stored outside the function
			}
			roots = append(roots, v)
		} else if !flow.IsBlank(r) {
			if t := st.info.TypeOf(r); t != nil && !flow.Inert(t) {
				return // stored in a field, map or slice
			}
		}
	}
	s.flows = l.SessionFlow(roots)
	if s.flows.Escaped() || st.deferredBefore(s) {
		return
	}
	if ret := st.leak(s); ret != nil {
		st.reportLeak(s, ret)
	}
}

// checkGlobal reports a session a command keeps in a package-level
// variable of its own that no function of the program ever ends: main's
// session, stored where nothing can take it over. In a library a global
// session may be ended by the program that imports it, and a variable the
// package hands on (or copies) may be ended elsewhere: not reported.
func (st *state) checkGlobal(s *session) {
	v := s.HolderVar
	if st.pass.Pkg.Name() != "main" || v.Pkg() != st.pass.Pkg || v.Parent() != st.pass.Pkg.Scope() {
		return
	}
	if ended, sure := st.env().GlobalEnded(v); ended || !sure {
		return
	}
	verb := "logged out"
	if s.pair.Ending == flow.Revocation {
		verb = "revoked"
	}
	st.res.Report(st.pass, analysis.Diagnostic{
		Pos: s.Expr.Pos(),
		End: s.Expr.End(),
		Message: message.About(s.Call, func(n string) string {
			return fmt.Sprintf("%s, kept in the package variable %s, is never %s", st.subject(s, n), v.Name(), verb)
		}, message.Upper(st.how(s))),
	})
}

// deferredBefore reports whether a deferred logout that ends the session is
// registered before the login (defer c.Logout() right after NewClient).
func (st *state) deferredBefore(s *session) bool {
	for _, d := range s.Fn.Defers() {
		if d.End() > s.Expr.Pos() {
			break
		}
		if s.Ends(d, s.pair, s.flows) {
			return true
		}
	}
	return false
}

// leak searches the paths from the login for a return on which the session
// is not ended (the lostcancel shape). Paths on which the login failed are
// not followed, nor are paths that reach the login again or overwrite the
// client variable. It returns the return statement reached (synthetic at
// the closing brace when control falls off the end), or nil.
func (st *state) leak(s *session) *ast.ReturnStmt {
	q := flow.Query{
		Skip: []flow.Outcome{flow.Failed, flow.NoAnswer},
		Node: func(n ast.Node, _ *flow.State) flow.Step {
			switch {
			case n == s.At.Node():
				return flow.Stop // the login again: its own analysis covers what follows
			case st.relogin(s, n):
				return flow.Stop // another login on the same client: its own analysis covers what follows
			case s.Ends(n, s.pair, s.flows):
				return flow.Stop
			case s.HolderVar != nil && s.Fn.WritesVar(n, s.HolderVar):
				return flow.Stop // the client variable is overwritten
			}
			if _, ok := n.(*ast.ReturnStmt); ok {
				return flow.Found
			}
			return flow.Next
		},
	}
	if s.Raw {
		// Until the response has been read and parsed the program does not
		// have the session id: any error checked non-nil is a failure.
		q.Enter = func(from, to *cfg.Block, _ *flow.State) flow.Step {
			if from != nil && to == from.Succs[0] && st.anyErrorFailed(s.Fn.Decision(from)) {
				return flow.Stop
			}
			return flow.Next
		}
	}
	if !s.At.Valid() {
		return nil // a login in code no path reaches
	}
	if ret, ok := s.At.Node().(*ast.ReturnStmt); ok {
		return ret // return c.LoginWithOAuth(u, p)
	}
	h, ok := s.Search(q)
	if !ok {
		return nil
	}
	return h.Node.(*ast.ReturnStmt)
}

// relogin reports whether CFG node n logs in again on the client holding
// the session.
func (st *state) relogin(s *session, n ast.Node) bool {
	for _, o := range s.Fn.LoginsAt(n) {
		if o != s.Login && o.Session == sfapi.InReceiver && o.HolderVar != nil && o.HolderVar == s.HolderVar {
			return true
		}
	}
	return false
}

// anyErrorFailed reports whether cond is `x != nil` on an error variable.
func (st *state) anyErrorFailed(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	x, y := b.X, b.Y
	if flow.IsNil(st.info, x) {
		x, y = y, x
	}
	v := flow.IdentVar(st.info, x)
	return flow.IsNil(st.info, y) && v != nil && flow.IsError(v.Type())
}

// how says what to do, for messages: "defer client.Logout() after the login's error check".
func (st *state) how(s *session) string {
	switch s.pair.Ending {
	case flow.RawSOAP:
		return "post a SOAP logout() with the session id before every return (or defer it once the login succeeded)"
	case flow.Revocation:
		return "POST the access token to /services/oauth2/revoke before every return (or defer it once the login succeeded)"
	}
	if s.pair.Func != nil && s.Holder != nil {
		return fmt.Sprintf("defer %s(%s) after the login's error check", sflogin.FuncName(s.pair.Func), redact.Expr(st.info, s.Holder))
	}
	if call := st.logoutCallText(s, st.printed); call != "" {
		return fmt.Sprintf("defer %s after the login's error check", call)
	}
	return fmt.Sprintf("log the client out on every path (its %s(), or a method of yours that calls it; defer it after the login's error check)", s.pair.Method)
}

// logoutCallText is the logout call on the holder, "client.Logout()", or ""
// when no logout method of the holder's type is known.
func (st *state) logoutCallText(s *session, print func(ast.Expr) string) string {
	if s.Holder == nil {
		return ""
	}
	t := st.info.TypeOf(s.Holder)
	if t == nil {
		return ""
	}
	m := st.logoutMethod(t, s.pair.Method)
	if m == "" {
		return ""
	}
	return print(s.Holder) + "." + m + "()"
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
	if method != "" && flow.HasMethod(st.pass.Pkg, t, method) {
		return method
	}
	ms := types.NewMethodSet(flow.PointerTo(t))
	for i := 0; i < ms.Len(); i++ {
		m, _ := ms.At(i).Obj().(*types.Func)
		fd := st.res.Env.Decl(m)
		if fd == nil || !flow.HasMethod(st.pass.Pkg, t, m.Name()) || fd.Recv == nil ||
			len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
			continue
		}
		recv, _ := st.info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
		found := flow.Any(fd.Body, false, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return false
			}
			c := st.res.Lookup(call)
			return c != nil && c.Kind == sfapi.Logout && c.Recv != nil && recv != nil && flow.RootVar(st.info, c.Recv) == recv
		})
		if found {
			return m.Name()
		}
	}
	for _, c := range st.res.Calls {
		if c.Kind != sfapi.Logout || c.Recv == nil || c.Callee == nil {
			continue
		}
		if rt := st.info.TypeOf(c.Recv); rt != nil && types.Identical(flow.Deref(rt), flow.Deref(t)) && flow.HasMethod(st.pass.Pkg, t, c.Callee.Name()) {
			return c.Callee.Name()
		}
	}
	return ""
}

// subject names what is left open, with the name n of the login. Why
// that matters (the session stays valid until the org's timeout) is the
// manual's, not every message's.
func (st *state) subject(s *session, n string) string {
	if s.pair.Ending == flow.Revocation {
		return "access token from " + n
	}
	return "session from " + n
}

func (st *state) reportLeak(s *session, ret *ast.ReturnStmt) {
	verb := "logged out"
	if s.pair.Ending == flow.Revocation {
		verb = "revoked"
	}
	msg := message.About(s.Call, func(n string) string {
		return fmt.Sprintf("%s is not %s on all paths", st.subject(s, n), verb)
	}, message.Upper(st.how(s)))
	line := st.pass.Fset.Position(s.Expr.Pos()).Line
	rel := analysis.RelatedInformation{Pos: ret.Pos(), End: ret.End()}
	if s.pair.Ending == flow.Revocation {
		rel.Message = fmt.Sprintf("this return leaves the access token obtained on line %d unrevoked", line)
	} else {
		rel.Message = fmt.Sprintf("this return leaves the session opened on line %d logged in", line)
	}
	if ret.Pos() == s.Fn.Body.End()-1 {
		rel.End = s.Fn.Body.End()
		if s.pair.Ending == flow.Revocation {
			rel.Message = fmt.Sprintf("the function ends here without revoking the access token obtained on line %d", line)
		} else {
			rel.Message = fmt.Sprintf("the function ends here without logging out the session opened on line %d", line)
		}
	} else if st.pass.Fset.File(ret.Pos()) != st.pass.Fset.File(ret.End()) {
		rel.End = ret.Pos()
	}
	d := analysis.Diagnostic{
		Pos:     s.Expr.Pos(),
		End:     s.Expr.End(),
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
	case s.pair.Ending == flow.Revocation:
		what, how = "it can never be revoked", "keep the token and POST it to /services/oauth2/revoke when done"
	case s.pair.Method != "":
		how = fmt.Sprintf("keep the client and defer its %s() after the login's error check", s.pair.Method)
	}
	st.res.Report(st.pass, analysis.Diagnostic{
		Pos: s.Expr.Pos(),
		End: s.Expr.End(),
		Message: message.About(s.Call, func(n string) string {
			return fmt.Sprintf("%s is discarded, so %s", st.subject(s, n), what)
		}, message.Upper(how)),
	})
}

// fix returns the SuggestedFix inserting `defer <client>.Logout()` after the
// login's error check (or right after the login statement when there is
// none), or nil when the edit is not mechanical.
func (st *state) fix(s *session) *analysis.SuggestedFix {
	call := st.logoutCallText(s, types.ExprString) // the code inserted
	if call == "" || s.pair.Ending != flow.HolderLogout || !redact.Verbatim(st.info, s.Holder) {
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
	} else if s.Session >= 0 {
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
	var n ast.Node = s.Expr
	for {
		p := s.Fn.Parent(n)
		switch p.(type) {
		case nil, *ast.FuncLit:
			return nil, nil
		}
		list, _ := flow.StmtList(p)
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
				if !flow.Contains(x.Init, s.Expr) {
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
	if !s.FailedIf(ifs.Cond, true) || len(ifs.Body.List) == 0 {
		return false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(last.X).(*ast.CallExpr); ok {
			return !st.res.Env.MayReturn(call)
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Owner types: a Close that does not log out

// ownerCandidate is a login whose session ends up in a field of a struct
// type of the package, perhaps nested (the owner's inner.client).
type ownerCandidate struct {
	login *flow.Login
	pair  flow.Pairing
	owner *types.Named
	path  []*types.Var // the fields from the owner down to the session
}

// field is the innermost field, holding the session.
func (oc *ownerCandidate) field() *types.Var { return oc.path[len(oc.path)-1] }

// pathName spells the path, "inner.client".
func (oc *ownerCandidate) pathName() string {
	var names []string
	for _, f := range oc.path {
		names = append(names, f.Name())
	}
	return strings.Join(names, ".")
}

// noteOwners records the struct fields of the package that the session of
// login l ends up in: l logs in on x.f, or the client is stored into
// T{f: c} or x.f = c.
func (st *state) noteOwners(s *session) {
	l, p, holder := s.Login, s.pair, s.HolderVar
	if p.Ending != flow.HolderLogout {
		return
	}
	// x.a.b holding the session: x's type owns it through a.b, and x.a's
	// through b, when they are struct types of the package.
	var add func(x ast.Expr, fields []string)
	add = func(x ast.Expr, fields []string) {
		if named := st.localStruct(st.info.TypeOf(x)); named != nil {
			if path := fieldPath(named, fields); path != nil {
				st.owners = append(st.owners, &ownerCandidate{login: l, pair: p, owner: named, path: path})
			}
		}
		if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
			if s, ok := st.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				add(sel.X, append([]string{sel.Sel.Name}, fields...))
			}
		}
	}
	if l.Session == sfapi.InReceiver && l.Recv != nil {
		if sel, ok := ast.Unparen(l.Recv).(*ast.SelectorExpr); ok {
			if s, ok := st.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				add(sel.X, []string{sel.Sel.Name})
			}
		}
	}
	if holder == nil {
		return
	}
	for _, fs := range l.Fn.FieldStores(holder) {
		add(fs.Struct, []string{fs.Field})
	}
}

// fieldPath returns the fields of the path of names from the struct type
// named down, or nil.
func fieldPath(named *types.Named, names []string) []*types.Var {
	var path []*types.Var
	t := types.Type(named)
	for _, name := range names {
		n, _ := types.Unalias(flow.Deref(t)).(*types.Named)
		if n == nil {
			return nil
		}
		f := fieldNamed(n, name)
		if f == nil {
			return nil
		}
		path = append(path, f)
		t = f.Type()
	}
	return path
}

// localStruct returns the named struct type of this package behind t (T or *T).
func (st *state) localStruct(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	n, ok := types.Unalias(flow.Deref(t)).(*types.Named)
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
			if fd := st.res.Env.Decl(m); fd != nil {
				teardown = append(teardown, fd)
			}
		}
		if len(teardown) == 0 {
			continue // no teardown method: the owner lives as long as the program
		}
		handled := false
		for _, fd := range teardown {
			if st.endsOwned(fd, oc.path, map[*ast.FuncDecl]bool{}, 0) {
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
func (st *state) endsOwned(fd *ast.FuncDecl, path []*types.Var, seen map[*ast.FuncDecl]bool, depth int) bool {
	if seen[fd] || depth > 4 || fd.Body == nil {
		return false
	}
	seen[fd] = true
	var recv *types.Var
	if fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
		recv, _ = st.info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	}
	// along returns how many fields of the path e follows from the
	// receiver (recv.a.b: 2), or 0.
	along := func(e ast.Expr) int {
		var sels []*types.Var
		for {
			sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
			if !ok {
				break
			}
			f, _ := st.info.Uses[sel.Sel].(*types.Var)
			if f == nil {
				return 0
			}
			sels = append([]*types.Var{f}, sels...)
			e = sel.X
		}
		if recv == nil || flow.IdentVar(st.info, e) != recv || len(sels) == 0 || len(sels) > len(path) {
			return 0
		}
		for i, f := range sels {
			if f != path[i] {
				return 0
			}
		}
		return len(sels)
	}
	// Uses of the fields that do not hand them over: assignments to them,
	// comparisons with nil, and method calls on them (not logouts).
	benign := map[ast.Node]bool{}
	astwalk.Inspect(fd.Body, func(n ast.Node) bool {
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
	astwalk.Inspect(fd.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if st.res.Env.IsLogoutCall(n) {
				found = true
				return false
			}
			// A method of the same type called on the receiver, or of a
			// type of the package on a field of the path: look into it.
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && recv != nil {
				m, _ := st.info.Uses[sel.Sel].(*types.Func)
				callee := st.res.Env.Decl(m)
				if callee == nil {
					break
				}
				rest := path
				if flow.IdentVar(st.info, sel.X) != recv {
					k := along(sel.X)
					if k == 0 || k == len(path) {
						break
					}
					rest = path[k:]
				}
				if st.endsOwned(callee, rest, seen, depth+1) {
					found = true
					return false
				}
			}
		case *ast.SelectorExpr:
			if along(n) > 0 && !benign[n] {
				if _, isSel := st.env().Parent(n).(*ast.SelectorExpr); !isSel {
					found = true // handed over
					return false
				}
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
	how := fmt.Sprintf("call %s.%s.%s() in %s", recvName, oc.pathName(), oc.pair.Method, fd.Name.Name)
	if oc.pair.Method == "" || !flow.HasMethod(st.pass.Pkg, oc.field().Type(), oc.pair.Method) {
		how = fmt.Sprintf("log the session in %s out in %s", oc.pathName(), fd.Name.Name)
	}
	line := st.pass.Fset.Position(oc.login.Expr.Pos()).Line
	st.res.Report(st.pass, analysis.Diagnostic{
		Pos: fd.Name.Pos(),
		End: fd.Name.End(),
		Message: message.About(oc.login.Call, func(n string) string {
			return fmt.Sprintf("%s does not log out the session in field %s (from %s)", name, oc.pathName(), n)
		}, message.Upper(how)),
		Related: []analysis.RelatedInformation{{
			Pos:     oc.login.Expr.Pos(),
			End:     oc.login.Expr.End(),
			Message: fmt.Sprintf("the session is opened here (line %d) and kept in %s.%s", line, oc.owner.Obj().Name(), oc.pathName()),
		}},
	})
}
