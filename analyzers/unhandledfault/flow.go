package unhandledfault

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

// This file follows a login's error along the paths of its function's
// control-flow graph (the lostcancel way): is the fault code inspected before
// the error is dropped, erased or handed back?

// outcome is what the analysis of one login call found.
type outcome struct {
	coding   coding
	relieved bool // the callee (a wrapper) already inspected the fault

	// propagatedRaw: on some path the error leaves the function (unchanged
	// or wrapped with %w) without its code having been inspected.
	propagatedRaw bool
	// propagatedInspected: on some path it leaves after being inspected.
	propagatedInspected bool

	swallowed bool            // some failing path ends with the error dropped
	kinds     []string        // what those paths did with it ("logged", ...), in order
	seenKind  map[string]bool // the set of kinds
	carryOn   ast.Node        // a use of the session after the failure was ignored
	sessName  string          // the variable holding the session
	erasures  []erasure       // returns that erase the fault type
}

func (o *outcome) addKind(k string) {
	if k == "" || o.seenKind[k] {
		return
	}
	if o.seenKind == nil {
		o.seenKind = map[string]bool{}
	}
	o.seenKind[k] = true
	o.kinds = append(o.kinds, k)
}

// erasure is a return (or an assignment before one) that erases the fault.
type erasure struct {
	expr ast.Expr
	how  string // "fmt.Errorf with %v flattens"
	fix  []analysis.SuggestedFix
}

// Binding kinds: where a login call's error result goes.
const (
	bindEscape  = iota // somewhere this analyzer does not follow: handled elsewhere
	bindDiscard        // assigned to _ or the call is a statement
	bindVar            // assigned to a local variable
	bindCond           // compared with nil where it is made: if c.Login(...) != nil
	bindReturn         // returned directly: return c.Login(...)
)

type binding struct {
	kind    int
	errVar  *types.Var
	sessVar *types.Var // the variable holding the session, if known
	// results are the expressions the call's results are assigned to
	// (by result index), when it is assigned.
	results []ast.Expr
}

// analyze checks one login call (memoised).
func (c *checker) analyze(call *sflogin.Call) *outcome {
	if o, ok := c.done[call]; ok {
		return o
	}
	c.done[call] = nil
	o := c.analyze1(call)
	c.done[call] = o
	return o
}

func (c *checker) analyze1(call *sflogin.Call) *outcome {
	cd, relieved, ok := c.callCoding(call)
	if !ok {
		return nil
	}
	o := &outcome{coding: cd, relieved: relieved}
	b := c.bind(call)
	body := c.enclosed[call.Expr]
	if call.Err < 0 {
		if body != nil {
			c.checkExpired(call, b, c.function(body))
		}
		return o
	}
	switch b.kind {
	case bindDiscard:
		c.reportDiscard(call, cd)
		return o
	case bindEscape:
		return o
	case bindReturn:
		if body != nil && c.function(body).decl != nil {
			o.propagatedRaw = !relieved
			o.propagatedInspected = relieved
		}
		return o
	}
	if body == nil {
		return o
	}
	f := c.function(body)
	e := newEngine(c, call, f, b, o)
	if e != nil {
		e.run()
		c.reportOutcome(call, o)
	}
	c.checkExpired(call, b, f)
	return o
}

// bind works out where the call's error result goes.
func (c *checker) bind(call *sflogin.Call) binding {
	var child ast.Node = call.Expr
	p := c.parents[child]
	for {
		if pe, ok := p.(*ast.ParenExpr); ok {
			child, p = pe, c.parents[pe]
			continue
		}
		break
	}
	nres := 1
	if t, ok := c.info.TypeOf(call.Expr).(*types.Tuple); ok {
		nres = t.Len()
	}
	b := binding{kind: bindEscape}
	var lhs []ast.Expr
	switch p := p.(type) {
	case *ast.ExprStmt:
		b.kind = bindDiscard
		return b
	case *ast.GoStmt, *ast.DeferStmt:
		b.kind = bindDiscard
		return b
	case *ast.ReturnStmt:
		b.kind = bindReturn
		return b
	case *ast.BinaryExpr:
		if (p.Op == token.NEQ || p.Op == token.EQL) && nres == 1 && (c.isNil(p.X) || c.isNil(p.Y)) {
			b.kind = bindCond
		}
		return b
	case *ast.AssignStmt:
		lhs = assigned(p.Lhs, p.Rhs, child, nres)
	case *ast.ValueSpec:
		names := make([]ast.Expr, len(p.Names))
		for i, n := range p.Names {
			names[i] = n
		}
		lhs = assigned(names, p.Values, child, nres)
	}
	if lhs == nil {
		return b
	}
	b.results = lhs
	if call.Err >= 0 && call.Err < len(lhs) {
		if id, ok := ast.Unparen(lhs[call.Err]).(*ast.Ident); ok {
			if id.Name == "_" {
				b.kind = bindDiscard
			} else if v := c.localVar(id); v != nil && c.declaredIn(v, call.Expr) {
				b.kind, b.errVar = bindVar, v
			}
			// else: a variable of an enclosing function, captured by a
			// closure: that function deals with it.
		}
	}
	if call.Session >= 0 && call.Session < len(lhs) {
		if id, ok := ast.Unparen(lhs[call.Session]).(*ast.Ident); ok {
			b.sessVar = c.localVar(id)
		}
	} else if call.Session == sfapi.InReceiver && call.Recv != nil {
		if id, ok := ast.Unparen(call.Recv).(*ast.Ident); ok {
			b.sessVar = c.localVar(id)
		}
	}
	return b
}

