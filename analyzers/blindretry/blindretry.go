package blindretry

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

// Name is the analyzer's name.
const Name = "blindretry"

//go:embed doc.go
var docSrc string

// doc is the package documentation: one source for godoc and `sflint help blindretry`.
var doc = manual(docSrc)

func manual(src string) string {
	const title = "report Salesforce logins retried without looking at why they failed"
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil || f.Doc == nil {
		return title
	}
	_, body, _ := strings.Cut(f.Doc.Text(), "\n\n")
	return title + "\n\n" + strings.TrimSpace(body)
}

// Config configures the analyzer.
type Config struct {
	// Permanent lists functions, as import/path.Func, that mark an error as
	// final for a retry helper the way backoff.Permanent does: an operation
	// returning their result is not retried. Use it with helpers declared by
	// the shared pass's -sflogin.retry flag.
	Permanent []string `json:"permanent"`
}

// Analyzer is the blindretry analyzer built from the default configuration.
var Analyzer = New(sflogin.Analyzer, Config{})

// New returns the analyzer for a configuration, on top of the given shared
// login pass. Its flags write into the returned analyzer's own copy of cfg.
func New(login *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	inst := &instance{login: login, cfg: cfg}
	inst.cfg.Permanent = append([]string(nil), cfg.Permanent...)
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/sflint/sflint#blindretry",
		Requires: []*analysis.Analyzer{login},
		Run:      inst.run,
	}
	a.Flags.Var(sflogin.RefList{P: &inst.cfg.Permanent}, "permanent",
		"comma-separated `functions` (import/path.Func) that mark an error as final for a retry helper, like backoff.Permanent")
	return a
}

type instance struct {
	login *analysis.Analyzer
	cfg   Config
}

func (inst *instance) run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[inst.login].(*sflogin.Result)
	if res == nil || res.Skipped {
		return nil, nil
	}
	logins := res.Logins()
	if len(logins) == 0 {
		return nil, nil
	}
	perm := map[sfapi.Ref]bool{}
	for _, s := range inst.cfg.Permanent {
		r, err := sfapi.ParseRef(s)
		if err != nil {
			return nil, fmt.Errorf("blindretry -permanent: %v", err)
		}
		perm[r] = true
	}
	a := &checker{pass: pass, res: res, info: pass.TypesInfo, permanent: perm,
		cfgs: map[*ast.BlockStmt]*cfg.CFG{}, bodyNodes: map[*ast.BlockStmt][]ast.Node{},
		vars: map[ast.Node][]*types.Var{}, stopFuncs: map[*types.Func]bool{}}
	a.index()
	for _, c := range logins {
		if d := a.check(c); d != nil {
			res.Report(pass, *d)
		}
	}
	return nil, nil
}

// checker holds what one package's run shares between its logins.
type checker struct {
	pass      *analysis.Pass
	res       *sflogin.Result
	info      *types.Info
	permanent map[sfapi.Ref]bool

	decls     map[*types.Func]*ast.FuncDecl
	assigns   map[*types.Var][]ast.Expr // every expression assigned to a variable (nil for tuple parts)
	ops       map[ast.Node][]*helperUse // function literal or declaration -> retry helpers calling it
	cfgs      map[*ast.BlockStmt]*cfg.CFG
	bodyNodes map[*ast.BlockStmt][]ast.Node // see eachNode
	vars      map[ast.Node][]*types.Var     // varsIn's answers
	stopFuncs map[*types.Func]bool          // same-package functions that return a stop (memo)
	apiRows   map[string]*sfapi.API
}

// helperUse is a call to a retry helper and the helper's row.
type helperUse struct {
	call   *ast.CallExpr
	fn     *types.Func
	helper *sfapi.RetryHelper
}

// index finds function declarations, assignments and the operations handed
// to retry helpers, in one walk of each file.
func (a *checker) index() {
	a.decls = map[*types.Func]*ast.FuncDecl{}
	a.assigns = map[*types.Var][]ast.Expr{}
	a.ops = map[ast.Node][]*helperUse{}
	// The retry-helper calls of each file, in source order; their operations
	// are resolved once every assignment of the package is known.
	helperCalls := map[*ast.File][]*helperUse{}
	for _, f := range a.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := a.info.Defs[fd.Name].(*types.Func); ok {
					a.decls[fn] = fd
				}
			}
		}
		var uses []*helperUse
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					v := a.identVar(lhs)
					if v == nil {
						continue
					}
					if len(n.Lhs) == len(n.Rhs) {
						a.assigns[v] = append(a.assigns[v], n.Rhs[i])
					} else {
						a.assigns[v] = append(a.assigns[v], nil)
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					v, _ := a.info.Defs[id].(*types.Var)
					if v == nil {
						continue
					}
					if len(n.Names) == len(n.Values) {
						a.assigns[v] = append(a.assigns[v], n.Values[i])
					} else {
						a.assigns[v] = append(a.assigns[v], nil)
					}
				}
			case *ast.CallExpr:
				if u := a.helperCall(n); u != nil {
					uses = append(uses, u)
				}
			}
			return true
		})
		helperCalls[f] = uses
	}
	// Operations are looked for in the shared pass's files only.
	for _, f := range a.res.Files() {
		uses, ok := helperCalls[f]
		if !ok {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if u := a.helperCall(call); u != nil {
						uses = append(uses, u)
					}
				}
				return true
			})
		}
		for _, u := range uses {
			if op := a.resolveOp(a.opArg(u.call, u.fn, u.helper), 0); op != nil {
				a.ops[op] = append(a.ops[op], u)
			}
		}
	}
}

// helperCall returns the call as a call to a retry helper, or nil.
func (a *checker) helperCall(call *ast.CallExpr) *helperUse {
	fn, _ := typeutil.Callee(a.info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	h := a.res.Model.Retry(fn)
	if h == nil {
		return nil
	}
	return &helperUse{call: call, fn: fn, helper: h}
}

// opArg returns the operation argument of a retry-helper call: the row's
// index (after a leading context.Context), or else the first argument of
// function type.
func (a *checker) opArg(call *ast.CallExpr, fn *types.Func, h *sfapi.RetryHelper) ast.Expr {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	i := h.Op
	if sfapi.HasLeadingContext(sig) {
		i++
	}
	if i < len(call.Args) && a.isFunc(call.Args[i]) {
		return call.Args[i]
	}
	for _, arg := range call.Args {
		if a.isFunc(arg) {
			return arg
		}
	}
	return nil
}

func (a *checker) isFunc(e ast.Expr) bool {
	t := a.info.TypeOf(e)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// resolveOp finds the function an operation expression denotes: a function
// literal (possibly converted, or held by a variable assigned once), or a
// function or method declared in this package.
func (a *checker) resolveOp(e ast.Expr, depth int) ast.Node {
	if e == nil || depth > 4 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return x
	case *ast.CallExpr: // backoff.Operation(f)
		if tv, ok := a.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return a.resolveOp(x.Args[0], depth+1)
		}
	case *ast.Ident:
		return a.resolveObj(a.info.Uses[x], depth)
	case *ast.SelectorExpr:
		return a.resolveObj(a.info.Uses[x.Sel], depth)
	}
	return nil
}

func (a *checker) resolveObj(obj types.Object, depth int) ast.Node {
	switch obj := obj.(type) {
	case *types.Func:
		if fd := a.decls[obj.Origin()]; fd != nil {
			return fd
		}
	case *types.Var:
		if obj.IsField() || obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() {
			return nil // fields and package-level variables can be reassigned anywhere
		}
		if rhs := a.assigns[obj]; len(rhs) == 1 && rhs[0] != nil {
			return a.resolveOp(rhs[0], depth+1)
		}
	}
	return nil
}

func (a *checker) identVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := a.info.ObjectOf(id).(*types.Var)
	return v
}

// cfgOf builds (once) the control-flow graph of a function body.
func (a *checker) cfgOf(body *ast.BlockStmt) *cfg.CFG {
	if g, ok := a.cfgs[body]; ok {
		return g
	}
	g := cfg.New(body, a.mayReturn)
	a.cfgs[body] = g
	return g
}

