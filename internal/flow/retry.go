package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/astwalk"
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
	s := &retrySearch{l: l, stop: stop, fnObj: l.Fn.Obj}
	for _, u := range l.Fn.Env.helpers()[l.Fn.Node] {
		if !u.Classified {
			s.uses = append(s.uses, u)
		}
	}
	for _, n := range l.Fn.Path(l.Expr) {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if s.loops == nil {
				s.loops = map[ast.Stmt]bool{}
			}
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
	s := &retrySearch{l: l, fnObj: l.Fn.Obj}
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

// computeReach marks the blocks from which a return that makes a helper
// call the function again can be reached.
func (s *retrySearch) computeReach() {
	s.retReach, _ = s.l.Fn.reachingBlocks(func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		return ok && s.retryingReturn(ret)
	})
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
	return f.SameCycle(b, s.l.At.Block) || f.ixRecursion().recReach[b.Index] || (s.retReach != nil && s.retReach[b.Index])
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
		From:     Failed,
		Skip:     []Outcome{Succeeded, NoAnswer},
		Kill:     s.kills,
		WantPath: true,
		Init:     func(st *State) { st.Bits = s.changedBy(first, *st, 0, true) },
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
	if c := s.l.Fn.node(n); s.fnObj != nil && c != nil && s.l.Fn.ixRecursion().recursive[c.loc.Block.Index] {
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
	astwalk.Inspect(n, func(m ast.Node) bool {
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
			if v := identVar(info, arg); v != nil && s.live(v, st) && ImplementsError(v.Type()) {
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
	astwalk.Inspect(fd.Body, func(n ast.Node) bool {
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
