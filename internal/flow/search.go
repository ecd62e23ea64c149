package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// Step is what a query says of a node on a path.
type Step uint8

// The steps.
const (
	// Next: go on along the path.
	Next Step = iota
	// Stop: the path ends here; nothing was found on it.
	Stop
	// Found: the search ends here: this is what it looks for.
	Found
)

// Query is a search along the paths that start just after a login. The
// model walks the control-flow graph: it keeps track of what each path
// knows of the login's outcome, prunes the branches that contradict it,
// moves the error from variable to variable, and asks the query about each
// node. A (block, state) pair is explored once.
type Query struct {
	// From is the outcome the paths start with: Unknown to follow every
	// path, Failed to follow only those on which the login failed.
	From Outcome
	// Skip lists outcomes whose paths are not followed (a path that learns
	// it is one of them ends there).
	Skip []Outcome
	// Node is asked about each CFG node on a path, before the node's
	// effects on the state; the login's own node is not asked about at the
	// start (it is when a path comes back to it). Nil means Next.
	Node func(n ast.Node, st *State) Step
	// Enter is asked when a path enters a block, after the model's own
	// effects of entering it (a range loop's head, a case of a type switch).
	Enter func(from, to *cfg.Block, st *State) Step
	// Decision is asked at a block ending in a two-way decision, before the
	// model follows its branches; Stop ends the path there.
	Decision func(b *cfg.Block, st State) Step
	// Exit is asked when a path leaves the function: at the end of a block
	// with no successors that returns or falls off the end of the body (not
	// one ending in a call that never returns). Nil means Stop.
	Exit func(b *cfg.Block, st State) Step
	// Kill reports whether assigning e to a variable clears the error from
	// it, though e reads the error (a classification of it).
	Kill func(e ast.Expr) bool
	// Init, if set, adjusts the state at the start.
	Init func(st *State)
	// WantPath asks for the Hit's Path.
	WantPath bool
}

// Hit is where a search ended.
type Hit struct {
	// Node is the CFG node the query found (a return statement, a call...).
	Node ast.Node
	// Block is the block holding it.
	Block *cfg.Block
	// State is the path's state at the node.
	State State
	// Path is the blocks of the path, from the login's block to Block,
	// when the query asked for it (WantPath).
	Path []*cfg.Block
}

type visitKey struct {
	block int32
	st    State
	entry bool // entering a counted loop from outside: its condition holds
}

func (q *Query) skips(out Outcome) bool {
	for _, o := range q.Skip {
		if o == out {
			return true
		}
	}
	return false
}

// Search explores the paths from just after the login, depth first, the
// first successor of a branch first, and returns the first node the query
// finds.
func (l *Login) Search(q Query) (Hit, bool) {
	if !l.At.Valid() {
		return Hit{}, false
	}
	s := newSearch(l, &q)
	defer s.release()
	s.cur = l.start(q.From)
	if q.Init != nil {
		q.Init(&s.cur)
	}
	return s.from(l.At.Block, l.At.Index+1, s.cur, false)
}

type search struct {
	l    *Login
	q    Query
	seen visited
	path []*cfg.Block
	// cur is the state handed to the query's callbacks: one per search,
	// not one on the heap per node and per edge.
	cur State
}

// searches are reused: a search allocated its frame, its seen set and its
// path anew on each of the thousands of searches of a large package.
var searches = freeList[search]{init: func() *search { return &search{path: make([]*cfg.Block, 0, 16)} }}

func newSearch(l *Login, q *Query) *search {
	s := searches.get()
	s.l, s.q = l, *q
	return s
}

// release forgets what the search points to and returns it to the pool.
func (s *search) release() {
	s.l, s.q, s.path = nil, Query{}, s.path[:0]
	s.seen.reset()
	searches.put(s)
}

// visited is a set of explored (block, state) pairs, each numbered in the
// order it was added (list holds them in that order): found by a scan of
// the list while it is short, as most are, and through a map beyond. It
// grows with what is explored, never with the function.
type visited struct {
	list []visitKey
	set  map[visitKey]int
}

const visitedList = 32