// mayReturn reports whether a call statement can return: panic, os.Exit,
// log.Fatal and the like cannot.
func (a *checker) mayReturn(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(a.info, call).(type) {
	case *types.Builtin:
		return fn.Name() != "panic"
	case *types.Func:
		pkg, recv, name := sfapi.FuncKey(fn)
		switch pkg + "." + recv + "." + name {
		case "os..Exit", "runtime..Goexit", "syscall..Exit",
			"log..Fatal", "log..Fatalf", "log..Fatalln", "log..Panic", "log..Panicf", "log..Panicln",
			"log.Logger.Fatal", "log.Logger.Fatalf", "log.Logger.Fatalln",
			"log.Logger.Panic", "log.Logger.Panicf", "log.Logger.Panicln",
			"testing.common.Fatal", "testing.common.Fatalf", "testing.common.FailNow",
			"testing.common.Skip", "testing.common.Skipf", "testing.common.SkipNow",
			"go.uber.org/zap.Logger.Fatal", "go.uber.org/zap.Logger.Panic",
			"go.uber.org/zap.SugaredLogger.Fatal", "go.uber.org/zap.SugaredLogger.Fatalf", "go.uber.org/zap.SugaredLogger.Fatalw",
			"github.com/sirupsen/logrus..Fatal", "github.com/sirupsen/logrus..Fatalf",
			"github.com/sirupsen/logrus.Logger.Fatal", "github.com/sirupsen/logrus.Logger.Fatalf":
			return false
		}
		if (pkg == "k8s.io/klog" || pkg == "k8s.io/klog/v2") && recv == "" &&
			(strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Exit")) {
			return false
		}
	}
	return true
}

// check decides whether a failure of the login c can lead back to the same
// login, and returns the diagnostic.
func (a *checker) check(c *sflogin.Call) *analysis.Diagnostic {
	if c.File == nil || c.Err == sfapi.NoResult {
		return nil
	}
	path := enclosing(c.File, c.Expr)
	var fnNode ast.Node
	var body *ast.BlockStmt
	var loops []ast.Stmt // loops enclosing the login inside its function, innermost first
	for _, n := range path {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, n.(ast.Stmt))
		case *ast.FuncLit:
			fnNode, body = n, n.Body
		case *ast.FuncDecl:
			fnNode, body = n, n.Body
		}
		if fnNode != nil {
			break
		}
	}
	if body == nil {
		return nil
	}
	s := newSearch(a, c, fnNode, body, loops)
	if s == nil {
		return nil
	}
	r := s.run()
	if r == nil {
		return nil
	}
	return a.diagnostic(c, s, r)
}

// ---------------------------------------------------------------------------
// The path search.

// targetKind is how a failed login comes back to itself.
type targetKind uint8

const (
	viaLoop   targetKind = iota // the same call again, around a loop or a goto
	viaRecur                    // the enclosing function calling itself
	viaHelper                   // a retry helper calling the operation again
)

// result is a failure path found from the login back to a retry.
type result struct {
	kind targetKind
	node ast.Node // the loop, label, recursive call or retrying return
	use  *helperUse
}

// state is what the search knows at a point of a path that starts with a
// failed login: which tracked error variables still hold the failure (live),
// which hold the transport error of a raw HTTP login (trans), and which
// variables the credentials depend on have changed since the login (changed).
type state struct{ live, trans, changed uint64 }

type visitKey struct {
	block int32
	st    state
}

type search struct {
	a     *checker
	c     *sflogin.Call
	info  *types.Info
	body  *ast.BlockStmt
	sig   *types.Signature
	fnObj *types.Func // the enclosing declared function, for recursion
	uses  []*helperUse
	g     *cfg.CFG
	loops map[ast.Stmt]bool

	raw       bool                // raw HTTP: the failure is in the response, the error is transport only
	oauthRaw  bool                // raw HTTP to the OAuth endpoint: status codes classify
	errVar    *types.Var          // the variable the login's error is assigned to
	taint     map[*types.Var]bool // variables whose value derives from the failure
	resp      map[*types.Var]bool // raw HTTP response variables
	track     map[*types.Var]uint // tracked error variables -> bit
	deps      map[*types.Var]uint // variables the credentials and the client depend on -> bit
	credDeps  map[*types.Var]bool // variables the credentials and the client are assigned from
	credVars  []*types.Var        // variables the credential expressions read
	classVars map[*types.Var]bool // variables holding a classification of the failure

	switches    map[*ast.CaseClause]*switchInfo
	canReach    []bool // a retry target can be reached from the block
	isTarget    []bool // the block holds a retry target
	handledMemo map[visitKey]bool
	start       *cfg.Block
	startIdx    int
	opCredsMov  bool // a retried operation changes the variables its credentials read
}

type switchInfo struct {
	tagless     bool
	classifying bool
}

func newSearch(a *checker, c *sflogin.Call, fnNode ast.Node, body *ast.BlockStmt, loops []ast.Stmt) *search {
	s := &search{a: a, c: c, info: a.info, body: body, uses: a.ops[fnNode],
		loops: map[ast.Stmt]bool{}, raw: c.Endpoint != nil, handledMemo: map[visitKey]bool{}}
	s.oauthRaw = s.raw && c.Endpoint.Vocab == sfapi.OAuth
	for _, l := range loops {
		s.loops[l] = true
	}
	switch fn := fnNode.(type) {
	case *ast.FuncDecl:
		if obj, ok := a.info.Defs[fn.Name].(*types.Func); ok {
			s.fnObj = obj
			s.sig, _ = obj.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		s.sig, _ = a.info.TypeOf(fn).(*types.Signature)
	}
	s.g = a.cfgOf(body)
	if !s.locate() {
		return nil
	}
	if !s.seed() {
		return nil
	}
	s.computeTaint()
	s.computeTrack()
	s.computeDeps()
	s.computeClassVars()
	s.computeSwitches()
	s.computeReach()
	if len(s.uses) > 0 {
		s.opCredsMov = s.opChangesCreds()
	}
	return s
}

// locate finds the block and node holding the login.
func (s *search) locate() bool {
	pos, end := s.c.Expr.Pos(), s.c.Expr.End()
	for _, b := range s.g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if n.Pos() <= pos && end <= n.End() {
				s.start, s.startIdx = b, i
				return true
			}
		}
	}
	return false
}

// seed finds the variables the login's error (and, for raw HTTP, its
// response) is assigned to. It reports false when the failure cannot be
// seen: the error is thrown away and the call is neither tested nor returned.
func (s *search) seed() bool {
	n := s.start.Nodes[s.startIdx]
	call := s.c.Expr
	nres := 1
	if t, ok := s.info.TypeOf(call).(*types.Tuple); ok {
		nres = t.Len()
	}
	var lhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == call && len(n.Lhs) == nres {
			lhs = n.Lhs
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 && ast.Unparen(n.Values[0]) == call && len(n.Names) == nres {
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
		}
	}
	s.resp = map[*types.Var]bool{}
	if lhs != nil {
		if s.c.Err >= 0 && s.c.Err < len(lhs) {
			s.errVar = s.a.identVar(lhs[s.c.Err])
		}
		if s.raw && s.c.Session >= 0 && s.c.Session < len(lhs) {
			if v := s.a.identVar(lhs[s.c.Session]); v != nil {
				s.resp[v] = true
			}
		}
	}
	if s.raw {
		return len(s.resp) > 0
	}
	if s.errVar != nil {
		return true
	}
	// `for c.Login(u, p) != nil`, `if err := ...` handled above; `return c.Login(u, p)` in an operation.
	if e, ok := n.(ast.Expr); ok && nres == 1 && containsNode(e, call) {
		return true
	}
	if ret, ok := n.(*ast.ReturnStmt); ok && len(s.uses) > 0 {
		for _, r := range ret.Results {
			if ast.Unparen(r) == call {
				return true
			}
		}
	}
	return false
}

// enclosing returns the path from node n up to the file: n and the nodes
// enclosing it, innermost first. It walks only the nodes whose extent
// contains n's, and falls back on astutil.PathEnclosingInterval for nodes
// whose positions do not nest.
func enclosing(f *ast.File, n ast.Node) []ast.Node {
	pos, end := n.Pos(), n.End()
	var stack []ast.Node
	found := false
	ast.Inspect(f, func(m ast.Node) bool {
		switch {
		case found:
			return false
		case m == nil:
			stack = stack[:len(stack)-1]
			return true
		case m == n:
			stack = append(stack, m)
			found = true
			return false
		case m.Pos() > pos || m.End() < end:
			return false // n is not inside m
		}
		stack = append(stack, m)
		return true
	})
	if !found {
		path, _ := astutil.PathEnclosingInterval(f, pos, end)
		return path
	}
	slices.Reverse(stack)
	return stack
}

func containsNode(root ast.Node, target ast.Node) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if n == target {
			found = true
			return false
		}
		return n.Pos() <= target.Pos() && target.End() <= n.End()
	})
	return found
}

