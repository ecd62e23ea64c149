package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/sfapi"
)

// This file answers which paths lead a failed login back to itself: a
// loop, a goto, the function calling itself with the same credentials, or
// a retry helper calling the function again, with no classification of
// the failure on the way that can stop the retry.

// RetryKind is how a failed login comes back to itself.
type RetryKind uint8

// The ways back.
const (
	ViaLoop   RetryKind = iota + 1 // the same call again, around a loop or a goto
	ViaRecur                       // the enclosing function calling itself
	ViaHelper                      // a retry helper calling the function again
	ViaCaller                      // the function runs again and again (a handler): see LeavesUnclassified
)

// Retry is a way back found from a failed login.
type Retry struct {
	Kind RetryKind
	// Node is the loop or label (ViaLoop; nil when the way back is not a
	// loop of the function's own), the recursive call (ViaRecur) or the
	// return that makes the helper call again (ViaHelper).
	Node ast.Node
	// Use is the helper call (ViaHelper).
	Use *HelperUse
}

// HelperUse is a call of a retry helper (from the table, declared by flag,
// or known by a RetryFact) that runs a function of the package.
type HelperUse struct {
	Call   *ast.CallExpr
	Fn     *types.Func
	Helper *sfapi.RetryHelper
	// Classified: the call hands the helper a predicate that looks at what
	// the error is (avast/retry-go's retry.RetryIf): the helper stops on
	// the failures the predicate rejects, so it does not retry blindly.
	Classified bool
}

// The bits of State.Bits the retry search uses: the dependencies of the
// credentials (see deps) changed since the login, one bit each.

// retrySearch is the search of one login's failure paths.
type retrySearch struct {
	l        *Login
	k        *classifier
	stop     func(*types.Func) bool // the user's own stop markers (-blindretry.permanent)
	uses     []*HelperUse
	fnObj    *types.Func
	loops    map[ast.Stmt]bool
	deps     map[*types.Var]uint // variables the credentials and the client depend on -> bit
	credDeps map[*types.Var]bool
	credVars []*types.Var
	retReach []bool // blocks from which a return that makes a helper retry can be reached
	handled  map[visitKey]bool
	opMoves  bool // a retried operation changes the variables its credentials read
}

// Retried searches the paths on which the login failed for one that leads
// back to it without a classification of the failure that can stop the
// retry. stop reports the user's own functions that mark an error as final
// for a retry helper (besides backoff.Permanent and retry.Unrecoverable).
func (l *Login) Retried(stop func(*types.Func) bool) *Retry {
	if l.Call.Err == sfapi.NoResult || !l.At.Valid() {
		return nil
	}
	s := &retrySearch{l: l, stop: stop, fnObj: l.Fn.Obj, loops: map[ast.Stmt]bool{}, handled: map[visitKey]bool{}}
	for _, u := range l.Fn.Env.helpers()[l.Fn.Node] {
		if !u.Classified {
			s.uses = append(s.uses, u)
		}
	}
	for _, n := range l.Fn.Path(l.Expr) {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			s.loops[n.(ast.Stmt)] = true
		}
	}
	if len(s.loops) == 0 && len(s.uses) == 0 && !l.Fn.mayLoop() {
		return nil // no way back: no loop around the login, no goto, no recursion, no helper
	}
	if !s.seen() {
		return nil
	}
	s.k = l.classifier()
	s.computeDeps()
	if len(s.uses) > 0 {
		s.computeReach()
	}
	if len(s.uses) > 0 {
		s.opMoves = s.opChangesCreds()
	}
	return s.run()
}

// LeavesUnclassified searches the paths on which the login failed for one
// that leaves the function (returns, or falls off the end of its body)
// without a decision on what the failure is: a function that runs again
// and again (a handler, a collector) then logs in again on its next run,
// with the same credentials. It returns the node where the path leaves:
// the return statement, or the last node of the body. A classification on
// the way (a fault code read, errors.As, a predicate on the error) may
// stop the next runs, so such a path is not blind; a path that ends the
// process does not come back.
func (l *Login) LeavesUnclassified() ast.Node {
	if l.Call.Err == sfapi.NoResult || !l.At.Valid() {
		return nil
	}
	s := &retrySearch{l: l, fnObj: l.Fn.Obj, loops: map[ast.Stmt]bool{}, handled: map[visitKey]bool{}}
	if !s.seen() {
		return nil
	}
	s.k = l.classifier()
	var found ast.Node
	h, ok := l.Search(Query{
		From: Failed,
		Skip: []Outcome{Succeeded, NoAnswer},
		Node: func(n ast.Node, _ *State) Step {
			if s.k.classifies(n) {
				return Stop // handed to a classifier: writeLoginError(w, err)
			}
			if ret, ok := n.(*ast.ReturnStmt); ok {
				found = ret
				return Found
			}
			return Next
		},
		Decision: func(b *cfg.Block, _ State) Step {
			if s.classifyingDecision(b) {
				return Stop
			}
			return Next
		},
		Exit: func(*cfg.Block, State) Step { return Found },
	})
	if !ok {
		return nil
	}
	if found == nil {
		found = h.Node
	}
	return found
}