// assigned returns the left-hand sides receiving the results of call (a
// child of the right-hand side), indexed by result; nil when they cannot be
// matched.
func assigned(lhs, rhs []ast.Expr, call ast.Node, nres int) []ast.Expr {
	if len(rhs) == 1 && rhs[0] == call && len(lhs) == nres {
		return lhs
	}
	if len(lhs) == len(rhs) && nres == 1 {
		for i, r := range rhs {
			if r == call {
				return []ast.Expr{lhs[i]}
			}
		}
	}
	return nil
}

// declaredIn reports whether v is declared in the innermost function
// (declaration or literal, signature included) enclosing call.
func (c *checker) declaredIn(v *types.Var, call *ast.CallExpr) bool {
	body := c.enclosed[call]
	if body == nil {
		return true
	}
	fn := c.parents[body]
	return fn != nil && fn.Pos() <= v.Pos() && v.Pos() < fn.End()
}

// localVar returns the function-local variable an identifier denotes.
func (c *checker) localVar(id *ast.Ident) *types.Var {
	v, _ := c.info.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

func (c *checker) isNil(e ast.Expr) bool {
	tv, ok := c.info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// ---- the path engine ----

type nilness uint8

const (
	unknown    nilness = iota // the error has not been compared with nil on this path
	failing                   // the error is known to be non-nil
	succeeding                // the error is known to be nil
)

// pstate is the state of one path.
type pstate struct {
	nil       nilness
	inspected bool
	used      bool  // the error was logged, printed or written somewhere on the path
	join      int32 // block where a failing path rejoins the successful one (-1: none)
	joined    bool  // the failing path has rejoined the successful one
	sessGone  bool  // the session variable was reassigned
	erased    ast.Expr
}

type engine struct {
	c    *checker
	call *sflogin.Call
	f    *function
	b    binding
	o    *outcome
	vs   *vars

	start    *cfg.Block
	startIdx int
	// faultCases are the clauses of type switches on the error that name a fault type.
	faultCases map[ast.Stmt]bool
	// faultSwitches are the Assign statements of those type switches.
	faultSwitches map[ast.Stmt]bool
	// caseOf maps the case expressions of tag switches to their switch (f.caseOf).
	caseOf map[ast.Expr]*ast.SwitchStmt
	// codeRead are the fault variables whose code field the function reads (f.codeRead).
	codeRead map[*types.Var]bool
}

func newEngine(c *checker, call *sflogin.Call, f *function, b binding, o *outcome) *engine {
	e := &engine{c: c, call: call, f: f, b: b, o: o}
	e.start, e.startIdx = locate(c.graph(f), call.Expr)
	if e.start == nil {
		return nil
	}
	c.scan(f)
	e.caseOf, e.codeRead = f.caseOf, f.codeRead
	e.vs = c.track(f, b.errVar)
	for _, n := range f.typeSwitches {
		if n.Assign == nil || !e.mentions(n.Assign) {
			continue
		}
		for _, s := range n.Body.List {
			cc, ok := s.(*ast.CaseClause)
			if !ok {
				continue
			}
			for _, t := range cc.List {
				if c.res.Model.FaultNamed(c.info.TypeOf(t)) != nil {
					if e.faultCases == nil {
						e.faultCases, e.faultSwitches = map[ast.Stmt]bool{}, map[ast.Stmt]bool{}
					}
					e.faultCases[cc] = true
					e.faultSwitches[n.Assign] = true
				}
			}
		}
	}
	return e
}

// locate finds the CFG node holding the call.
func locate(g *cfg.CFG, call *ast.CallExpr) (*cfg.Block, int) {
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if n.Pos() <= call.Pos() && call.End() <= n.End() {
				return b, i
			}
		}
	}
	return nil, 0
}