// eachNode calls f for each node of the function body that inspectNoLit
// visits, in the same order, whatever f returns. The nodes are listed once
// per body and shared by the searches of its logins.
func (s *search) eachNode(f func(ast.Node) bool) {
	ns, ok := s.a.bodyNodes[s.body]
	if !ok {
		inspectNoLit(s.body, func(n ast.Node) bool {
			ns = append(ns, n)
			return true
		})
		s.a.bodyNodes[s.body] = ns
	}
	for _, n := range ns {
		f(n)
	}
}

// inspectNoLit visits a subtree without entering function literals.
func inspectNoLit(n ast.Node, f func(ast.Node) bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n == nil {
			return false
		}
		return f(n)
	})
}

// varsIn returns the variables (not fields) an expression reads.
// The answers are shared by the searches of all logins; callers must not
// modify them.
func (s *search) varsIn(n ast.Node) []*types.Var {
	var out []*types.Var
	if n == nil {
		return nil
	}
	if vs, ok := s.a.vars[n]; ok {
		return vs
	}
	defer func() { s.a.vars[n] = out }()
	inspectNoLit(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := s.info.ObjectOf(id).(*types.Var); ok && !v.IsField() {
				out = append(out, v)
			}
		}
		return true
	})
	return out
}

func (s *search) mentions(n ast.Node, set map[*types.Var]bool) bool {
	if n == nil || len(set) == 0 {
		return false
	}
	for _, v := range s.varsIn(n) {
		if set[v] {
			return true
		}
	}
	return false
}

// mentionsFailure reports whether n reads the failure: a tainted variable or the login call itself.
func (s *search) mentionsFailure(n ast.Node) bool {
	if n == nil {
		return false
	}
	return s.mentions(n, s.taint) || containsNode(n, s.c.Expr)
}

// computeTaint finds the variables whose value derives from the failure:
// the error, the response of a raw request, and what is assigned from them,
// decoded from them (&x arguments), or extracted from them (errors.As
// targets, type switches).
func (s *search) computeTaint() {
	t := map[*types.Var]bool{}
	if s.errVar != nil {
		t[s.errVar] = true
	}
	for v := range s.resp {
		t[v] = true
	}
	s.taint = t
	add := func(e ast.Expr) bool {
		if v := sflogin.RootVar(s.info, e); v != nil && !t[v] {
			t[v] = true
			return true
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		s.eachNode(func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						if s.mentions(n.Rhs[i], t) && add(n.Lhs[i]) {
							changed = true
						}
					}
				} else if len(n.Rhs) == 1 && s.mentions(n.Rhs[0], t) {
					for _, l := range n.Lhs {
						if add(l) {
							changed = true
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if (len(n.Values) == len(n.Names) && s.mentions(n.Values[i], t)) ||
						(len(n.Values) == 1 && len(n.Names) > 1 && s.mentions(n.Values[0], t)) {
						if add(id) {
							changed = true
						}
					}
				}
			case *ast.CallExpr:
				from := false
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && s.mentions(sel.X, t) {
					from = true
				}
				for _, arg := range n.Args {
					if s.mentions(arg, t) {
						from = true
					}
				}
				if from {
					for _, arg := range n.Args {
						if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND && add(u.X) {
							changed = true
						}
					}
				}
			case *ast.TypeSwitchStmt:
				if x := sflogin.TypeSwitchSubject(n); x != nil && s.mentions(x, t) {
					for _, cc := range n.Body.List {
						if v, ok := s.info.Implicits[cc].(*types.Var); ok && !t[v] {
							t[v] = true
							changed = true
						}
					}
				}
			}
			return true
		})
	}
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isErrorType(t types.Type) bool {
	return t != nil && types.Implements(t, errorIface)
}

// computeTrack indexes the error variables whose nil-ness the search follows.
func (s *search) computeTrack() {
	s.track = map[*types.Var]uint{}
	addVar := func(v *types.Var) {
		if _, ok := s.track[v]; !ok && len(s.track) < 64 {
			s.track[v] = uint(len(s.track))
		}
	}
	if s.errVar != nil {
		addVar(s.errVar)
	}
	for v := range s.taint {
		if isErrorType(v.Type()) {
			addVar(v)
		}
	}
}

// credExprs are the expressions that carry the login's credentials: the
// role arguments, or, when none is known, every argument and the receiver.
func (s *search) credExprs() []ast.Expr {
	var out []ast.Expr
	for _, ra := range s.c.Args {
		out = append(out, ra.Expr)
	}
	if len(out) > 0 || s.raw {
		return out
	}
	out = append(out, s.c.Expr.Args...)
	if s.c.Recv != nil {
		out = append(out, s.c.Recv)
	}
	return out
}

// computeDeps finds the variables the credentials depend on, through the
// assignments of the function (credDeps), and those that set up the client
// logged in on too (deps, which the search follows).
func (s *search) computeDeps() {
	exprs := s.credExprs()
	for _, e := range exprs {
		for _, v := range s.varsIn(e) {
			if !slices.Contains(s.credVars, v) {
				s.credVars = append(s.credVars, v)
			}
		}
	}
	roots := s.credVars
	if s.c.Recv != nil {
		// The client logged in on: another client may point at another org.
		for _, v := range s.varsIn(s.c.Recv) {
			if !slices.Contains(roots, v) {
				roots = append(roots, v)
				s.credVars = append(s.credVars, v)
			}
		}
	}
	s.credDeps = s.closure(roots, nil)
	// The arguments of methods called on a variable set it up (c.SetLoginUrl(url)).
	setupArgs := map[*types.Var][]ast.Expr{}
	s.eachNode(func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && call != s.c.Expr {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if v := sflogin.RootVar(s.info, sel.X); v != nil {
					setupArgs[v] = append(setupArgs[v], call.Args...)
				}
			}
		}
		return true
	})
	// Number the variables in source order, so that which ones get the 64
	// bits does not depend on map iteration: the same code, the same report.
	all := slices.Collect(maps.Keys(s.closure(roots, setupArgs)))
	slices.SortFunc(all, func(a, b *types.Var) int { return cmp.Compare(a.Pos(), b.Pos()) })
	s.deps = map[*types.Var]uint{}
	for _, v := range all {
		if len(s.deps) < 64 {
			s.deps[v] = uint(len(s.deps))
		}
	}
}

// closure returns the variables the roots are computed from, through the
// assignments of the function and the extra expressions given per variable.
func (s *search) closure(roots []*types.Var, extra map[*types.Var][]ast.Expr) map[*types.Var]bool {
	seen := map[*types.Var]bool{}
	queue := append([]*types.Var(nil), roots...)
	for _, v := range roots {
		seen[v] = true
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		var from []ast.Expr
		for _, rhs := range s.a.assigns[v] {
			if rhs != nil && within(rhs, s.body) {
				from = append(from, rhs)
			}
		}
		from = append(from, extra[v]...)
		for _, e := range from {
			for _, w := range s.varsIn(e) {
				if !seen[w] {
					seen[w] = true
					queue = append(queue, w)
				}
			}
		}
	}
	return seen
}

func within(n, outer ast.Node) bool { return outer.Pos() <= n.Pos() && n.End() <= outer.End() }

// computeClassVars finds variables assigned a classification of the failure
// (`retryable := isTransient(err)`).
func (s *search) computeClassVars() {
	s.classVars = map[*types.Var]bool{}
	for changed := true; changed; {
		changed = false
		s.eachNode(func(n ast.Node) bool {
			var pairs [][2]ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						pairs = append(pairs, [2]ast.Expr{n.Lhs[i], n.Rhs[i]})
					}
				} else if len(n.Rhs) == 1 {
					for _, l := range n.Lhs {
						pairs = append(pairs, [2]ast.Expr{l, n.Rhs[0]})
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) && len(n.Values) == len(n.Names) {
						pairs = append(pairs, [2]ast.Expr{id, n.Values[i]})
					}
				}
			}
			for _, p := range pairs {
				v := s.a.identVar(p[0])
				if v == nil || s.classVars[v] {
					continue
				}
				if t := v.Type(); t == nil || !isBoolOrString(t) {
					continue
				}
				if s.classifies(p[1]) {
					s.classVars[v] = true
					changed = true
				}
			}
			return true
		})
	}
}

func isBoolOrString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsString) != 0
}