// seen reports whether the failure can be seen at all: the error (or a raw
// request's response) is assigned, or the call is tested or returned.
func (s *retrySearch) seen() bool {
	l := s.l
	if l.Raw {
		return l.HolderVar != nil && identVar(l.Fn.Env.Info, l.Holder) == l.HolderVar
	}
	switch l.Err {
	case ErrAssigned:
		return true
	case ErrTested:
		return true
	case ErrReturned:
		return len(s.uses) > 0
	}
	if e, ok := l.At.Node().(ast.Expr); ok && Contains(e, l.Expr) && l.Call.Err == 0 {
		return true // for c.Login(u, p) != nil
	}
	return false
}

// credExprs are the expressions that carry the login's credentials: the
// role arguments, or, when none is known, every argument and the receiver.
func (s *retrySearch) credExprs() []ast.Expr {
	var out []ast.Expr
	for _, ra := range s.l.Args {
		out = append(out, ra.Expr)
	}
	if len(out) > 0 || s.l.Raw {
		return out
	}
	out = append(out, s.l.Expr.Args...)
	if s.l.Recv != nil {
		out = append(out, s.l.Recv)
	}
	return out
}

// computeDeps finds the variables the credentials depend on, through the
// assignments of the function (credDeps), and those that set up the client
// logged in on too (deps, which the search follows).
func (s *retrySearch) computeDeps() {
	info := s.l.Fn.Env.Info
	for _, e := range s.credExprs() {
		for _, v := range usedVars(info, e) {
			if !slices.Contains(s.credVars, v) {
				s.credVars = append(s.credVars, v)
			}
		}
	}
	if s.l.Recv != nil {
		// The client logged in on: another client may point at another org.
		for _, v := range usedVars(info, s.l.Recv) {
			if !slices.Contains(s.credVars, v) {
				s.credVars = append(s.credVars, v)
			}
		}
	}
	s.credDeps = s.closure(s.credVars, false)
	// The arguments of methods called on a variable set it up (c.SetLoginUrl(url)).
	all := s.closure(s.credVars, true)
	var vs []*types.Var
	for v := range all {
		vs = append(vs, v)
	}
	// In source order, so that which ones get the 64 bits does not depend
	// on map iteration: the same code, the same report.
	slices.SortFunc(vs, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	s.deps = map[*types.Var]uint{}
	for _, v := range vs {
		if len(s.deps) < 64 {
			s.deps[v] = uint(len(s.deps))
		}
	}
}

// closure returns the variables the roots are computed from, through the
// assignments of the function and, with setup, the arguments of the
// methods called on them.
func (s *retrySearch) closure(roots []*types.Var, setup bool) map[*types.Var]bool {
	seen := map[*types.Var]bool{}
	queue := append([]*types.Var(nil), roots...)
	for _, v := range roots {
		seen[v] = true
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range s.l.Fn.dependsOn(v, setup) {
			if !seen[w] {
				seen[w] = true
				queue = append(queue, w)
			}
		}
	}
	return seen
}

// computeReach marks the blocks from which a return that makes a helper
// call the function again can be reached.
func (s *retrySearch) computeReach() {
	f := s.l.Fn
	s.retReach = make([]bool, len(f.CFG.Blocks))
	var queue []*cfg.Block
	for _, b := range f.CFG.Blocks {
		for _, n := range b.Nodes {
			if ret, ok := n.(*ast.ReturnStmt); ok && s.retryingReturn(ret) {
				s.retReach[b.Index] = true
				queue = append(queue, b)
				break
			}
		}
	}
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		for _, p := range f.Preds(b) {
			if !s.retReach[p.Index] {
				s.retReach[p.Index] = true
				queue = append(queue, p)
			}
		}
	}
}

func (s *retrySearch) retryingReturn(ret *ast.ReturnStmt) bool {
	for _, u := range s.uses {
		if s.retries(ret, u, nil) {
			return true
		}
	}
	return false
}

