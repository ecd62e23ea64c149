package unhandledfault

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file follows a login's error along the paths of the flow model: is
// the fault code inspected before the error is dropped, erased or handed
// back?

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

// analyze checks one login call (memoised).
func (c *checker) analyze(l *flow.Login) *outcome {
	if o, ok := c.done[l]; ok {
		return o
	}
	c.done[l] = nil
	o := c.analyze1(l)
	c.done[l] = o
	return o
}

func (c *checker) analyze1(l *flow.Login) *outcome {
	cd, relieved, ok := c.callCoding(l.Call)
	if !ok {
		return nil
	}
	o := &outcome{coding: cd, relieved: relieved}
	lerr := l.Err
	if lerr == flow.ErrAssigned && !l.Fn.Own(l.ErrVar) {
		lerr = flow.ErrElsewhere // a closure's captured variable: the enclosing function deals with it
	}
	switch lerr {
	case flow.ErrNone:
		c.checkExpired(l)
		return o
	case flow.ErrDiscarded:
		c.reportDiscard(l.Call, cd)
		return o
	case flow.ErrElsewhere:
		return o
	case flow.ErrReturned:
		if l.Fn.Obj != nil {
			o.propagatedRaw = !relieved
			o.propagatedInspected = relieved
		}
		return o
	case flow.ErrAssigned:
		if l.ErrNeverRead() {
			c.reportDiscard(l.Call, cd)
			return o
		}
	}
	p := &path{c: c, l: l, o: o, errVar: l.ErrVar}
	if v := flow.IdentVar(c.info, l.Holder); v != nil && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
		p.sessVar = v
	}
	p.run()
	c.reportOutcome(l.Call, o)
	c.checkExpired(l)
	return o
}

// The bits of flow.State.Bits a path of this analyzer keeps.
const (
	inspected   uint64 = 1 << iota // the fault code was inspected on the path
	used                           // the error was logged, printed or written somewhere
	joined                         // the failing path has rejoined the successful one
	sessGone                       // the session variable was reassigned
	joinSet                        // the join block is known
	erasedShift = 8                // 8 bits: 1 + index of the erasing expression
	joinShift   = 32               // 32 bits: 1 + index of the join block
)

// path is the search of one login's failing paths.
type path struct {
	c       *checker
	l       *flow.Login
	o       *outcome
	errVar  *types.Var
	sessVar *types.Var
	erased  []erasure // see erasedShift
}

func (p *path) run() {
	init := uint64(0)
	if p.o.relieved {
		init = inspected
	}
	steps := 0
	p.l.Search(flow.Query{
		Skip: []flow.Outcome{flow.Succeeded},
		Init: func(st *flow.State) { st.Bits = init },
		Node: func(n ast.Node, st *flow.State) flow.Step {
			if steps++; steps > 20000 {
				return flow.Found // give up on huge functions: stay silent
			}
			return p.visit(n, st)
		},
		Enter: p.enter,
	})
}

// enter handles the way into a block: the failure learned on a branch, the
// fault inspected by a condition or a case of a type switch, the failing
// path rejoining the successful one.
func (p *path) enter(from, to *cfg.Block, st *flow.State) flow.Step {
	if from != nil {
		if cond := p.l.Fn.Decision(from); cond != nil {
			truth := to == from.Succs[0]
			if st.Bits&inspected == 0 && p.l.InspectsWhen(cond, truth, *st) {
				st.Bits |= inspected
				p.c.wrongVocabText(p.l, *st, cond, p.o.coding)
			}
			if st.Out == flow.Failed && st.Bits&joinSet == 0 {
				st.Bits |= joinSet
				if j := p.joinBlock(from, !truth); j >= 0 {
					st.Bits |= uint64(j+1) << joinShift
				}
			}
		}
	}
	if j := st.Bits >> joinShift; j != 0 && int32(j-1) == to.Index {
		st.Bits |= joined
	}
	if cc, ok := to.Stmt.(*ast.CaseClause); ok && to.Kind == cfg.KindSwitchCaseBody && p.l.InspectsCase(cc, *st) {
		st.Bits |= inspected
	}
	return flow.Next
}