// classifies reports whether an expression looks at what the failure is,
// beyond whether there was one: it reads a fault code, matches a fault or
// error type (errors.As, a type assertion), compares the error with a
// sentinel (errors.Is, ==) other than a context error, matches the error's
// text, asks a predicate about the error (isTransient(err), netErr.Timeout()),
// or, for raw OAuth requests, tells a 4xx answer from a 5xx one.
func (s *search) classifies(e ast.Node) bool {
	if e == nil {
		return false
	}
	if s.mentions(e, s.classVars) {
		return true
	}
	found := false
	inspectNoLit(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if s.callClassifies(n) {
				found = true
			}
		case *ast.TypeAssertExpr:
			if s.mentionsFailure(n.X) {
				found = true
			}
		case *ast.BinaryExpr:
			if s.compareClassifies(n) {
				found = true
			}
		}
		return !found
	})
	if found {
		return true
	}
	return s.mentionsFailure(e) && s.a.res.Inspects(e)
}

func (s *search) callClassifies(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	pkg, recv, name := sfapi.FuncKey(fn)
	switch {
	case pkg == "errors" && name == "As" && len(call.Args) == 2:
		return s.mentionsFailure(call.Args[0])
	case pkg == "errors" && name == "Is" && len(call.Args) == 2:
		x, y := call.Args[0], call.Args[1]
		if !s.mentionsFailure(x) {
			x, y = y, x
		}
		return s.mentionsFailure(x) && !s.isNil(y) && !s.isContextErr(y)
	case (pkg == "strings" || pkg == "bytes") && recv == "":
		switch name {
		case "Contains", "ContainsAny", "HasPrefix", "HasSuffix", "EqualFold", "Index", "Compare", "Equal":
			for _, arg := range call.Args {
				if s.mentionsFailure(arg) {
					return true
				}
			}
		}
		return false
	case pkg == "regexp" && recv == "Regexp" && strings.HasPrefix(name, "Match"):
		for _, arg := range call.Args {
			if s.mentionsFailure(arg) {
				return true
			}
		}
		return false
	}
	if s.a.res.IsClassifier(fn) {
		for _, arg := range call.Args {
			if s.mentionsFailure(arg) {
				return true
			}
		}
	}
	// A predicate about the error: isTransient(err), netErr.Timeout(), oe.Temporary().
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() != 1 {
		return false
	}
	if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return false
	}
	operands := append([]ast.Expr(nil), call.Args...)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sig.Recv() != nil {
		operands = append(operands, sel.X)
	}
	for _, o := range operands {
		if s.mentionsFailure(o) && isErrorType(s.info.TypeOf(o)) {
			return true
		}
	}
	return false
}

func (s *search) compareClassifies(b *ast.BinaryExpr) bool {
	switch b.Op {
	case token.EQL, token.NEQ:
		for _, p := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			x, y := p[0], p[1]
			if s.mentionsFailure(x) && isErrorType(s.info.TypeOf(x)) && !s.isNil(y) && !s.isContextErr(y) {
				return true // err == simpleforce.ErrAuthentication
			}
		}
	}
	if s.oauthRaw {
		if c, op, ok := s.statusCompare(b); ok {
			return statusClassifies(op, c)
		}
	}
	return false
}

func (s *search) isNil(e ast.Expr) bool {
	tv, ok := s.info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

func (s *search) isContextErr(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := s.info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "context" && (v.Name() == "Canceled" || v.Name() == "DeadlineExceeded")
}

// statusCompare matches `resp.StatusCode OP constant` (either way round) on a
// raw login's response, and returns the operator as if the status were on the left.
func (s *search) statusCompare(b *ast.BinaryExpr) (int64, token.Token, bool) {
	op := b.Op
	switch op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return 0, 0, false
	}
	x, y := b.X, b.Y
	if !s.isStatus(x) {
		x, y = y, x
		switch op {
		case token.LSS:
			op = token.GTR
		case token.GTR:
			op = token.LSS
		case token.LEQ:
			op = token.GEQ
		case token.GEQ:
			op = token.LEQ
		}
	}
	if !s.isStatus(x) {
		return 0, 0, false
	}
	tv, ok := s.info.Types[ast.Unparen(y)]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, 0, false
	}
	c, exact := constant.Int64Val(tv.Value)
	if !exact {
		return 0, 0, false
	}
	return c, op, true
}

func (s *search) isStatus(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "StatusCode" && s.mentions(sel.X, s.resp)
}

// threshold turns `status OP c` into "status >= t" (or < t) form.
func threshold(op token.Token, c int64) (int64, bool) {
	switch op {
	case token.GEQ, token.LSS:
		return c, true
	case token.GTR, token.LEQ:
		return c + 1, true
	}
	return 0, false
}

// statusClassifies: a comparison that tells some 4xx or 5xx answers from
// others (status == 400, status >= 500), not one that only tells success
// from failure (status == 200, status >= 300, status >= 400).
func statusClassifies(op token.Token, c int64) bool {
	if op == token.EQL || op == token.NEQ {
		return c >= 400
	}
	t, _ := threshold(op, c)
	return t > 400
}

// statusFailed evaluates a status comparison on a path where the response is
// a failure (not 2xx).
func statusFailed(op token.Token, c int64) tri {
	switch op {
	case token.EQL:
		if c >= 200 && c < 300 {
			return isFalse
		}
	case token.NEQ:
		if c >= 200 && c < 300 {
			return isTrue
		}
	default:
		t, _ := threshold(op, c)
		if t > 200 && t <= 400 {
			if op == token.GEQ || op == token.GTR {
				return isTrue
			}
			return isFalse
		}
	}
	return unknown
}

// computeSwitches finds the switches of the function and whether they classify the failure.
func (s *search) computeSwitches() {
	s.switches = map[*ast.CaseClause]*switchInfo{}
	s.eachNode(func(n ast.Node) bool {
		switch sw := n.(type) {
		case *ast.SwitchStmt:
			si := &switchInfo{tagless: sw.Tag == nil}
			if sw.Tag != nil {
				si.classifying = s.tagClassifies(sw)
			}
			for _, st := range sw.Body.List {
				cc, ok := st.(*ast.CaseClause)
				if !ok {
					continue
				}
				s.switches[cc] = si
				if sw.Tag == nil {
					for _, e := range cc.List {
						if s.classifies(e) {
							si.classifying = true
						}
					}
				}
			}
		case *ast.TypeSwitchStmt:
			si := &switchInfo{}
			if x := sflogin.TypeSwitchSubject(sw); x != nil && s.mentionsFailure(x) {
				si.classifying = true
			}
			for _, st := range sw.Body.List {
				if cc, ok := st.(*ast.CaseClause); ok {
					s.switches[cc] = si
				}
			}
		}
		return true
	})
}

// tagClassifies: `switch fault.Code`, `switch err { case ErrX: }`, `switch
// resp.StatusCode { case 400: }` (OAuth), `switch code(err) { case "sf:...": }`.
func (s *search) tagClassifies(sw *ast.SwitchStmt) bool {
	if s.mentions(sw.Tag, s.classVars) {
		return true
	}
	if !s.mentionsFailure(sw.Tag) {
		return false
	}
	if s.classifies(sw.Tag) {
		return true
	}
	tagErr := isErrorType(s.info.TypeOf(sw.Tag))
	status := s.oauthRaw && s.isStatus(sw.Tag)
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, e := range cc.List {
			tv := s.info.Types[e]
			switch {
			case tagErr && !s.isNil(e) && !s.isContextErr(e):
				return true
			case status && tv.Value != nil && tv.Value.Kind() == constant.Int:
				if c, ok := constant.Int64Val(tv.Value); ok && c >= 400 {
					return true
				}
			case tv.Value != nil && tv.Value.Kind() == constant.String && sfapi.ContainsCode(constant.StringVal(tv.Value)):
				return true
			}
		}
	}
	return false
}

// computeReach marks the blocks from which a retry target can be reached,
// ignoring what the search knows: the test of whether a classifying branch
// stops the retry.
func (s *search) computeReach() {
	n := len(s.g.Blocks)
	preds := make([][]int32, n)
	for _, b := range s.g.Blocks {
		for _, succ := range b.Succs {
			preds[succ.Index] = append(preds[succ.Index], b.Index)
		}
	}
	s.canReach = make([]bool, n)
	s.isTarget = make([]bool, n)
	var queue []int32
	for _, b := range s.g.Blocks {
		if s.blockHasTarget(b) {
			s.isTarget[b.Index] = true
			s.canReach[b.Index] = true
			queue = append(queue, b.Index)
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for _, p := range preds[i] {
			if !s.canReach[p] {
				s.canReach[p] = true
				queue = append(queue, p)
			}
		}
	}
}

func (s *search) blockHasTarget(b *cfg.Block) bool {
	for _, n := range b.Nodes {
		if b == s.start && n == s.start.Nodes[s.startIdx] {
			return true
		}
		if s.fnObj != nil && s.recursiveCall(n) != nil {
			return true
		}
		if ret, ok := n.(*ast.ReturnStmt); ok && len(s.uses) > 0 {
			for _, u := range s.uses {
				if s.retries(ret, u, nil) {
					return true
				}
			}
		}
	}
	return false
}

// opChangesCreds reports whether a retried operation assigns the variables
// its credentials read, declared outside it (a closure walking a list of users).
func (s *search) opChangesCreds() bool {
	moved := false
	inspectNoLit(s.body, func(n ast.Node) bool {
		var targets []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			targets = n.Lhs
		case *ast.IncDecStmt:
			targets = []ast.Expr{n.X}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				targets = []ast.Expr{n.X}
			}
		}
		for _, t := range targets {
			v := sflogin.RootVar(s.info, t)
			if v == nil {
				continue
			}
			if _, dep := s.deps[v]; dep && !within(declOf(v), s.body) {
				moved = true
			}
		}
		return !moved
	})
	return moved
}