// canReach reports whether a way back can be reached from block b, which
// a failure path of the login reaches: b lies on a cycle with the login,
// or can reach a recursive call or a return that makes a helper retry.
func (s *retrySearch) canReach(b *cfg.Block) bool {
	f := s.l.Fn
	return f.SameCycle(b, s.l.At.Block) || f.ix().recReach[b.Index] || (s.retReach != nil && s.retReach[b.Index])
}

// opChangesCreds reports whether a retried operation assigns the variables
// its credentials read, declared outside it (a closure walking a list of users).
func (s *retrySearch) opChangesCreds() bool {
	info := s.l.Fn.Env.Info
	moved := false
	ast.Inspect(s.l.Fn.Body, func(n ast.Node) bool {
		var targets []ast.Expr
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
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
			if v := RootVar(info, t); v != nil {
				if _, dep := s.deps[v]; dep && !s.l.Fn.Own(v) {
					moved = true
				}
			}
		}
		return !moved
	})
	return moved
}

// run searches the failure paths.
func (s *retrySearch) run() *Retry {
	l := s.l
	first := l.At.Node()
	if r := s.startTarget(first, l.start(Failed)); r != nil {
		return r
	}
	var found *Retry
	q := Query{
		From: Failed,
		Skip: []Outcome{Succeeded, NoAnswer},
		Kill: s.kills,
		Init: func(st *State) { st.Bits = s.changedBy(first, *st, 0, true) },
		Node: func(n ast.Node, st *State) Step {
			r, end := s.target(n, *st)
			if r != nil {
				found = r
				return Found
			}
			if end {
				return Stop
			}
			st.Bits = s.changedBy(n, *st, st.Bits, false)
			return Next
		},
		Enter: func(_, to *cfg.Block, st *State) Step {
			st.Bits = s.enter(to, st.Bits)
			return Next
		},
		Decision: func(b *cfg.Block, st State) Step {
			if s.handledAt(b, st) {
				return Stop
			}
			return Next
		},
	}
	h, ok := l.Search(q)
	if !ok || found == nil {
		return nil
	}
	if found.Kind == ViaLoop {
		found.Node = s.viaLoop(h.Path)
	}
	return found
}

// viaLoop returns the first loop head or goto label on the path that
// encloses the login.
func (s *retrySearch) viaLoop(path []*cfg.Block) ast.Node {
	for _, b := range path[1:] {
		if n := s.loopOf(b); n != nil {
			return n
		}
	}
	return nil
}

// loopOf returns the loop or goto label a block heads, when it encloses the login.
func (s *retrySearch) loopOf(b *cfg.Block) ast.Node {
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
		if ls, ok := b.Stmt.(*ast.LabeledStmt); ok && ls.Pos() <= s.l.Expr.Pos() {
			return ls
		}
	}
	return nil
}

// kills reports whether assigning e clears the failure: a call that
// classifies the error or turns it into a stop (err = classify(err)).
func (s *retrySearch) kills(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := s.l.Fn.Env.Callee(call)
	env := s.l.Fn.Env
	return fn != nil && (env.IsClassifier(fn) || env.Model.IsClassifier(fn) || s.isStop(fn, nil) || s.returnsStop(fn, map[*types.Func]bool{}))
}

func (s *retrySearch) changed(bits uint64, v *types.Var) bool {
	bit, ok := s.deps[v]
	return ok && bits&(1<<bit) != 0
}

func (s *retrySearch) setChanged(bits uint64, v *types.Var, on bool) uint64 {
	if bit, ok := s.deps[v]; ok {
		if on {
			bits |= 1 << bit
		} else {
			bits &^= 1 << bit
		}
	}
	return bits
}

// enter: a range loop's head assigns its key and value.
func (s *retrySearch) enter(b *cfg.Block, bits uint64) uint64 {
	if b.Kind != cfg.KindRangeLoop {
		return bits
	}
	if rs, ok := b.Stmt.(*ast.RangeStmt); ok {
		for _, e := range []ast.Expr{rs.Key, rs.Value} {
			if v := RootVar(s.l.Fn.Env.Info, e); v != nil && e != nil {
				bits = s.setChanged(bits, v, true)
			}
		}
	}
	return bits
}