type pathKey struct {
	block int32
	st    pstate
}

type pathItem struct {
	b  *cfg.Block
	i  int
	st pstate
}

func (e *engine) run() {
	init := pstate{join: -1, inspected: e.o.relieved}
	stack := []pathItem{{e.start, e.startIdx + 1, init}}
	seen := map[pathKey]bool{}
	for steps := 0; len(stack) > 0 && steps < 10000; steps++ {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		st := it.st
		if it.i == 0 {
			k := pathKey{it.b.Index, st}
			if seen[k] {
				continue
			}
			seen[k] = true
			if it.b.Index == st.join {
				st.joined = true
			}
			if cc, ok := it.b.Stmt.(*ast.CaseClause); ok && it.b.Kind == cfg.KindSwitchCaseBody && e.faultCases[cc] {
				st.inspected = true
			}
			switch e.c.typeCaseNilness(it.b, e.isSubject) {
			case succeeding:
				continue // case nil: of a type switch on the error
			case failing:
				st.nil = failing
			}
		}
		stopped := false
		for i := it.i; i < len(it.b.Nodes); i++ {
			// The condition ending a two-way block is inspected per branch (see branch).
			_, isCond := it.b.Nodes[i].(ast.Expr)
			isCond = isCond && i == len(it.b.Nodes)-1 && len(it.b.Succs) == 2
			if e.visit(it.b.Nodes[i], &st, isCond) {
				stopped = true
				break
			}
		}
		if stopped {
			continue
		}
		switch len(it.b.Succs) {
		case 0:
			e.end(st, nil)
		case 1:
			stack = append(stack, pathItem{it.b.Succs[0], 0, st})
		default:
			var cond ast.Expr
			if n := len(it.b.Nodes); n > 0 {
				cond, _ = it.b.Nodes[n-1].(ast.Expr)
			}
			for i, succ := range it.b.Succs {
				if s, ok := e.branch(cond, i == 0, st, it.b); ok {
					stack = append(stack, pathItem{succ, 0, s})
				}
			}
		}
	}
}

// visit processes one node of a path; it reports whether the path ends there.
func (e *engine) visit(n ast.Node, st *pstate, cond bool) bool {
	if n.Pos() <= e.call.Expr.Pos() && e.call.Expr.End() <= n.End() {
		return true // back at the login: a new attempt, checked on its own
	}
	if !cond && !st.inspected && e.inspects(n) {
		st.inspected = true
	}
	if stop := e.kill(n, st); stop {
		return true
	}
	if e.b.sessVar != nil && (assigns(e.c.info, n, e.b.sessVar) || e.reestablishes(n)) {
		st.sessGone = true
	}
	if st.nil == failing && st.joined && !st.sessGone && e.usesSession(n) && !e.returnsErr(n) {
		if e.o.carryOn == nil {
			e.o.carryOn, e.o.sessName = n, e.b.sessVar.Name()
		}
		return true
	}
	switch n := n.(type) {
	case *ast.ReturnStmt:
		e.ret(n, *st)
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
			if name := noReturn(e.c.info, call); name != "" {
				kind := "followed by " + name
				if e.mentions(n) {
					kind = "passed to " + name
				}
				e.end(*st, &kind)
				return true
			}
		}
	case *ast.DeferStmt:
		if e.mentions(n) {
			return true // handled when the function returns: out of sight
		}
		return false
	}
	switch kind, detail := e.useOf(n); kind {
	case useEscape:
		return true // handed to code that deals with it
	case useSwallow:
		st.used = true
		if !st.inspected {
			e.o.addKind(detail)
		}
	}
	return false
}

// end handles a path that leaves the function without a return statement
// (or through a call that does not return, with kind naming it).
func (e *engine) end(st pstate, kind *string) {
	if st.inspected {
		return
	}
	k := ""
	if kind != nil && !st.joined { // after rejoining, the exit has nothing to do with the login
		k = *kind
		if !st.used && strings.HasPrefix(k, "followed by ") {
			k = "dropped before " + strings.TrimPrefix(k, "followed by ")
		}
	}
	if st.nil == failing || st.used || strings.HasPrefix(k, "passed to ") {
		if k == "" && !st.used {
			k = "dropped"
		}
		e.o.swallowed = true
		e.o.addKind(k)
	}
}