// declOf is a node at the variable's declaration, for position tests.
func declOf(v *types.Var) ast.Node { return &ast.Ident{NamePos: v.Pos(), Name: v.Name()} }

// run searches the control-flow graph from the failed login.
func (s *search) run() *result {
	st := s.applyNode(s.start.Nodes[s.startIdx], state{}, true)
	if r := s.startTarget(s.start.Nodes[s.startIdx], st); r != nil {
		return r
	}
	type item struct {
		b   *cfg.Block
		idx int
		st  state
		via ast.Node
	}
	stack := []item{{s.start, s.startIdx + 1, st, nil}}
	visited := map[visitKey]bool{}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		st := it.st
		stop := false
		for i := it.idx; i < len(it.b.Nodes) && !stop; i++ {
			n := it.b.Nodes[i]
			r, end := s.target(n, st)
			if r != nil {
				if r.kind == viaLoop {
					r.node = it.via
				}
				return r
			}
			if end {
				stop = true
				break
			}
			st = s.applyNode(n, st, false)
		}
		if stop {
			continue
		}
		succs := it.b.Succs
		if len(succs) == 2 {
			if s.handled(it.b, st) {
				continue
			}
			switch s.branch(it.b, st) {
			case isTrue:
				succs = succs[:1]
			case isFalse:
				succs = succs[1:]
			}
		}
		for _, succ := range succs {
			nst := s.enter(succ, st)
			key := visitKey{succ.Index, nst}
			if visited[key] {
				continue
			}
			visited[key] = true
			via := it.via
			if via == nil {
				via = s.loopOf(succ)
			}
			stack = append(stack, item{succ, 0, nst, via})
		}
	}
	return nil
}

// loopOf returns the loop or goto label a block heads, when it encloses the login.
func (s *search) loopOf(b *cfg.Block) ast.Node {
	switch b.Kind {
	case cfg.KindForLoop, cfg.KindForPost, cfg.KindRangeLoop, cfg.KindForBody:
		if s.loops[b.Stmt] {
			if b.Kind == cfg.KindForBody {
				if fs, ok := b.Stmt.(*ast.ForStmt); !ok || fs.Cond != nil || fs.Post != nil {
					return nil // the body is the back-edge target only of `for {}`
				}
			}
			return b.Stmt
		}
	case cfg.KindLabel:
		if ls, ok := b.Stmt.(*ast.LabeledStmt); ok && ls.Pos() <= s.c.Expr.Pos() {
			return ls
		}
	}
	return nil
}

// enter applies what entering a block does: a range loop's head assigns its
// key and value.
func (s *search) enter(b *cfg.Block, st state) state {
	if b.Kind != cfg.KindRangeLoop {
		return st
	}
	rs, ok := b.Stmt.(*ast.RangeStmt)
	if !ok {
		return st
	}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if e == nil {
			continue
		}
		if v := sflogin.RootVar(s.info, e); v != nil {
			st = s.setChanged(st, v, true)
			st = s.setLive(st, v, false)
		}
	}
	return st
}

func (s *search) setChanged(st state, v *types.Var, on bool) state {
	if bit, ok := s.deps[v]; ok {
		if on {
			st.changed |= 1 << bit
		} else {
			st.changed &^= 1 << bit
		}
	}
	return st
}

func (s *search) isChanged(st state, v *types.Var) bool {
	bit, ok := s.deps[v]
	return ok && st.changed&(1<<bit) != 0
}

func (s *search) setLive(st state, v *types.Var, on bool) state {
	if bit, ok := s.track[v]; ok {
		if on {
			st.live |= 1 << bit
		} else {
			st.live &^= 1 << bit
		}
		st.trans &^= 1 << bit
	}
	return st
}

func (s *search) isLive(st state, v *types.Var) bool {
	bit, ok := s.track[v]
	return ok && st.live&(1<<bit) != 0
}

func (s *search) isTrans(st state, v *types.Var) bool {
	bit, ok := s.track[v]
	return ok && st.trans&(1<<bit) != 0
}

// liveSet is the set of variables holding the failure in st.
func (s *search) liveSet(st state) map[*types.Var]bool {
	m := map[*types.Var]bool{}
	for v, bit := range s.track {
		if st.live&(1<<bit) != 0 {
			m[v] = true
		}
	}
	return m
}

// applyNode updates the state for a node: assignments move the failure from
// variable to variable and change what the credentials are built from.
func (s *search) applyNode(n ast.Node, st state, first bool) state {
	switch n := n.(type) {
	case *ast.AssignStmt:
		st = s.assign(n.Lhs, n.Rhs, n.Tok, st, first)
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		if len(n.Values) == 0 {
			for _, id := range n.Names {
				if v, _ := s.info.Defs[id].(*types.Var); v != nil {
					st = s.setLive(st, v, false)
					st = s.setChanged(st, v, false)
				}
			}
		} else {
			st = s.assign(lhs, n.Values, token.DEFINE, st, first)
		}
	case *ast.IncDecStmt:
		if v := sflogin.RootVar(s.info, n.X); v != nil {
			st = s.setChanged(st, v, true)
		}
	case *ast.Ident: // a select case's `x := <-ch`
		if v, ok := s.info.Defs[n].(*types.Var); ok {
			st = s.setChanged(st, v, true)
			st = s.setLive(st, v, false)
		}
	}
	// &x handed to a call may rewrite x (fmt.Scan(&password), errors.As(err,
	// &fault)), and so may a pointer method called on x (it.Next()).
	live := s.liveSet(st)
	inspectNoLit(n, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok || call == s.c.Expr {
			return true
		}
		if v := s.pointerMethodRecv(call); v != nil {
			st = s.setChanged(st, v, true)
		}
		// x.SetLoginUrl(env) with env changed: x is set up differently.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if v := sflogin.RootVar(s.info, sel.X); v != nil {
				for _, arg := range call.Args {
					if s.mentionsChanged(arg, st) {
						st = s.setChanged(st, v, true)
					}
				}
			}
		}
		carries := false
		for _, arg := range call.Args {
			if s.mentions(arg, live) || (first && containsNode(arg, s.c.Expr)) {
				carries = true
			}
		}
		for _, arg := range call.Args {
			u, ok := ast.Unparen(arg).(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				continue
			}
			if v := sflogin.RootVar(s.info, u.X); v != nil {
				st = s.setChanged(st, v, true)
				if carries {
					st = s.setLive(st, v, true)
				}
			}
		}
		return true
	})
	return st
}

// mentionsChanged reports whether e reads a variable changed since the login.
func (s *search) mentionsChanged(e ast.Expr, st state) bool {
	for _, v := range s.varsIn(e) {
		if s.isChanged(st, v) {
			return true
		}
	}
	return false
}

// pointerMethodRecv returns x for a call x.m() of a pointer-receiver method
// on a variable x that reports a bool: an iterator moving on (it.Next(),
// scanner.Scan()).
func (s *search) pointerMethodRecv(call *ast.CallExpr) *types.Var {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v := s.a.identVar(sel.X)
	if v == nil {
		return nil
	}
	selection, ok := s.info.Selections[sel]
	if !ok || selection.Kind() != types.MethodVal {
		return nil
	}
	sig, _ := selection.Obj().Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	if _, ptr := sig.Recv().Type().(*types.Pointer); !ptr || sig.Results().Len() != 1 {
		return nil
	}
	if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return nil
	}
	return v
}