// changedBy updates which dependencies of the credentials node n changes:
// assignments of values that may differ on another pass, &x handed to a
// call (fmt.Scan(&password)), a pointer method reporting a bool (it.Next()),
// a setter given a changed value (x.SetLoginUrl(env)).
func (s *retrySearch) changedBy(n ast.Node, st State, bits uint64, first bool) uint64 {
	info := s.l.Fn.Env.Info
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE { // x += y
			for _, lhs := range n.Lhs {
				if v := RootVar(info, lhs); v != nil {
					bits = s.setChanged(bits, v, true)
				}
			}
			break
		}
		before := bits
		for _, p := range Pairs(info, n.Lhs, n.Rhs) {
			r := p.Rhs
			if r == nil {
				r = p.Tuple
			}
			v := RootVar(info, p.Lhs)
			if v == nil || r == nil {
				continue
			}
			if _, dep := s.deps[v]; !dep {
				continue
			}
			variant := s.variant(r, before)
			if _, isIdent := ast.Unparen(p.Lhs).(*ast.Ident); isIdent || variant {
				bits = s.setChanged(bits, v, variant)
			}
		}
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		before := bits
		for _, p := range Pairs(info, lhs, n.Values) {
			v := identVar(info, p.Lhs)
			r := p.Rhs
			if r == nil {
				r = p.Tuple
			}
			if v == nil {
				continue
			}
			bits = s.setChanged(bits, v, r != nil && s.variant(r, before))
		}
	case *ast.IncDecStmt:
		if v := RootVar(info, n.X); v != nil {
			bits = s.setChanged(bits, v, true)
		}
	case *ast.Ident: // a select case's `x := <-ch`
		if v, ok := info.Defs[n].(*types.Var); ok {
			bits = s.setChanged(bits, v, true)
		}
	}
	ast.Inspect(n, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if _, lit := m.(*ast.FuncLit); lit {
			return false
		}
		if !ok || call == s.l.Expr {
			return true
		}
		if v := s.pointerMethodRecv(call); v != nil {
			bits = s.setChanged(bits, v, true)
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if v := RootVar(info, sel.X); v != nil {
				for _, arg := range call.Args {
					if s.mentionsChanged(arg, bits) {
						bits = s.setChanged(bits, v, true)
					}
				}
			}
		}
		for _, arg := range call.Args {
			if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if v := RootVar(info, u.X); v != nil {
					bits = s.setChanged(bits, v, true)
				}
			}
		}
		return true
	})
	return bits
}

// mentionsChanged reports whether e reads a variable changed since the login.
func (s *retrySearch) mentionsChanged(e ast.Expr, bits uint64) bool {
	for _, v := range usedVars(s.l.Fn.Env.Info, e) {
		if s.changed(bits, v) {
			return true
		}
	}
	return false
}

// pointerMethodRecv returns x for a call x.m() of a pointer-receiver method
// on a variable x that reports a bool: an iterator moving on (it.Next(),
// scanner.Scan()).
func (s *retrySearch) pointerMethodRecv(call *ast.CallExpr) *types.Var {
	info := s.l.Fn.Env.Info
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v := identVar(info, sel.X)
	selection, ok := info.Selections[sel]
	if v == nil || !ok || selection.Kind() != types.MethodVal {
		return nil
	}
	sig, _ := selection.Obj().Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	if _, ptr := sig.Recv().Type().(*types.Pointer); !ptr || sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) {
		return nil
	}
	return v
}