// reestablishes reports whether n gives the session variable a session
// again (another login, a reused session id, a refresh): a fallback.
func (e *engine) reestablishes(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		rc := e.c.res.Lookup(call)
		if rc == nil || rc.Recv == nil || call == e.call.Expr {
			return true
		}
		switch rc.Kind {
		case sfapi.Login, sfapi.Reuse, sfapi.Refresh:
			if id, ok := ast.Unparen(rc.Recv).(*ast.Ident); ok && e.c.info.ObjectOf(id) == e.b.sessVar {
				found = true
			}
		}
		return !found
	})
	return found
}

// returnsErr reports whether n returns the login error to the caller.
func (e *engine) returnsErr(n ast.Node) bool {
	r, ok := n.(*ast.ReturnStmt)
	if !ok {
		return false
	}
	for _, x := range r.Results {
		if e.c.kindOf(e.vs, x) == valOrig {
			return true
		}
	}
	return false
}

// ret handles a return statement reached on a path.
func (e *engine) ret(r *ast.ReturnStmt, st pstate) {
	info := e.c.info
	results := r.Results
	if len(results) == 0 && e.f.sig.Results().Len() > 0 {
		// A bare return of named results.
		for i := 0; i < e.f.sig.Results().Len(); i++ {
			v := e.f.sig.Results().At(i)
			if st.erased != nil && v == e.b.errVar {
				e.erase(st.erased)
				return
			}
			if e.vs.of(v) == valOrig {
				e.propagate(st)
				return
			}
		}
	}
	if st.erased != nil {
		for _, r := range results {
			if id, ok := ast.Unparen(r).(*ast.Ident); ok && info.ObjectOf(id) == e.b.errVar {
				e.erase(st.erased)
				return
			}
		}
	}
	for _, r := range results {
		if e.c.kindOf(e.vs, r) == valOrig {
			e.propagate(st)
			return
		}
	}
	if st.inspected {
		return
	}
	for _, r := range results {
		if !isErrorType(info.TypeOf(r)) {
			continue
		}
		if how, fix := e.erasing(r, st); how != "" {
			e.o.erasures = append(e.o.erasures, erasure{expr: r, how: how, fix: fix})
			return
		}
	}
	if st.nil != failing && !st.used {
		return
	}
	for _, r := range results {
		if e.mentions(r) {
			return // a value made from the fault goes back: its caller's business
		}
		if isErrorType(info.TypeOf(r)) && !e.c.isNil(r) {
			return // some other error goes back
		}
	}
	if e.f.decl == nil && st.nil != failing {
		return
	}
	e.o.swallowed = true
	if !st.used {
		e.o.addKind("dropped")
	}
}

func (e *engine) propagate(st pstate) {
	if e.f.decl == nil {
		return // out of a function literal: whoever calls it (a retry helper...) has it
	}
	if st.inspected {
		e.o.propagatedInspected = true
	} else {
		e.o.propagatedRaw = true
	}
}

func (e *engine) erase(at ast.Expr) {
	how, fix := e.erasing(at, pstate{nil: failing})
	if how == "" {
		how = "replaces"
	}
	e.o.erasures = append(e.o.erasures, erasure{expr: at, how: how, fix: fix})
}