// add adds k if it is new, and returns its number.
func (v *visited) add(k visitKey) (num int, isNew bool) {
	if v.set != nil {
		if i, ok := v.set[k]; ok {
			return i, false
		}
	} else {
		for i := range v.list {
			if v.list[i] == k {
				return i, false
			}
		}
	}
	v.list = append(v.list, k)
	if v.set == nil && len(v.list) > visitedList {
		v.set = make(map[visitKey]int, 2*len(v.list))
		for i, x := range v.list[:len(v.list)-1] {
			v.set[x] = i
		}
	}
	if v.set != nil {
		v.set[k] = len(v.list) - 1
	}
	return len(v.list) - 1, true
}

func (v *visited) reset() {
	v.list, v.set = v.list[:0], nil
}

// hitPath returns a copy of the path, when the query wants it.
func (s *search) hitPath() []*cfg.Block {
	if !s.q.WantPath {
		return nil
	}
	return append([]*cfg.Block(nil), s.path...)
}

// from explores the paths from the idx'th node of block b, in state st;
// entry says that b is a counted loop's condition entered from outside
// the loop, which holds on entry (for i := 0; i < n; i++ with constants).
func (s *search) from(b *cfg.Block, idx int, st State, entry bool) (Hit, bool) {
	s.path = append(s.path, b)
	defer func() {
		s.path[len(s.path)-1] = nil // nothing kept alive by the pool
		s.path = s.path[:len(s.path)-1]
	}()
	for i := idx; i < len(b.Nodes); i++ {
		n := b.Nodes[i]
		step := Next
		if s.q.Node != nil {
			s.cur = st
			step = s.q.Node(n, &s.cur)
			st = s.cur
		}
		switch step {
		case Found:
			return Hit{Node: n, Block: b, State: st, Path: s.hitPath()}, true
		case Stop:
			return Hit{}, false
		}
		st = s.l.step(n, st, s.q.Kill)
		if s.q.skips(st.Out) {
			return Hit{}, false
		}
	}
	if len(b.Succs) == 0 && s.q.Exit != nil && s.l.Fn.exits(b) && s.q.Exit(b, st) == Found {
		var n ast.Node = s.l.Fn.Node
		if len(b.Nodes) > 0 {
			n = b.Nodes[len(b.Nodes)-1]
		}
		return Hit{Node: n, Block: b, State: st, Path: s.hitPath()}, true
	}
	if len(b.Succs) == 2 && s.q.Decision != nil && s.q.Decision(b, st) == Stop {
		return Hit{}, false
	}
	for i, next := range b.Succs {
		if entry && i == 1 {
			continue // the loop's body runs at least once
		}
		nst, ok := s.l.branch(b, i, st)
		if !ok || s.q.skips(nst.Out) {
			continue
		}
		nst, ok = s.enter(b, next, nst)
		if !ok {
			continue
		}
		k := visitKey{next.Index, nst, s.l.Fn.countedEntry(b, next)}
		if _, isNew := s.seen.add(k); !isNew {
			continue
		}
		if h, ok := s.from(next, 0, nst, k.entry); ok {
			return h, true
		}
	}
	return Hit{}, false
}

// exits reports whether a block with no successors leaves the function:
// it returns or falls off the end of the body, rather than ending in a
// call that never returns (panic, os.Exit, log.Fatal, t.Fatal).
func (f *Func) exits(b *cfg.Block) bool {
	if b.Return() != nil || !b.Live {
		return b.Live
	}
	if len(b.Nodes) > 0 {
		if es, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt); ok {
			if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && !f.Env.MayReturn(call) {
				return false
			}
		}
	}
	return true
}

func (s *search) enter(from, to *cfg.Block, st State) (State, bool) {
	st = s.l.enter(to, st)
	if s.q.Enter != nil {
		s.cur = st
		step := s.q.Enter(from, to, &s.cur)
		st = s.cur
		if step != Next {
			return st, false
		}
	}
	return st, true
}

// countedEntry reports whether the edge from block from to block to enters
// the condition of a counted loop (for i := 0; i < 3; i++) from outside
// it: the condition holds then.
func (f *Func) countedEntry(from, to *cfg.Block) bool {
	fs, ok := to.Stmt.(*ast.ForStmt)
	if !ok || to.Kind != cfg.KindForLoop || !f.ix().counted[fs] {
		return false
	}
	var pos token.Pos
	switch {
	case len(from.Nodes) > 0:
		pos = from.Nodes[len(from.Nodes)-1].Pos()
	case from.Stmt != nil:
		pos = from.Stmt.Pos()
	}
	inside := func(n ast.Node) bool { return n != nil && Contains(n, &ast.Ident{NamePos: pos}) }
	return !inside(fs.Body) && (fs.Post == nil || !inside(fs.Post))
}