// variant reports whether e may have a different value on another pass:
// it reads a changed variable, receives from a channel, or calls something
// other than a pure constructor.
func (s *retrySearch) variant(e ast.Expr, bits uint64) bool {
	info := s.l.Fn.Env.Info
	v := false
	ast.Inspect(e, func(n ast.Node) bool {
		if v {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if w, ok := info.ObjectOf(n).(*types.Var); ok && s.changed(bits, w) {
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

func (s *retrySearch) pureCall(call *ast.CallExpr) bool {
	env := s.l.Fn.Env
	if tv, ok := env.Info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := env.Info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "len", "cap", "min", "max", "string":
				return true
			}
			return false
		}
	}
	fn := env.Callee(call)
	if fn == nil || fn.Pkg() == nil {
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
	return fn.Name() == "NewClient" && env.Model.Relevant(fn.Pkg().Path())
}

// startTarget checks the login's own node: `return c.Login(u, p)` in an
// operation retries the failure at once.
func (s *retrySearch) startTarget(n ast.Node, st State) *Retry {
	ret, ok := n.(*ast.ReturnStmt)
	if !ok || s.opMoves {
		return nil
	}
	for _, u := range s.uses {
		if s.retries(ret, u, &st) {
			return &Retry{Kind: ViaHelper, Node: ret, Use: u}
		}
	}
	return nil
}

// target checks whether a node is a retry of the failed login; end reports
// that the path stops there without one.
func (s *retrySearch) target(n ast.Node, st State) (r *Retry, end bool) {
	if n == s.l.At.Node() {
		for _, v := range s.credVars {
			if s.changed(st.Bits, v) {
				return nil, true // the next attempt uses other credentials
			}
		}
		return &Retry{Kind: ViaLoop}, false
	}
	if loc := s.l.Fn.at[n]; s.fnObj != nil && loc.Block != nil && s.l.Fn.ix().recursive[loc.Block.Index] {
		if call := s.recursiveCall(n); call != nil && s.sameArgs(call, st.Bits) {
			return &Retry{Kind: ViaRecur, Node: call}, false
		}
	}
	if ret, ok := n.(*ast.ReturnStmt); ok && !s.opMoves {
		for _, u := range s.uses {
			if s.retries(ret, u, &st) {
				return &Retry{Kind: ViaHelper, Node: ret, Use: u}, false
			}
		}
	}
	return nil, false
}

// recursiveCall returns a call of the enclosing function in n.
func (s *retrySearch) recursiveCall(n ast.Node) *ast.CallExpr {
	var found *ast.CallExpr
	ast.Inspect(n, func(m ast.Node) bool {
		if found != nil {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if fn := s.l.Fn.Env.Callee(m); fn != nil && fn.Origin() == s.fnObj.Origin() {
				found = m
			}
		}
		return found == nil
	})
	return found
}

// sameArgs reports whether a recursive call passes the credential
// parameters (and receiver) on unchanged.
func (s *retrySearch) sameArgs(call *ast.CallExpr, bits uint64) bool {
	info := s.l.Fn.Env.Info
	sig := s.l.Fn.Sig
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !s.credDeps[p] {
			continue
		}
		if i >= len(call.Args) || sig.Variadic() && i == sig.Params().Len()-1 {
			return false
		}
		if identVar(info, call.Args[i]) != p || s.changed(bits, p) {
			return false
		}
	}
	if recv := sig.Recv(); recv != nil && s.credDeps[recv] {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || identVar(info, sel.X) != recv || s.changed(bits, recv) {
			return false
		}
	}
	return true
}

// retries reports whether a return statement of an operation makes the
// helper call it again. st is nil for the stateless test: any tracked
// variable may then hold the failure.
func (s *retrySearch) retries(ret *ast.ReturnStmt, u *HelperUse, st *State) bool {
	info := s.l.Fn.Env.Info
	sig := s.l.Fn.Sig
	if sig == nil || sig.Results().Len() == 0 {
		return false
	}
	nres := sig.Results().Len()
	results := ret.Results
	h := u.Helper
	if len(results) == 0 { // bare return with named results
		errV := sig.Results().At(nres - 1)
		if errV.Name() == "" || h.ErrorStops || h.OnlyWrapped != "" {
			return false
		}
		return s.live(errV, st)
	}
	if len(results) != nres {
		// return f() with f returning the operation's results
		return len(results) == 1 && ast.Unparen(results[0]) == s.l.Expr && !h.ErrorStops && h.OnlyWrapped == ""
	}
	errExpr := ast.Unparen(results[nres-1])
	switch {
	case h.OnlyWrapped != "":
		call, ok := errExpr.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := s.l.Fn.Env.Callee(call)
		return fn != nil && fn.Name() == h.OnlyWrapped && fn.Pkg() != nil && sfapi.MatchPath(fn.Pkg().Path(), h.Pkg)
	case h.ErrorStops:
		if nres != 2 || !isNil(info, errExpr) {
			return false
		}
		tv := info.Types[ast.Unparen(results[0])]
		done := tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
		return !done
	}
	return s.retryingErr(errExpr, u, st)
}

// live reports whether v holds the failure on the path (any tracked
// variable when st is nil).
func (s *retrySearch) live(v *types.Var, st *State) bool {
	if st == nil {
		return s.l.bit(v) != 0
	}
	return s.l.Holds(*st, v)
}

// retryingErr reports whether an operation returning e is called again: e
// is the failure or another non-nil error not marked final.
func (s *retrySearch) retryingErr(e ast.Expr, u *HelperUse, st *State) bool {
	info := s.l.Fn.Env.Info
	e = ast.Unparen(e)
	if e == s.l.Expr {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, _ := info.ObjectOf(x).(*types.Var)
		return v != nil && s.live(v, st)
	case *ast.UnaryExpr:
		return x.Op == token.AND
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return s.retryingErr(x.Args[0], u, st)
		}
		fn := s.l.Fn.Env.Callee(x)
		if fn == nil {
			return false
		}
		env := s.l.Fn.Env
		if s.isStop(fn, u) || env.IsClassifier(fn) || env.Model.IsClassifier(fn) || s.returnsStop(fn, map[*types.Func]bool{}) {
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
			if v := identVar(info, arg); v != nil && s.live(v, st) && implementsError(v.Type()) {
				return true
			}
			if ast.Unparen(arg) == s.l.Expr {
				return true
			}
		}
	}
	return false
}

// isStop reports whether fn marks an error as final: the helper's own stop
// function, any built-in helper's (backoff.Permanent, retry.Unrecoverable),
// or one the user declared.
func (s *retrySearch) isStop(fn *types.Func, u *HelperUse) bool {
	if fn.Pkg() == nil {
		return false
	}
	if s.stop != nil && s.stop(fn) {
		return true
	}
	pkg, recv, name := sfapi.FuncKey(fn)
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
	if u != nil && u.Helper != nil {
		for _, st := range u.Helper.Stop {
			if name == st && sfapi.MatchPath(pkg, u.Helper.Pkg) {
				return true
			}
		}
	}
	return false
}

// returnsStop reports whether a function of this package returns a stop
// marker (func permanent(err error) error { ... return backoff.Permanent(err) }).
func (s *retrySearch) returnsStop(fn *types.Func, seen map[*types.Func]bool) bool {
	fn = fn.Origin()
	fd := s.l.Fn.Env.Decl(fn)
	if fd == nil || seen[fn] {
		return false
	}
	seen[fn] = true
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			for _, r := range ret.Results {
				if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
					if g := s.l.Fn.Env.Callee(call); g != nil && (s.isStop(g, nil) || s.returnsStop(g, seen)) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// ---------------------------------------------------------------------------
// Classifying decisions

// switchOf returns the switch a case decision block belongs to.
func (s *retrySearch) switchOf(b *cfg.Block) ast.Stmt {
	if len(b.Succs) != 2 || b.Succs[0].Kind != cfg.KindSwitchCaseBody {
		return nil
	}
	cc, ok := b.Succs[0].Stmt.(*ast.CaseClause)
	if !ok {
		return nil
	}
	return s.l.Fn.ix().switches[cc]
}

// classifyingDecision reports whether a block ends in a decision on what
// the failure is.
func (s *retrySearch) classifyingDecision(b *cfg.Block) bool {
	if sw := s.switchOf(b); sw != nil {
		return s.k.switchClassifies(sw)
	}
	cond := s.l.Fn.Decision(b)
	return cond != nil && s.k.classifies(cond)
}

// handledAt reports whether a decision block classifies the failure and
// one of its outcomes leaves the retry: the path through it is not blind.
func (s *retrySearch) handledAt(b *cfg.Block, st State) bool {
	key := visitKey{b.Index, st, false}
	if v, ok := s.handled[key]; ok {
		return v
	}
	s.handled[key] = false // a cycle through this decision does not make it effective
	v := false
	if sw := s.switchOf(b); sw != nil {
		if s.k.switchClassifies(sw) {
			var starts []*cfg.Block
			for _, d := range s.l.Fn.CFG.Blocks {
				if s.switchOf(d) == sw {
					starts = append(starts, d.Succs...)
				}
			}
			v = s.leaves(starts, st)
		}
	} else if s.classifyingDecision(b) {
		v = s.leaves(b.Succs, st)
	}
	s.handled[key] = v
	return v
}

// leaves reports whether, from one of the blocks, every way on leaves the
// retry once the decisions on what the failure is are taken the right way:
// the path returns, stops the helper, moves on to other credentials or
// never comes back to the login. A decision on the failure may go either
// way; a decision on anything else (an attempt counter) must leave on both
// of its outcomes, or on the one the path knows is taken. This is the
// greatest fixpoint over the (block, state) graph explored from the blocks.
func (s *retrySearch) leaves(starts []*cfg.Block, st State) bool {
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
	l := s.l
	var nodes []gnode
	index := map[visitKey]int{}
	type item struct {
		b  *cfg.Block
		st State
	}
	var queue []item
	visit := func(b *cfg.Block, st State) int {
		st = l.enter(b, st)
		st.Bits = s.enter(b, st.Bits)
		key := visitKey{b.Index, st, false}
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
		g := gnode{}
		if !s.canReach(b) {
			nodes[i] = gnode{kind: leafTrue}
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
			st.Bits = s.changedBy(n, st, st.Bits, false)
			st = l.step(n, st, s.kills)
		}
		if leaf >= 0 {
			nodes[i] = gnode{kind: leaf}
			continue
		}
		kind := allLeave
		if len(b.Succs) == 0 {
			nodes[i] = gnode{kind: leafTrue}
			continue
		}
		if len(b.Succs) == 2 && s.classifyingDecision(b) {
			kind = oneLeaves
		}
		var idx []int
		for j, succ := range b.Succs {
			nst, ok := l.branch(b, j, st)
			if !ok || nst.Out == Succeeded || nst.Out == NoAnswer {
				continue
			}
			idx = append(idx, visit(succ, nst))
		}
		g.kind, g.succs = kind, idx
		if len(idx) == 0 {
			g.kind = leafTrue
		}
		nodes[i] = g
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

// ---------------------------------------------------------------------------
// The retry helpers of the package

// helpers returns, for each function literal or declaration of the
// package, the retry-helper calls that run it (built once).
func (e *Env) helpers() map[ast.Node][]*HelperUse {
	e.helperOnce.Do(e.indexHelpers)
	return e.helperUses
}

func (e *Env) indexHelpers() {
	e.helperUses = map[ast.Node][]*HelperUse{}
	assigns := map[*types.Var][]ast.Expr{}
	var uses []*HelperUse
	for _, f := range e.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, p := range Pairs(e.Info, n.Lhs, n.Rhs) {
					if v := identVar(e.Info, p.Lhs); v != nil {
						assigns[v] = append(assigns[v], p.Rhs)
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if v, _ := e.Info.Defs[id].(*types.Var); v != nil {
						var rhs ast.Expr
						if len(n.Values) == len(n.Names) {
							rhs = n.Values[i]
						}
						assigns[v] = append(assigns[v], rhs)
					}
				}
			case *ast.CallExpr:
				if u := e.helperCall(n); u != nil {
					uses = append(uses, u)
				}
			}
			return true
		})
	}
	for _, u := range uses {
		if op := e.resolveOp(e.opArg(u), assigns, 0); op != nil {
			u.Classified = e.classifyingOption(u, assigns)
			e.helperUses[op] = append(e.helperUses[op], u)
		}
	}
}

// classifyingOption reports whether a retry-helper call is given an option
// that decides on what the error is: retry.RetryIf(pred) where pred looks
// at the error (its fault code, its type, a sentinel, its text, a
// classifier).
func (e *Env) classifyingOption(u *HelperUse, assigns map[*types.Var][]ast.Expr) bool {
	for _, a := range u.Call.Args {
		opt, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok || len(opt.Args) != 1 {
			continue
		}
		fn := e.Callee(opt)
		if fn == nil || fn.Name() != "RetryIf" || fn.Pkg() == nil || !sfapi.MatchPath(fn.Pkg().Path(), "avast/retry-go") {
			continue
		}
		if e.predicateClassifies(e.resolveOp(opt.Args[0], assigns, 0)) {
			return true
		}
	}
	return false
}

// predicateClassifies reports whether a predicate on an error (a function
// literal or declaration taking it) looks at what the error is.
func (e *Env) predicateClassifies(fn ast.Node) bool {
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncLit:
		ftype, body = fn.Type, fn.Body
	case *ast.FuncDecl:
		ftype, body = fn.Type, fn.Body
	default:
		return false
	}
	if ftype.Params == nil || len(ftype.Params.List) != 1 || len(ftype.Params.List[0].Names) != 1 || body == nil {
		return false
	}
	p, _ := e.Info.Defs[ftype.Params.List[0].Names[0]].(*types.Var)
	if p == nil {
		return false
	}
	k := &classifier{env: e, taint: map[*types.Var]bool{p: true}, classes: map[*types.Var]bool{}}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found && k.classifies(x) {
			found = true
		}
		return !found
	})
	return found
}