// visit processes one node of a path.
func (p *path) visit(n ast.Node, st *flow.State) flow.Step {
	l := p.l
	if n == l.At.Node() {
		return flow.Stop // back at the login: a new attempt, checked on its own
	}
	cond := false
	if _, ok := n.(ast.Expr); ok {
		// The condition ending a two-way block is inspected per branch (see enter).
		loc := l.Fn.Locate(n)
		cond = loc.Valid() && loc.Index == len(loc.Block.Nodes)-1 && len(loc.Block.Succs) == 2
	}
	if !cond && st.Bits&inspected == 0 && l.Inspects(n, *st) {
		st.Bits |= inspected
		p.c.wrongVocabText(l, *st, n, p.o.coding)
	}
	if p.kill(n, st) {
		return flow.Stop
	}
	if p.sessVar != nil && (l.Fn.WritesVar(n, p.sessVar) || p.reestablishes(n)) {
		st.Bits |= sessGone
	}
	if st.Out == flow.Failed && st.Bits&joined != 0 && st.Bits&sessGone == 0 &&
		l.Fn.SessionUses(n, p.sessVar)&flow.SessionRead != 0 && !p.returnsErr(n, *st) {
		if p.o.carryOn == nil {
			p.o.carryOn, p.o.sessName = n, p.sessVar.Name()
		}
		return flow.Stop
	}
	switch n := n.(type) {
	case *ast.ReturnStmt:
		p.ret(n, *st)
		return flow.Stop
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
			if name := l.Fn.Env.NoReturnName(call); name != "" {
				kind := "followed by " + name
				if l.Mentions(*st, n) {
					kind = "passed to " + name
				}
				p.end(*st, kind)
				return flow.Stop
			}
		}
	case *ast.DeferStmt:
		if l.Mentions(*st, n) {
			return flow.Stop // handled when the function returns: out of sight
		}
		return flow.Next
	}
	switch use, detail := l.UseOf(n, *st); use {
	case flow.Handed:
		return flow.Stop // handed to code that deals with it
	case flow.Sunk:
		st.Bits |= used
		if st.Bits&inspected == 0 {
			p.o.addKind(detail)
		}
	}
	return flow.Next
}

// end handles a path that leaves the function through a call that does not
// return, kind naming it.
func (p *path) end(st flow.State, kind string) {
	if st.Bits&inspected != 0 {
		return
	}
	if (strings.HasPrefix(kind, "passed to ") || st.Bits&used != 0) && p.c.endsProcess(p.l.Fn) {
		// A command (or a test) printed the whole error and ends: the user
		// is told why, and nothing retries.
		return
	}
	k := ""
	if st.Bits&joined == 0 { // after rejoining, the exit has nothing to do with the login
		k = kind
		if st.Bits&used == 0 && strings.HasPrefix(k, "followed by ") {
			k = "dropped before " + strings.TrimPrefix(k, "followed by ")
		}
	}
	if st.Out == flow.Failed || st.Bits&used != 0 || strings.HasPrefix(k, "passed to ") {
		if k == "" && st.Bits&used == 0 {
			k = "dropped"
		}
		p.o.swallowed = true
		p.o.addKind(k)
	}
}

// reestablishes reports whether n gives the session variable a session
// again (another login, a reused session id, a refresh): a fallback.
func (p *path) reestablishes(n ast.Node) bool {
	return flow.Any(n, false, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok {
			return false
		}
		rc := p.c.res.Lookup(call)
		if rc == nil || rc.Recv == nil || call == p.l.Expr {
			return false
		}
		switch rc.Kind {
		case sfapi.Login, sfapi.Reuse, sfapi.Refresh:
			return flow.IdentVar(p.c.info, rc.Recv) == p.sessVar
		}
		return false
	})
}