// assign applies lhs = rhs.
func (s *search) assign(lhs, rhs []ast.Expr, tok token.Token, st state, first bool) state {
	if tok != token.ASSIGN && tok != token.DEFINE { // x += y
		for _, l := range lhs {
			if v := sflogin.RootVar(s.info, l); v != nil {
				st = s.setChanged(st, v, true)
			}
		}
		return st
	}
	before := st
	for i, l := range lhs {
		var r ast.Expr
		switch {
		case len(lhs) == len(rhs):
			r = rhs[i]
		case len(rhs) == 1:
			r = rhs[0]
		default:
			continue
		}
		if v := s.a.identVar(l); v != nil {
			if _, tracked := s.track[v]; tracked {
				fails := s.carriesFailure(r, before, first)
				st = s.setLive(st, v, fails)
				if s.raw && !fails && (first && v == s.errVar || s.mentions(r, s.resp) && s.stdlibCall(r)) {
					st.trans |= 1 << s.track[v] // a transport error: retrying it is right
				}
			}
		}
		if v := sflogin.RootVar(s.info, l); v != nil {
			if _, dep := s.deps[v]; dep {
				if _, isIdent := ast.Unparen(l).(*ast.Ident); isIdent || s.variant(r, before) {
					st = s.setChanged(st, v, s.variant(r, before))
				}
			}
		}
	}
	return st
}

// carriesFailure reports whether assigning e hands on the failure.
func (s *search) carriesFailure(e ast.Expr, st state, first bool) bool {
	if first && containsNode(e, s.c.Expr) {
		return !s.raw // a raw request's own error is a transport error
	}
	if s.killsFailure(e) {
		return false
	}
	if s.mentions(e, s.liveSet(st)) {
		return true
	}
	if s.raw && s.mentions(e, s.resp) {
		// A helper of the program that reads the response (decodeToken(resp))
		// turns an error answer into an error; the standard library's readers
		// and decoders only fail on transport or syntax.
		return !s.stdlibCall(e)
	}
	return false
}

// stdlibCall reports whether e is a call of a standard-library function (io.ReadAll, json.Decoder.Decode).
func (s *search) stdlibCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == s.a.pass.Pkg {
		return false
	}
	first, _, _ := strings.Cut(fn.Pkg().Path(), "/")
	return !strings.Contains(first, ".")
}

// killsFailure: a call that classifies the error or turns it into a stop
// (err = classify(err)).
func (s *search) killsFailure(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	return fn != nil && (s.a.res.IsClassifier(fn) || s.a.isStop(fn, nil) || s.a.returnsStop(fn))
}

// variant reports whether e may have a different value on another pass:
// it reads a changed variable, receives from a channel, or calls something
// other than a pure constructor.
func (s *search) variant(e ast.Expr, st state) bool {
	v := false
	inspectNoLit(e, func(n ast.Node) bool {
		if v {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if w, ok := s.info.ObjectOf(n).(*types.Var); ok && s.isChanged(st, w) {
				v = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				v = true
			}
		case *ast.CallExpr:
			if !s.pureCall(n) {
				v = true
			}
		}
		return !v
	})
	return v
}

func (s *search) pureCall(call *ast.CallExpr) bool {
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	switch fn := typeutil.Callee(s.info, call).(type) {
	case *types.Builtin:
		switch fn.Name() {
		case "len", "cap", "min", "max", "string":
			return true
		}
	case *types.Func:
		if fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() {
		case "fmt":
			return strings.HasPrefix(fn.Name(), "Sprint")
		case "strings", "bytes", "strconv", "net/url", "path", "unicode/utf8":
			return true
		case "net/http":
			return strings.HasPrefix(fn.Name(), "NewRequest")
		}
		// A client constructor of a library in the table (simpleforce.NewClient).
		if fn.Name() == "NewClient" && s.a.res.Model.Relevant(fn.Pkg().Path()) {
			return true
		}
	}
	return false
}

// startTarget checks the login's own node: `return c.Login(u, p)` in an
// operation retries the failure at once.
func (s *search) startTarget(n ast.Node, st state) *result {
	ret, ok := n.(*ast.ReturnStmt)
	if !ok || s.opCredsMov {
		return nil
	}
	for _, u := range s.uses {
		if s.retries(ret, u, &st) {
			return &result{kind: viaHelper, node: ret, use: u}
		}
	}
	return nil
}

// target checks whether a node is a retry of the failed login. end reports
// that the path stops there without a retry.
func (s *search) target(n ast.Node, st state) (r *result, end bool) {
	if containsNode(n, s.c.Expr) {
		for _, v := range s.credVars {
			if s.isChanged(st, v) {
				return nil, true // the next attempt uses other credentials
			}
		}
		return &result{kind: viaLoop}, false
	}
	if s.fnObj != nil {
		if call := s.recursiveCall(n); call != nil && s.sameArgs(call, st) {
			return &result{kind: viaRecur, node: call}, false
		}
	}
	if ret, ok := n.(*ast.ReturnStmt); ok && !s.opCredsMov {
		for _, u := range s.uses {
			if s.retries(ret, u, &st) {
				return &result{kind: viaHelper, node: ret, use: u}, false
			}
		}
	}
	return nil, false
}

// recursiveCall returns a call of the enclosing function in n.
func (s *search) recursiveCall(n ast.Node) *ast.CallExpr {
	var found *ast.CallExpr
	inspectNoLit(n, func(m ast.Node) bool {
		if found != nil {
			return false
		}
		if call, ok := m.(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(s.info, call).(*types.Func); fn != nil && fn.Origin() == s.fnObj.Origin() {
				found = call
			}
		}
		return found == nil
	})
	return found
}

// sameArgs reports whether a recursive call passes the credential
// parameters (and receiver) on unchanged.
func (s *search) sameArgs(call *ast.CallExpr, st state) bool {
	if s.sig == nil {
		return false
	}
	for i := 0; i < s.sig.Params().Len(); i++ {
		p := s.sig.Params().At(i)
		if !s.credDeps[p] {
			continue
		}
		if i >= len(call.Args) || s.sig.Variadic() && i == s.sig.Params().Len()-1 {
			return false
		}
		id, ok := ast.Unparen(call.Args[i]).(*ast.Ident)
		if !ok || s.info.ObjectOf(id) != p || s.isChanged(st, p) {
			return false
		}
	}
	if recv := s.sig.Recv(); recv != nil {
		if s.credDeps[recv] {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			id, ok := ast.Unparen(sel.X).(*ast.Ident)
			if !ok || s.info.ObjectOf(id) != recv || s.isChanged(st, recv) {
				return false
			}
		}
	}
	return true
}

// retries reports whether a return statement of an operation makes the
// helper call it again. st is nil for the stateless test: any tracked error
// variable may then hold the failure.
func (s *search) retries(ret *ast.ReturnStmt, u *helperUse, st *state) bool {
	if s.sig == nil || s.sig.Results().Len() == 0 {
		return false
	}
	nres := s.sig.Results().Len()
	results := ret.Results
	if len(results) == 0 { // bare return with named results
		for i := 0; i < nres; i++ {
			v := s.sig.Results().At(i)
			if v.Name() == "" {
				return false
			}
			results = append(results, &ast.Ident{NamePos: ret.Pos(), Name: v.Name()})
		}
		errV := s.sig.Results().At(nres - 1)
		if u.helper.ErrorStops || u.helper.OnlyWrapped != "" {
			return false
		}
		return s.trackedLive(errV, st)
	}
	if len(results) != nres {
		// return f() with f returning the operation's results
		return len(results) == 1 && ast.Unparen(results[0]) == s.c.Expr && !u.helper.ErrorStops && u.helper.OnlyWrapped == ""
	}
	errExpr := ast.Unparen(results[nres-1])
	h := u.helper
	switch {
	case h.OnlyWrapped != "":
		call, ok := errExpr.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, _ := typeutil.Callee(s.info, call).(*types.Func)
		return fn != nil && fn.Name() == h.OnlyWrapped && fn.Pkg() != nil && sfapi.MatchPath(fn.Pkg().Path(), h.Pkg)
	case h.ErrorStops:
		if nres != 2 || !s.isNil(errExpr) {
			return false
		}
		tv := s.info.Types[ast.Unparen(results[0])]
		done := tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
		return !done
	}
	return s.retryingErr(errExpr, u, st)
}

func (s *search) trackedLive(v *types.Var, st *state) bool {
	if st == nil {
		_, ok := s.track[v]
		return ok
	}
	return s.isLive(*st, v)
}