// helperCall returns the call as a call to a retry helper, or nil.
func (e *Env) helperCall(call *ast.CallExpr) *HelperUse {
	fn := e.Callee(call)
	if fn == nil {
		return nil
	}
	if h := e.Model.Retry(fn); h != nil {
		return &HelperUse{Call: call, Fn: fn, Helper: h}
	}
	if f := e.RetryOf(fn); f != nil {
		return &HelperUse{Call: call, Fn: fn, Helper: &sfapi.RetryHelper{Name: fn.Name(), Op: f.Op}}
	}
	return nil
}

// opArg returns the operation argument of a retry-helper call: the row's
// index (after a leading context.Context), or else the first argument of
// function type.
func (e *Env) opArg(u *HelperUse) ast.Expr {
	sig, _ := u.Fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	i := u.Helper.Op
	if u.Helper.Pkg != "" && sfapi.HasLeadingContext(sig) {
		i++
	}
	if i < len(u.Call.Args) && e.isFunc(u.Call.Args[i]) {
		return u.Call.Args[i]
	}
	for _, arg := range u.Call.Args {
		if e.isFunc(arg) {
			return arg
		}
	}
	return nil
}

func (e *Env) isFunc(x ast.Expr) bool {
	t := e.Info.TypeOf(x)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// resolveOp finds the function an operation expression denotes: a function
// literal (possibly converted, or held by a variable assigned once), or a
// function or method declared in this package.
func (e *Env) resolveOp(x ast.Expr, assigns map[*types.Var][]ast.Expr, depth int) ast.Node {
	if x == nil || depth > 4 {
		return nil
	}
	var obj types.Object
	switch x := ast.Unparen(x).(type) {
	case *ast.FuncLit:
		return x
	case *ast.CallExpr: // backoff.Operation(f)
		if tv, ok := e.Info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return e.resolveOp(x.Args[0], assigns, depth+1)
		}
		return nil
	case *ast.Ident:
		obj = e.Info.Uses[x]
	case *ast.SelectorExpr:
		obj = e.Info.Uses[x.Sel]
	}
	switch obj := obj.(type) {
	case *types.Func:
		if fd := e.Decl(obj); fd != nil {
			return fd
		}
	case *types.Var:
		if obj.IsField() || obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() {
			return nil // fields and package-level variables can be reassigned anywhere
		}
		if rhs := assigns[obj]; len(rhs) == 1 && rhs[0] != nil {
			return e.resolveOp(rhs[0], assigns, depth+1)
		}
	}
	return nil
}