// erasing says how an error expression returned on a failing path erases
// the login fault: "" when it does not. fix is the %v -> %w fix, if any.
func (e *engine) erasing(x ast.Expr, st pstate) (string, []analysis.SuggestedFix) {
	info := e.c.info
	x = ast.Unparen(x)
	mentions := e.mentions(x)
	if e.o.coding.Text && mentions {
		return "", nil // the text, and the code in it, survive
	}
	if !mentions && st.nil != failing {
		return "", nil
	}
	switch x := x.(type) {
	case *ast.CallExpr:
		fn := callee(info, x)
		if fn == nil || fn.Pkg() == nil {
			return "", nil
		}
		switch {
		case fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf":
			for _, verb := range []rune{'v', 's', 'q'} {
				for _, a := range e.c.verbArgs(x, verb) {
					if e.c.kindOf(e.vs, a) != valNone {
						return fmt.Sprintf("fmt.Errorf with %%%c flattens", verb), e.wrapFix(x, a)
					}
				}
			}
			return "fmt.Errorf replaces", nil
		case fn.Pkg().Path() == "errors" && fn.Name() == "New":
			if mentions {
				return "errors.New keeps only the text of", nil
			}
			return "errors.New replaces", nil
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := info.ObjectOf(identOf(x))
		v, ok := obj.(*types.Var)
		if !ok || v.Pkg() == nil {
			return "", nil
		}
		if v.Parent() == v.Pkg().Scope() && isErrorType(v.Type()) {
			return "returning " + v.Name() + " replaces", nil
		}
	}
	return "", nil
}

// wrapFix returns the fix turning the verb that formats arg into %w, when
// arg is the error itself and the format is a plain literal.
func (e *engine) wrapFix(call *ast.CallExpr, arg ast.Expr) []analysis.SuggestedFix {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok || e.vs.of(e.c.identVar(id)) != valOrig {
		return nil
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	value, _ := constString(e.c.info, lit)
	want, _, ok := printfVerbs(value)
	if !ok {
		return nil
	}
	got, offsets, ok := printfVerbs(lit.Value)
	if !ok || len(got) != len(want) {
		return nil
	}
	for i := range got {
		if got[i] != want[i] {
			return nil
		}
	}
	for i, a := range call.Args[1:] {
		if a == arg && i < len(offsets) {
			pos := lit.Pos() + token.Pos(offsets[i])
			return []analysis.SuggestedFix{{
				Message:   "Wrap the login error with %w",
				TextEdits: []analysis.TextEdit{{Pos: pos, End: pos + 1, NewText: []byte("w")}},
			}}
		}
	}
	return nil
}

func (c *checker) identVar(id *ast.Ident) *types.Var {
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return v
}

func identOf(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// kill handles an assignment that overwrites the error variable; it
// reports whether the path ends there.
func (e *engine) kill(n ast.Node, st *pstate) bool {
	if e.b.errVar == nil {
		return false
	}
	var lhs, rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		lhs, rhs = n.Lhs, n.Rhs
	default:
		return false
	}
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok || e.c.info.ObjectOf(id) != e.b.errVar {
			continue
		}
		var r ast.Expr
		if len(lhs) == len(rhs) {
			r = rhs[i]
		} else if len(rhs) == 1 {
			r = rhs[0]
		}
		if r != nil && e.c.kindOf(e.vs, r) == valOrig {
			return false // err = fmt.Errorf("...: %w", err)
		}
		if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
			if rc := e.c.res.Lookup(call); rc != nil && rc.Kind == sfapi.Login {
				return true // another login attempt: checked on its own
			}
		}
		if st.inspected {
			return true
		}
		if r != nil && st.nil == failing {
			if how, _ := e.erasing(r, *st); how != "" {
				st.erased = r
				return false
			}
		}
		if st.nil == failing || st.used {
			e.o.swallowed = true
			if !st.used {
				e.o.addKind("dropped")
			}
		}
		return true
	}
	return false
}

// assigns reports whether n assigns to v.
func assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
			return true
		}
	}
	return false
}

// branch derives the state of the successor taken when cond is truth.
// ok is false when that successor cannot be reached with the error set
// (the login succeeded: nothing to check) or with the session known nil.
func (e *engine) branch(cond ast.Expr, truth bool, st pstate, b *cfg.Block) (pstate, bool) {
	if cond == nil {
		return st, true
	}
	if !st.inspected && e.inspectsWhen(cond, truth) {
		st.inspected = true
	}
	onTrue, onFalse := e.nilTest(cond, e.isSubject)
	got := onFalse
	if truth {
		got = onTrue
	}
	switch got {
	case succeeding:
		return st, false
	case failing:
		if st.nil != failing {
			st.nil = failing
			st.join = e.joinBlock(b, !truth)
		}
	}
	if st.nil == failing && e.call.Session >= 0 && e.b.sessVar != nil && !st.sessGone {
		// On a failed login the session result is nil: a branch that needs
		// it non-nil is not taken.
		sTrue, sFalse := e.nilTest(cond, func(x ast.Expr) bool {
			id, ok := ast.Unparen(x).(*ast.Ident)
			return ok && e.c.info.ObjectOf(id) == e.b.sessVar
		})
		sGot := sFalse
		if truth {
			sGot = sTrue
		}
		if sGot == failing { // "session != nil"
			return st, false
		}
	}
	return st, true
}