// step applies the effects of a CFG node on a path: the login's own node
// (met again around a loop) starts a new attempt; any other moves the error.
func (l *Login) step(n ast.Node, st State, kill func(ast.Expr) bool) State {
	if n == l.At.Node() {
		bits := st.Bits
		st = l.start(Unknown)
		st.Bits = bits
		return st
	}
	return l.apply(n, st, kill)
}

// Decision returns the condition a block ends with when it branches on it:
// an if, a for loop's condition, a case of a switch without a tag; nil for
// other blocks.
func (f *Func) Decision(b *cfg.Block) ast.Expr {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil
	}
	e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return nil
	}
	switch b.Succs[0].Kind {
	case cfg.KindIfThen, cfg.KindForBody:
		return e
	case cfg.KindSwitchCaseBody:
		if sw := f.SwitchOf(b.Succs[0]); sw != nil && sw.Tag == nil {
			return e
		}
	}
	return nil
}

// branch returns the state on the i'th way out of block b, and false when
// that way contradicts what the path knows.
func (l *Login) branch(b *cfg.Block, i int, st State) (State, bool) {
	if len(b.Succs) != 2 {
		return st, true
	}
	if cond := l.Fn.Decision(b); cond != nil {
		return l.assume(cond, i == 0, st)
	}
	return l.typeCase(b, i, st)
}

// SwitchOf returns the expression switch a case body block belongs to.
func (f *Func) SwitchOf(body *cfg.Block) *ast.SwitchStmt {
	cc, ok := body.Stmt.(*ast.CaseClause)
	if !ok {
		return nil
	}
	if blk, ok := f.Env.Parent(cc).(*ast.BlockStmt); ok {
		sw, _ := f.Env.Parent(blk).(*ast.SwitchStmt)
		return sw
	}
	return nil
}

// typeCase gives the state on the i'th way out of a block of a type switch
// on the login's error:
//
//	switch f := err.(type) {
//	case nil:                   // the login succeeded
//	case *soapforce.SOAPFault:  // it failed
//	default:                    // it failed, when there is a case nil
//	}
func (l *Login) typeCase(b *cfg.Block, i int, st State) (State, bool) {
	next := b.Succs[i]
	cc, _ := next.Stmt.(*ast.CaseClause)
	if cc == nil {
		cc, _ = b.Succs[0].Stmt.(*ast.CaseClause)
	}
	if cc == nil {
		return st, true
	}
	ts := l.typeSwitchOf(cc)
	if ts == nil {
		return st, true
	}
	subject := TypeSwitchSubject(ts)
	if !l.Mentions(st, subject) {
		return st, true
	}
	exact := false
	if v := identVar(l.Fn.Env.Info, subject); v != nil && l.HoldsErr(st, v) {
		exact = true
	}
	if next.Kind == cfg.KindSwitchCaseBody {
		nils, others := 0, 0
		for _, t := range cc.List {
			if isNil(l.Fn.Env.Info, t) {
				nils++
			} else {
				others++
			}
		}
		switch {
		case others == 0 && nils > 0 && exact:
			return l.refine(st, Succeeded)
		case nils == 0:
			return l.refine(st, Failed)
		}
		return st, true
	}
	// The way past a case: into the next case's test, the default body or
	// the end of the switch. No case matched when it is the last one.
	if !exact || !hasNilCase(l.Fn.Env.Info, ts) {
		return st, true
	}
	last := false
	switch {
	case next.Kind == cfg.KindSwitchDone:
		last = true
	case next.Kind == cfg.KindSwitchNextCase && len(next.Nodes) > 0:
		for _, s := range ts.Body.List {
			if d, ok := s.(*ast.CaseClause); ok && d.List == nil && Contains(d, next.Nodes[0]) {
				last = true
			}
		}
	}
	if last {
		return l.refine(st, Failed)
	}
	return st, true
}

func hasNilCase(info *types.Info, ts *ast.TypeSwitchStmt) bool {
	for _, s := range ts.Body.List {
		if cc, ok := s.(*ast.CaseClause); ok {
			for _, t := range cc.List {
				if isNil(info, t) {
					return true
				}
			}
		}
	}
	return false
}