// RetryCandidates reports whether a function may be a retry helper of the
// user's: it takes a func parameter and calls one in a loop. It looks at
// syntax and types only, so that packages the shared pass skips can be
// checked cheaply.
func RetryCandidates(info *types.Info, files []*ast.File) []*ast.FuncDecl {
	var out []*ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, _ := info.Defs[fd.Name].(*types.Func)
			if obj == nil || len(funcParams(obj)) == 0 {
				continue
			}
			params := funcParams(obj)
			found := false
			var loops int
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if n == nil || found {
					return false
				}
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ForStmt:
					loops++
				case *ast.RangeStmt:
					loops++
				case *ast.CallExpr:
					if v := identVar(info, n.Fun); v != nil && loops > 0 {
						if _, ok := params[v]; ok {
							found = true
						}
					}
				}
				return true
			})
			if found {
				out = append(out, fd)
			}
		}
	}
	return out
}

// funcParams returns the parameters of fn of a function type whose last
// result is an error, by index.
func funcParams(fn *types.Func) map[*types.Var]int {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	out := map[*types.Var]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		ps, ok := p.Type().Underlying().(*types.Signature)
		if !ok || ps.Results().Len() == 0 || !isError(ps.Results().At(ps.Results().Len()-1).Type()) {
			continue
		}
		out[p] = i
	}
	return out
}

// DeriveRetries finds the user's retry helpers among the candidates: a
// function that calls its func parameter again after the call returned a
// non-nil error, without classifying the error on the way (the same search
// as for a failed login). Their callers' operations are then retried
// blindly (RetryFact).
func (e *Env) DeriveRetries(cands []*ast.FuncDecl) {
	for _, fd := range cands {
		obj, _ := e.Info.Defs[fd.Name].(*types.Func)
		params := funcParams(obj)
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if _, lit := n.(*ast.FuncLit); lit {
				return false
			}
			if !ok || e.retries[obj] != nil {
				return e.retries[obj] == nil
			}
			i, ok := params[identVar(e.Info, call.Fun)]
			if !ok {
				return true
			}
			site := e.Site(call)
			if site == nil {
				return true
			}
			if r := site.Retried(nil); r != nil && r.Kind == ViaLoop {
				e.retries[obj] = &RetryFact{Op: i}
			}
			return true
		})
	}
}

// Retries returns the RetryFacts derived for the package's functions.
func (e *Env) Retries() map[*types.Func]*RetryFact { return e.retries }