// returnsErr reports whether n returns the login error to the caller.
func (p *path) returnsErr(n ast.Node, st flow.State) bool {
	r, ok := n.(*ast.ReturnStmt)
	if !ok {
		return false
	}
	for _, x := range r.Results {
		if p.l.IsErr(st, x) {
			return true
		}
	}
	return false
}

// ret handles a return statement reached on a path.
func (p *path) ret(r *ast.ReturnStmt, st flow.State) {
	info := p.c.info
	l := p.l
	sig := l.Fn.Sig
	erased := p.erasedAt(st)
	results := r.Results
	if len(results) == 0 && sig != nil && sig.Results().Len() > 0 {
		// A bare return of named results.
		for i := 0; i < sig.Results().Len(); i++ {
			v := sig.Results().At(i)
			if erased != nil && v == p.errVar {
				p.o.erasures = append(p.o.erasures, *erased)
				return
			}
			if l.HoldsErr(st, v) {
				p.propagate(st)
				return
			}
		}
	}
	if erased != nil {
		for _, r := range results {
			if flow.IdentVar(info, r) == p.errVar {
				p.o.erasures = append(p.o.erasures, *erased)
				return
			}
		}
	}
	for _, r := range results {
		if l.IsErr(st, r) {
			p.propagate(st)
			return
		}
	}
	if st.Bits&inspected != 0 {
		return
	}
	for _, r := range results {
		if !flow.ImplementsError(info.TypeOf(r)) {
			continue
		}
		if how, fix := p.erasing(r, st); how != "" {
			p.o.erasures = append(p.o.erasures, erasure{expr: r, how: how, fix: fix})
			return
		}
	}
	if st.Out != flow.Failed && st.Bits&used == 0 {
		return
	}
	for _, r := range results {
		if l.Mentions(st, r) {
			return // a value made from the fault goes back: its caller's business
		}
		if flow.ImplementsError(info.TypeOf(r)) && !flow.IsNil(info, r) {
			return // some other error goes back
		}
	}
	if l.Fn.Obj == nil && st.Out != flow.Failed {
		return
	}
	p.o.swallowed = true
	if st.Bits&used == 0 {
		p.o.addKind("dropped")
	}
}

func (p *path) propagate(st flow.State) {
	if p.l.Fn.Obj == nil {
		return // out of a function literal: whoever calls it (a retry helper...) has it
	}
	if st.Bits&inspected != 0 {
		p.o.propagatedInspected = true
	} else {
		p.o.propagatedRaw = true
	}
}

// erasedAt returns the assignment that erased the fault on the path, if any.
func (p *path) erasedAt(st flow.State) *erasure {
	if i := (st.Bits >> erasedShift) & 0xff; i != 0 && int(i) <= len(p.erased) {
		return &p.erased[i-1]
	}
	return nil
}