// typeCaseNilness says what entering block b, the body of a clause of a type
// switch on a subject, implies about the subject: "case nil:" means nil,
// the other clauses (but default) mean non-nil.
func (c *checker) typeCaseNilness(b *cfg.Block, subject func(ast.Expr) bool) nilness {
	cc, ok := b.Stmt.(*ast.CaseClause)
	if !ok {
		return unknown
	}
	body, _ := c.parents[cc].(*ast.BlockStmt)
	ts, ok := c.parents[body].(*ast.TypeSwitchStmt)
	if !ok || body == nil {
		return unknown
	}
	switch b.Kind {
	case cfg.KindSwitchCaseBody:
	case cfg.KindSwitchNextCase:
		// go/cfg puts the default clause's statements in the "next case"
		// block of the last clause; the type tests themselves are empty
		// two-way blocks.
		if len(b.Nodes) == 0 && len(b.Succs) == 2 {
			return unknown
		}
		cc = nil
		for _, s := range body.List {
			if d, ok := s.(*ast.CaseClause); ok && d.List == nil {
				cc = d
			}
		}
		if cc == nil {
			return unknown
		}
	default:
		return unknown
	}
	var x ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		if len(a.Rhs) == 1 {
			x = a.Rhs[0]
		}
	case *ast.ExprStmt:
		x = a.X
	}
	ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr)
	if !ok || !subject(ta.X) {
		return unknown
	}
	if cc.List == nil { // default: non-nil when another clause takes nil
		for _, s := range body.List {
			if other, ok := s.(*ast.CaseClause); ok {
				for _, t := range other.List {
					if c.isNil(t) {
						return failing
					}
				}
			}
		}
		return unknown
	}
	if len(cc.List) == 1 && c.isNil(cc.List[0]) {
		return succeeding
	}
	for _, t := range cc.List {
		if c.isNil(t) {
			return unknown
		}
	}
	return failing
}

// isSubject reports whether x is the login error: a variable holding it, or
// the login call itself.
func (e *engine) isSubject(x ast.Expr) bool {
	x = ast.Unparen(x)
	if x == e.call.Expr {
		return true
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := e.c.info.ObjectOf(id).(*types.Var)
	return v != nil && e.vs.of(v) == valOrig
}

// nilTest says what cond being true and false implies about the nilness of
// a subject: failing means "non-nil".
func (e *engine) nilTest(cond ast.Expr, subject func(ast.Expr) bool) (onTrue, onFalse nilness) {
	switch x := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.NEQ, token.EQL:
			var other ast.Expr
			switch {
			case subject(x.X):
				other = x.Y
			case subject(x.Y):
				other = x.X
			default:
				return unknown, unknown
			}
			if !e.c.isNil(other) {
				return unknown, unknown
			}
			if x.Op == token.NEQ {
				return failing, succeeding
			}
			return succeeding, failing
		case token.LAND:
			at, _ := e.nilTest(x.X, subject)
			bt, _ := e.nilTest(x.Y, subject)
			return either(at, bt), unknown
		case token.LOR:
			_, af := e.nilTest(x.X, subject)
			_, bf := e.nilTest(x.Y, subject)
			return unknown, either(af, bf)
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			t, f := e.nilTest(x.X, subject)
			return f, t
		}
	default:
		// case nil: of a switch on the error
		if sw := e.caseOf[cond]; sw != nil && subject(sw.Tag) && e.c.isNil(cond) {
			return succeeding, failing
		}
	}
	return unknown, unknown
}

func either(a, b nilness) nilness {
	if a != unknown {
		return a
	}
	return b
}

// joinBlock returns the index of the block where the statement branching at
// b resumes (the if's or switch's "done" block), when the successful branch
// reaches it: a failing path entering it has rejoined the successful one.
func (e *engine) joinBlock(b *cfg.Block, successIdx bool) int32 {
	var stmt ast.Stmt
	for _, s := range b.Succs {
		switch s.Kind {
		case cfg.KindIfThen, cfg.KindIfElse, cfg.KindIfDone:
			stmt = s.Stmt
		case cfg.KindSwitchCaseBody, cfg.KindSwitchNextCase:
			if cc, ok := s.Stmt.(*ast.CaseClause); ok {
				if body, ok := e.c.parents[cc].(*ast.BlockStmt); ok {
					if sw, ok := e.c.parents[body].(*ast.SwitchStmt); ok {
						stmt = sw
					}
				}
			}
		}
		if stmt != nil {
			break
		}
	}
	if stmt == nil {
		return -1
	}
	var done *cfg.Block
	for _, blk := range e.c.graph(e.f).Blocks {
		if (blk.Kind == cfg.KindIfDone || blk.Kind == cfg.KindSwitchDone) && blk.Stmt == stmt {
			done = blk
			break
		}
	}
	if done == nil {
		return -1
	}
	i := 1
	if successIdx {
		i = 0
	}
	if i >= len(b.Succs) {
		return -1
	}
	// Does the successful branch reach done?
	seen := map[*cfg.Block]bool{b: true}
	work := []*cfg.Block{b.Succs[i]}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == done {
			return done.Index
		}
		if seen[x] || x == e.start {
			continue
		}
		seen[x] = true
		work = append(work, x.Succs...)
	}
	return -1
}