// retryingErr reports whether an operation returning e is called again: e is
// the failure or another non-nil error not marked final.
func (s *search) retryingErr(e ast.Expr, u *helperUse, st *state) bool {
	e = ast.Unparen(e)
	if e == s.c.Expr {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, _ := s.info.ObjectOf(x).(*types.Var)
		return v != nil && s.trackedLive(v, st)
	case *ast.UnaryExpr:
		return x.Op == token.AND
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if tv, ok := s.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return s.retryingErr(x.Args[0], u, st)
		}
		fn, _ := typeutil.Callee(s.info, x).(*types.Func)
		if fn == nil {
			return false
		}
		if s.a.isStop(fn, u) || s.a.res.IsClassifier(fn) || s.a.returnsStop(fn) {
			return false
		}
		pkg, _, name := sfapi.FuncKey(fn)
		switch {
		case pkg == "fmt" && name == "Errorf", pkg == "errors" && name == "New":
			return true
		case pkg == "errors" && name == "Join":
			for _, arg := range x.Args {
				if s.retryingErr(arg, u, st) {
					return true
				}
			}
			return false
		}
		// Another function handed the failure: wrapping it (errors.Wrap) keeps it.
		for _, arg := range x.Args {
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
				if v, _ := s.info.ObjectOf(id).(*types.Var); v != nil && s.trackedLive(v, st) && isErrorType(v.Type()) {
					return true
				}
			}
			if ast.Unparen(arg) == s.c.Expr {
				return true
			}
		}
	}
	return false
}

// isStop reports whether fn marks an error as final: the helper's own stop
// function, any built-in helper's (backoff.Permanent, retry.Unrecoverable),
// or one the user declared with -permanent.
func (a *checker) isStop(fn *types.Func, u *helperUse) bool {
	if fn.Pkg() == nil {
		return false
	}
	pkg, recv, name := sfapi.FuncKey(fn)
	if a.permanent[sfapi.Ref{Pkg: pkg, Recv: recv, Name: name}] {
		return true
	}
	if recv != "" {
		return false
	}
	for _, stop := range [...]struct{ pkg, name string }{
		{"cenkalti/backoff", "Permanent"},
		{"avast/retry-go", "Unrecoverable"},
	} {
		if name == stop.name && sfapi.MatchPath(pkg, stop.pkg) {
			return true
		}
	}
	if u != nil {
		for _, st := range u.helper.Stop {
			if name == st && sfapi.MatchPath(pkg, u.helper.Pkg) {
				return true
			}
		}
	}
	return false
}

// returnsStop reports whether a function of this package returns a stop
// marker (func permanent(err error) error { ... return backoff.Permanent(err) }).
func (a *checker) returnsStop(fn *types.Func) bool {
	fn = fn.Origin()
	if v, ok := a.stopFuncs[fn]; ok {
		return v
	}
	a.stopFuncs[fn] = false
	fd := a.decls[fn]
	if fd == nil {
		return false
	}
	found := false
	inspectNoLit(fd.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			for _, r := range ret.Results {
				if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
					if g, _ := typeutil.Callee(a.info, call).(*types.Func); g != nil && (a.isStop(g, nil) || a.returnsStop(g)) {
						found = true
					}
				}
			}
		}
		return !found
	})
	a.stopFuncs[fn] = found
	return found
}

// tri is a three-valued truth.
type tri uint8

const (
	unknown tri = iota
	isTrue
	isFalse
)

func (t tri) not() tri {
	switch t {
	case isTrue:
		return isFalse
	case isFalse:
		return isTrue
	}
	return unknown
}

// condOf returns the condition of an if or for decision block.
func condOf(b *cfg.Block) ast.Expr {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil
	}
	switch b.Succs[0].Kind {
	case cfg.KindIfThen, cfg.KindForBody:
	default:
		return nil
	}
	e, _ := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	return e
}

// switchOf returns the switch a case decision block belongs to.
func (s *search) switchOf(b *cfg.Block) *switchInfo {
	if len(b.Succs) != 2 || b.Succs[0].Kind != cfg.KindSwitchCaseBody {
		return nil
	}
	cc, ok := b.Succs[0].Stmt.(*ast.CaseClause)
	if !ok {
		return nil
	}
	return s.switches[cc]
}

// handled reports whether a decision block classifies the failure and one
// of its outcomes leaves the retry: the path through it is not blind.
func (s *search) handled(b *cfg.Block, st state) bool {
	key := visitKey{b.Index, st}
	if v, ok := s.handledMemo[key]; ok {
		return v
	}
	s.handledMemo[key] = false // a cycle through this decision does not make it effective
	v := false
	if si := s.switchOf(b); si != nil {
		if si.classifying {
			var starts []*cfg.Block
			for _, d := range s.g.Blocks {
				if s.switchOf(d) == si {
					starts = append(starts, d.Succs...)
				}
			}
			v = s.leaves(starts, st)
		}
	} else if s.classifyingDecision(b) {
		v = s.leaves(b.Succs, st)
	}
	s.handledMemo[key] = v
	return v
}

// classifyingDecision reports whether a block ends in a decision on what the failure is.
func (s *search) classifyingDecision(b *cfg.Block) bool {
	if si := s.switchOf(b); si != nil {
		return si.classifying
	}
	cond := condOf(b)
	return cond != nil && s.classifies(cond)
}

// leaves reports whether, from one of the blocks, every way on leaves the
// retry once the decisions on what the failure is are taken the right way:
// the path returns, stops the helper, moves on to other credentials or never
// comes back to the login. A decision on the failure may go either way; a
// decision on anything else (an attempt counter) must leave on both of its
// outcomes, or on the one the search knows is taken. This is the greatest
// fixpoint over the (block, state) graph explored from the blocks.
func (s *search) leaves(starts []*cfg.Block, st state) bool {
	const (
		leafTrue = iota
		leafFalse
		allLeave  // every successor must leave
		oneLeaves // one successor leaving is enough (a classifying decision)
	)
	type gnode struct {
		kind  int
		succs []int
	}
	var nodes []gnode
	index := map[visitKey]int{}
	type item struct {
		b  *cfg.Block
		st state
	}
	var queue []item
	visit := func(b *cfg.Block, st state) int {
		st = s.enter(b, st)
		key := visitKey{b.Index, st}
		if i, ok := index[key]; ok {
			return i
		}
		index[key] = len(nodes)
		nodes = append(nodes, gnode{})
		queue = append(queue, item{b, st})
		return len(nodes) - 1
	}
	var roots []int
	for _, b := range starts {
		roots = append(roots, visit(b, st))
	}
	for i := 0; i < len(queue); i++ {
		b, st := queue[i].b, queue[i].st
		g := &nodes[index[visitKey{b.Index, st}]]
		if !s.canReach[b.Index] {
			g.kind = leafTrue
			continue
		}
		leaf := -1
		for _, n := range b.Nodes {
			r, end := s.target(n, st)
			if end {
				leaf = leafTrue
				break
			}
			if r != nil {
				leaf = leafFalse
				break
			}
			st = s.applyNode(n, st, false)
		}
		if leaf >= 0 {
			g.kind = leaf
			continue
		}
		succs := b.Succs
		kind := allLeave
		switch {
		case len(succs) == 0:
			g.kind = leafTrue
			continue
		case len(succs) == 2 && s.classifyingDecision(b):
			kind = oneLeaves
		case len(succs) == 2:
			switch s.branch(b, st) {
			case isTrue:
				succs = succs[:1]
			case isFalse:
				succs = succs[1:]
			}
		}
		var idx []int
		for _, succ := range succs {
			idx = append(idx, visit(succ, st))
		}
		g = &nodes[index[visitKey{b.Index, queue[i].st}]] // visit may have grown nodes
		g.kind, g.succs = kind, idx
	}
	val := make([]bool, len(nodes))
	for i, g := range nodes {
		val[i] = g.kind != leafFalse
	}
	for changed := true; changed; {
		changed = false
		for i, g := range nodes {
			if !val[i] || g.kind == leafTrue {
				continue
			}
			v := g.kind == allLeave
			for _, j := range g.succs {
				if g.kind == allLeave && !val[j] {
					v = false
				}
				if g.kind == oneLeaves && val[j] {
					v = true
				}
			}
			if !v {
				val[i] = false
				changed = true
			}
		}
	}
	for _, r := range roots {
		if val[r] {
			return true
		}
	}
	return false
}

// branch evaluates a decision on a failure path: isTrue when only the first
// successor can be taken, isFalse when only the second.
func (s *search) branch(b *cfg.Block, st state) tri {
	if si := s.switchOf(b); si != nil {
		if !si.tagless || len(b.Nodes) == 0 {
			return unknown
		}
		if e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
			return s.eval(e, st)
		}
		return unknown
	}
	if cond := condOf(b); cond != nil {
		return s.eval(cond, st)
	}
	return unknown
}