// erasing says how an error expression returned on a failing path erases
// the login fault: "" when it does not. fix is the %v -> %w fix, if any.
func (p *path) erasing(x ast.Expr, st flow.State) (string, []analysis.SuggestedFix) {
	info := p.c.info
	l := p.l
	x = ast.Unparen(x)
	mentions := l.Mentions(st, x)
	if p.o.coding.Text && mentions {
		return "", nil // the text, and the code in it, survive
	}
	if !mentions && st.Out != flow.Failed {
		return "", nil
	}
	switch x := x.(type) {
	case *ast.CallExpr:
		fn := l.Fn.Env.Callee(x)
		if fn == nil || fn.Pkg() == nil {
			return "", nil
		}
		switch {
		case fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf":
			for _, verb := range []rune{'v', 's', 'q'} {
				for _, a := range flow.VerbArgs(info, x, verb) {
					if l.Mentions(st, a) {
						return fmt.Sprintf("fmt.Errorf with %%%c flattens", verb), p.wrapFix(x, a, st)
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
		var id *ast.Ident
		if sel, ok := x.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = x.(*ast.Ident)
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.Pkg() == nil {
			return "", nil
		}
		if v.Parent() == v.Pkg().Scope() && flow.ImplementsError(v.Type()) {
			return "returning " + v.Name() + " replaces", nil
		}
	}
	return "", nil
}

// wrapFix returns the fix turning the verb that formats arg into %w, when
// arg is the error itself and the format is a plain literal.
func (p *path) wrapFix(call *ast.CallExpr, arg ast.Expr, st flow.State) []analysis.SuggestedFix {
	v := flow.IdentVar(p.c.info, arg)
	if v == nil || !p.l.HoldsErr(st, v) && !(st.Out == flow.Failed && v == p.errVar) {
		return nil
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	value, _ := flow.ConstString(p.c.info, lit)
	want, _, ok := flow.PrintfVerbs(value)
	if !ok {
		return nil
	}
	got, offsets, ok := flow.PrintfVerbs(lit.Value)
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

// kill handles an assignment that overwrites the error variable; it
// reports whether the path ends there.
func (p *path) kill(n ast.Node, st *flow.State) bool {
	if p.errVar == nil {
		return false
	}
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, pr := range flow.Pairs(p.c.info, as.Lhs, as.Rhs) {
		if flow.IdentVar(p.c.info, pr.Lhs) != p.errVar {
			continue
		}
		r := pr.Rhs
		if r == nil {
			r = pr.Tuple
		}
		if pr.Rhs != nil && p.l.IsErr(*st, pr.Rhs) {
			return false // err = fmt.Errorf("...: %w", err)
		}
		if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
			if rc := p.c.res.Lookup(call); rc != nil && rc.Kind == sfapi.Login {
				return true // another login attempt: checked on its own
			}
		}
		if st.Bits&inspected != 0 {
			return true
		}
		if r != nil && st.Out == flow.Failed {
			if how, fix := p.erasing(r, *st); how != "" && len(p.erased) < 0xfe {
				p.erased = append(p.erased, erasure{expr: r, how: how, fix: fix})
				st.Bits = st.Bits&^(0xff<<erasedShift) | uint64(len(p.erased))<<erasedShift
				return false
			}
		}
		if st.Out == flow.Failed || st.Bits&used != 0 {
			p.o.swallowed = true
			if st.Bits&used == 0 {
				p.o.addKind("dropped")
			}
		}
		return true
	}
	return false
}

// joinBlock returns the index of the block where the statement branching at
// b resumes (the if's or switch's "done" block), when the successful branch
// reaches it: a failing path entering it has rejoined the successful one.
func (p *path) joinBlock(b *cfg.Block, successIdx bool) int32 {
	var stmt ast.Stmt
	for _, s := range b.Succs {
		switch s.Kind {
		case cfg.KindIfThen, cfg.KindIfElse, cfg.KindIfDone:
			stmt = s.Stmt
		case cfg.KindSwitchCaseBody, cfg.KindSwitchNextCase:
			if sw := p.l.Fn.SwitchOf(s); sw != nil {
				stmt = sw
			}
		}
		if stmt != nil {
			break
		}
	}
	if stmt == nil {
		return -1
	}
	done := p.l.Fn.DoneBlock(stmt)
	i := 1
	if successIdx {
		i = 0
	}
	if done == nil || i >= len(b.Succs) {
		return -1
	}
	// Does the successful branch reach done, without leaving the statement?
	inside := func(x *cfg.Block) bool {
		var pos token.Pos
		switch {
		case len(x.Nodes) > 0:
			pos = x.Nodes[0].Pos()
		case x.Stmt != nil:
			pos = x.Stmt.Pos()
		default:
			return false
		}
		return stmt.Pos() <= pos && pos < stmt.End()
	}
	seen := map[*cfg.Block]bool{b: true}
	work := []*cfg.Block{b.Succs[i]}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == done {
			return done.Index
		}
		if seen[x] || x == p.l.At.Block || !inside(x) {
			continue
		}
		seen[x] = true
		work = append(work, x.Succs...)
	}
	return -1
}