// inspectsWhen reports whether evaluating the condition x to truth
// certainly inspected the fault: the operands of && and || that may not
// have been evaluated do not count.
func (e *engine) inspectsWhen(x ast.Expr, truth bool) bool {
	switch b := ast.Unparen(x).(type) {
	case *ast.BinaryExpr:
		switch b.Op {
		case token.LAND:
			if truth {
				return e.inspectsWhen(b.X, true) || e.inspectsWhen(b.Y, true)
			}
			return e.inspectsWhen(b.X, false) && (e.inspectsWhen(b.X, true) || e.inspectsWhen(b.Y, false))
		case token.LOR:
			if truth {
				return e.inspectsWhen(b.X, true) && (e.inspectsWhen(b.X, false) || e.inspectsWhen(b.Y, true))
			}
			return e.inspectsWhen(b.X, false) || e.inspectsWhen(b.Y, false)
		}
	case *ast.UnaryExpr:
		if b.Op == token.NOT {
			return e.inspectsWhen(b.X, !truth)
		}
	}
	return e.inspects(x)
}

// inspects reports whether n inspects the login fault: a test of the fault
// code (or a classifier call) on a value derived from the error, a type
// switch on the error that names a fault type, or errors.As into a fault
// whose code the function reads.
func (e *engine) inspects(n ast.Node) bool {
	if s, ok := n.(ast.Stmt); ok && e.faultSwitches[s] {
		return true
	}
	if !e.mentions(n) {
		return false
	}
	if e.c.res.Inspects(n) {
		e.wrongVocabText(n)
		return true
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if call, ok := m.(*ast.CallExpr); ok && isFunc(e.c.info, call, "errors", "As") && len(call.Args) == 2 {
			if u, ok := ast.Unparen(call.Args[1]).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && e.codeRead[e.c.identVar(id)] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// mentions reports whether n mentions a variable derived from the error
// (or is the login call's own nil test).
func (e *engine) mentions(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		if id, ok := m.(*ast.Ident); ok {
			if v, ok := e.c.info.ObjectOf(id).(*types.Var); ok && e.vs.of(v) != valNone {
				found = true
			}
		}
		return true
	})
	return found
}

// usesSession reports whether n uses the session variable (other than
// comparing it with nil, reassigning it or logging it out).
func (e *engine) usesSession(n ast.Node) bool {
	if _, ok := n.(*ast.DeferStmt); ok {
		return false
	}
	v := e.b.sessVar
	var logouts map[*ast.Ident]bool
	ast.Inspect(n, func(m ast.Node) bool {
		if call, ok := m.(*ast.CallExpr); ok {
			if rc := e.c.res.Lookup(call); rc != nil && rc.Kind == sfapi.Logout && rc.Recv != nil {
				if id, ok := ast.Unparen(rc.Recv).(*ast.Ident); ok {
					if logouts == nil {
						logouts = map[*ast.Ident]bool{}
					}
					logouts[id] = true
				}
			}
		}
		return true
	})
	used := false
	e.c.ancestors(n, func(m ast.Node, anc []ast.Node) bool {
		if used {
			return false
		}
		id, ok := m.(*ast.Ident)
		if !ok || e.c.info.ObjectOf(id) != v || logouts[id] {
			return true
		}
		// The parent of n itself (a statement, or a condition's if, for or
		// && operator) is none of these.
		switch p := parentIn(anc).(type) {
		case *ast.BinaryExpr:
			if (p.Op == token.EQL || p.Op == token.NEQ) && (e.c.isNil(p.X) || e.c.isNil(p.Y)) {
				return true
			}
		case *ast.AssignStmt:
			for _, l := range p.Lhs {
				if l == id {
					return true
				}
			}
		}
		used = true
		return true
	})
	return used
}

// Use kinds, from weakest to strongest.
const (
	useNone    = iota
	useSwallow // logged, printed, written to an HTTP response
	useEscape  // handed to code this analyzer does not see: handled there
)

// useOf classifies what n does with the values derived from the error.
func (e *engine) useOf(n ast.Node) (int, string) {
	kind, detail := useNone, ""
	e.c.ancestors(n, func(m ast.Node, anc []ast.Node) bool {
		if kind == useEscape {
			return false
		}
		if lit, ok := m.(*ast.FuncLit); ok {
			if e.mentions(lit) {
				kind = useEscape // captured by a closure
			}
			return false
		}
		id, ok := m.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := e.c.info.ObjectOf(id).(*types.Var)
		if !ok || e.vs.of(v) == valNone {
			return true
		}
		k, d := e.contextOf(id, anc)
		if k > kind {
			kind, detail = k, d
		} else if k == useSwallow && kind == useSwallow && detail == "" {
			detail = d
		}
		return true
	})
	return kind, detail
}

// contextOf classifies the use of a tracked variable by the expressions
// around it, up to the CFG node root: anc are the ancestors of id from the
// root (empty when id is the root). A CFG node's own parent is a statement
// or a condition's && or || operator: it is looked at as nil.
func (e *engine) contextOf(id *ast.Ident, anc []ast.Node) (int, string) {
	info := e.c.info
	var child ast.Node = id
	// parent returns the i-th ancestor of id counting from its parent (0).
	parent := func(i int) ast.Node {
		if j := len(anc) - 1 - i; j >= 0 {
			return anc[j]
		}
		return nil
	}
	for up := 0; len(anc) > 0 && child != anc[0]; up++ {
		p := parent(up)
		if p == nil {
			return useEscape, ""
		}
		switch p := p.(type) {
		case *ast.ParenExpr, *ast.StarExpr, *ast.CompositeLit, *ast.KeyValueExpr:
		case *ast.SelectorExpr:
			if p.X != child {
				return useNone, ""
			}
			if call, ok := parent(up + 1).(*ast.CallExpr); ok && call.Fun == p {
				if p.Sel.Name != "Error" && p.Sel.Name != "Unwrap" {
					return useNone, "" // err.Temporary(), f.Is(...): a read
				}
				child = call
				up++
				continue
			}
		case *ast.CallExpr:
			if p.Fun == child {
				return useNone, ""
			}
			if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
				break // a conversion
			}
			if b, ok := builtinOf(info, p); ok {
				switch b {
				case "panic":
					return useSwallow, "passed to panic"
				case "len", "cap", "print", "println":
					return useNone, ""
				}
				return useEscape, "" // append...
			}
			fn := callee(info, p)
			if fn == nil {
				return useEscape, ""
			}
			if k := logKind(info, fn, p); k != "" {
				return useSwallow, k
			}
			if derives(fn) {
				break // fmt.Sprintf, errors.New, strings.*: a value made from it
			}
			if fn.Pkg() != nil && fn.Pkg().Path() == "errors" {
				return useNone, "" // errors.Is, errors.As, errors.Unwrap
			}
			if e.c.res.IsClassifier(fn) || e.c.res.Model.IsClassifier(fn) {
				return useNone, ""
			}
			if name := noReturn(info, p); name != "" {
				return useSwallow, "passed to " + name
			}
			return useEscape, ""
		case *ast.BinaryExpr:
			if p.Op != token.ADD {
				return useNone, ""
			}
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return useNone, ""
			}
			if call, ok := parent(up + 1).(*ast.CallExpr); ok && isFunc(info, call, "errors", "As") {
				return useNone, ""
			}
			return useEscape, ""
		case *ast.AssignStmt:
			for _, l := range p.Lhs {
				if l == child {
					return useNone, "" // overwritten: see kill
				}
			}
			for i, r := range p.Rhs {
				if r != child {
					continue
				}
				var l ast.Expr
				if len(p.Lhs) == len(p.Rhs) {
					l = p.Lhs[i]
				} else if len(p.Lhs) > 0 {
					l = p.Lhs[0]
				}
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && (id.Name == "_" || e.c.localVar(id) != nil) {
					return useNone, "" // into a local variable: tracked
				}
			}
			return useEscape, "" // stored in a field, a global, a map...
		case *ast.ValueSpec, *ast.ReturnStmt, *ast.IfStmt, *ast.SwitchStmt, *ast.CaseClause,
			*ast.TypeSwitchStmt, *ast.TypeAssertExpr, *ast.ExprStmt, *ast.IncDecStmt, *ast.RangeStmt:
			return useNone, ""
		case *ast.IndexExpr, *ast.IndexListExpr:
			return useNone, ""
		default:
			return useEscape, "" // sent on a channel, ...
		}
		child = p
	}
	return useNone, ""
}