// eval evaluates a condition knowing that the live variables hold the
// failure (non-nil), a raw request's transport error is nil, and its
// response is not a 2xx.
func (s *search) eval(e ast.Expr, st state) tri {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return s.eval(x.X, st).not()
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			l, r := s.eval(x.X, st), s.eval(x.Y, st)
			if l == isFalse || r == isFalse {
				return isFalse
			}
			if l == isTrue && r == isTrue {
				return isTrue
			}
			return unknown
		case token.LOR:
			l, r := s.eval(x.X, st), s.eval(x.Y, st)
			if l == isTrue || r == isTrue {
				return isTrue
			}
			if l == isFalse && r == isFalse {
				return isFalse
			}
			return unknown
		case token.EQL, token.NEQ:
			if v := s.nilTest(x, st); v != unknown {
				if x.Op == token.EQL {
					return v.not()
				}
				return v
			}
		}
		if s.raw {
			if c, op, ok := s.statusCompare(x); ok {
				return statusFailed(op, c)
			}
		}
	}
	return unknown
}

// nilTest evaluates `x != nil` for a comparison of x with nil.
func (s *search) nilTest(b *ast.BinaryExpr, st state) tri {
	x := b.X
	if s.isNil(x) {
		x = b.Y
	} else if !s.isNil(b.Y) {
		return unknown
	}
	x = ast.Unparen(x)
	if x == s.c.Expr && !s.raw {
		return isTrue
	}
	v := s.a.identVar(x)
	if v == nil {
		return unknown
	}
	switch {
	case s.isLive(st, v):
		return isTrue
	case s.isTrans(st, v):
		return isFalse
	}
	return unknown
}

// ---------------------------------------------------------------------------
// The diagnostic.

func (a *checker) diagnostic(c *sflogin.Call, s *search, r *result) *analysis.Diagnostic {
	var how, category string
	var related []analysis.RelatedInformation
	stop := "return or break on them"
	switch r.kind {
	case viaLoop:
		switch n := r.node.(type) {
		case *ast.LabeledStmt:
			how, category = "by goto "+n.Label.Name, "goto"
			if g := findGoto(s.body, n.Label.Name, c.Expr.Pos()); g != nil {
				related = append(related, analysis.RelatedInformation{Pos: g.Pos(), End: g.End(), Message: "jumps back to the login"})
			}
		default:
			how, category = "in a loop", "loop"
			loop := r.node
			if loop == nil {
				for l := range s.loops {
					if loop == nil || l.Pos() > loop.Pos() {
						loop = l
					}
				}
			}
			if loop == nil {
				how = "by a jump back to it"
				break
			}
			related = append(related, analysis.RelatedInformation{Pos: loop.Pos(), End: loopHeadEnd(loop), Message: "this loop goes back to the login after it fails"})
		}
	case viaRecur:
		name := "the function"
		if s.fnObj != nil {
			name = s.fnObj.Name()
		}
		how, category = "by recursion ("+name+" calls itself after the login fails)", "recursion"
		related = append(related, analysis.RelatedInformation{Pos: r.node.Pos(), End: r.node.End(), Message: "calls " + name + " again with the same credentials"})
	case viaHelper:
		hname := sflogin.FuncName(r.use.fn)
		how, category = "by "+hname, "retry-helper"
		related = append(related, analysis.RelatedInformation{Pos: r.use.call.Pos(), End: r.use.call.End(), Message: hname + " calls the login again"})
		h := r.use.helper
		switch {
		case len(h.Stop) > 0:
			stop = fmt.Sprintf("return %s.%s(err) for them", pkgName(r.use.fn), h.Stop[0])
		case h.OnlyWrapped != "":
			stop = fmt.Sprintf("return them as they are, not wrapped in %s.%s", pkgName(r.use.fn), h.OnlyWrapped)
		case h.ErrorStops:
			stop = "return (false, err) for them"
		default:
			stop = "return a final error for them"
		}
	}
	lockout := "each failed login counts toward locking the user out (5 in a row lock it for 15 minutes) and toward blocking this host's IP, which also blocks every valid login from it; sleeping or backing off between attempts prevents neither"
	var msg string
	if a.dropsCode(c) {
		msg = fmt.Sprintf("%s is retried %s without looking at why it failed: the library reports a failed login as text with no fault code, so a wrong password or a locked-out user is retried like an outage, and %s. Retry only network errors (errors.As(err, &opErr) with *net.OpError, or a *url.Error whose Timeout() is true) or do not retry the login at all",
			c.Name(), how, lockout)
	} else {
		vocab := c.Vocab()
		codes := sfapi.NonRetryable(vocab)
		transient := sfapi.Transient(vocab)
		if vocab == sfapi.NoCode {
			codes = append(sfapi.NonRetryable(sfapi.SOAP), sfapi.NonRetryable(sfapi.OAuth)...)
			transient = append(sfapi.Transient(sfapi.SOAP), sfapi.Transient(sfapi.OAuth)...)
		}
		retryOnly := strings.Join(transient, ", ")
		if vocab == sfapi.OAuth {
			retryOnly += ", HTTP 5xx answers"
		}
		retryOnly += " and network errors"
		where := ""
		if c.Endpoint != nil && vocab == sfapi.OAuth {
			where = ` (the "error" field of the 400 answer)`
		} else if c.Endpoint != nil {
			where = " (the <faultcode> of the answer)"
		}
		msg = fmt.Sprintf("%s is retried %s without classifying the fault: %s%s fail again on every attempt, and %s. Stop on those codes (%s) and retry only %s",
			c.Name(), how, joinList(codes), where, lockout, stop, retryOnly)
	}
	for i := range related {
		related[i].End = a.end(related[i].Pos, related[i].End)
	}
	return &analysis.Diagnostic{Pos: c.Expr.Pos(), End: a.end(c.Expr.Pos(), c.Expr.End()), Category: category, Message: msg, Related: related}
}

// end returns end, or NoPos when it does not lie in pos's file after pos (a
// call left unfinished by a syntax error ends nowhere).
func (a *checker) end(pos, end token.Pos) token.Pos {
	f := a.pass.Fset.File(pos)
	if f == nil || end < pos || int(end) > f.Base()+f.Size() {
		return token.NoPos
	}
	return end
}

func pkgName(fn *types.Func) string {
	if fn.Pkg() != nil {
		return fn.Pkg().Name()
	}
	return ""
}

func joinList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// loopHeadEnd is the end of a loop's header (before its body).
func loopHeadEnd(n ast.Node) token.Pos {
	switch l := n.(type) {
	case *ast.ForStmt:
		return l.Body.Lbrace
	case *ast.RangeStmt:
		return l.Body.Lbrace
	}
	return n.End()
}

func findGoto(body *ast.BlockStmt, label string, after token.Pos) *ast.BranchStmt {
	var found *ast.BranchStmt
	inspectNoLit(body, func(n ast.Node) bool {
		if br, ok := n.(*ast.BranchStmt); ok && found == nil && br.Tok == token.GOTO &&
			br.Label != nil && br.Label.Name == label && br.Pos() > after {
			found = br
		}
		return found == nil
	})
	return found
}

// dropsCode reports whether the library behind the call reports a failed
// login without a fault code (go-salesforce, go-sfdc).
func (a *checker) dropsCode(c *sflogin.Call) bool {
	api := c.API
	if api == nil && c.Fact != nil {
		api = a.apiNamed(c.Fact.API)
	}
	if api == nil || api.Declared {
		return false
	}
	return api.Fault == nil && !a.res.Model.FaultInText(api)
}

// apiNamed finds the table row a wrapper's fact names, among the client
// libraries the package imports directly or not.
func (a *checker) apiNamed(name string) *sfapi.API {
	if a.apiRows == nil {
		a.apiRows = map[string]*sfapi.API{}
		seen := map[*types.Package]bool{}
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if p == nil || seen[p] {
				return
			}
			seen[p] = true
			if a.res.Model.Relevant(p.Path()) {
				scope := p.Scope()
				for _, n := range scope.Names() {
					switch obj := scope.Lookup(n).(type) {
					case *types.Func:
						if api := a.res.Model.Lookup(obj); api != nil {
							a.apiRows[api.String()] = api
						}
					case *types.TypeName:
						if named, ok := obj.Type().(*types.Named); ok {
							for i := 0; i < named.NumMethods(); i++ {
								if api := a.res.Model.Lookup(named.Method(i)); api != nil {
									a.apiRows[api.String()] = api
								}
							}
						}
					}
				}
			}
			for _, q := range p.Imports() {
				visit(q)
			}
		}
		visit(a.pass.Pkg)
	}
	return a.apiRows[name]
}
