package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"sync"

	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/astwalk"
)

// Func is the model of one function (a declaration or a literal) that
// contains a login: its control-flow graph and the indexes every query
// reads, built once, in one walk of the body.
type Func struct {
	Env  *Env
	Node ast.Node // *ast.FuncDecl or *ast.FuncLit
	Body *ast.BlockStmt
	Obj  *types.Func // the declared function; nil for a literal
	Sig  *types.Signature
	CFG  *cfg.CFG
	// Logins are the logins of the body, not of nested literals, in source order.
	Logins []*Login

	at    map[ast.Node]int32 // CFG node -> its entry in cfgNodes
	byPos []ast.Node         // the CFG nodes by position (see Locate), in the order of the body walk
	// cfgNodes are the live CFG nodes: where each is and the part of each
	// flat list below that its subtree fills (CFG nodes do not nest, so the
	// walk of the body meets a node's reads, assigns and calls in one run).
	cfgNodes   []cfgNode
	readList   []*types.Var    // see Reads
	assignList []*types.Var    // see Login.touches
	writeList  []varDef        // see Writes
	addrList   []*ast.CallExpr // see addrCalls

	mayLoopOnce sync.Once
	loops       bool                 // see mayLoop
	defs        map[*types.Var][]Def // local variable -> its assignments, in source order
	// derived maps a variable to those assigned from an expression reading
	// it (w := f(v)), or handed as &w to a call with it, or bound to it by a
	// type switch.
	derived map[*types.Var][]*types.Var
	preds   [][]*cfg.Block // block index -> predecessors

	mu       sync.Mutex
	values   map[string]*valueGraph // carry graphs by carrier kind (see values.go)
	codeRead map[*types.Var]bool    // see CodeRead

	// nodes are the body's nodes the lazy indexes read (see bodyKind), in
	// the order of ast.Inspect, gathered by the walk of index.
	nodes []bodyNode
	// captured are the variables the function literals of the body use,
	// once per use.
	captured []*types.Var

	ixOnce     sync.Once // see ix
	locOnce    sync.Once // see ixLocations
	logoutOnce sync.Once // see ixLogouts
	recOnce    sync.Once // see ixRecursion
	sccOnce    sync.Once // see ixSCC
	capOnce    sync.Once // see ixCaptured
	idx        *funcIndex
	pathMu     sync.Mutex
	paths      map[ast.Node][]ast.Node // see Path
	// addressed are the variables whose address the body takes (&v).
	addressed map[*types.Var]bool
	// prefixes holds the guards of the prefixes of statement lists (see prefixGuards).
	prefixMu sync.Mutex
	prefixes map[ast.Node]*prefix
	// scopes memoises scopeDefs.
	scopeMu sync.Mutex
	scopes  map[ast.Node]map[*types.Var][]ast.Expr
}

// cfgNode is what the index knows of one live CFG node.
type cfgNode struct {
	loc Loc
	// The node's parts of the flat lists of its Func: the variables it
	// reads (closures it makes included), those named on the left of its
	// = and := (closures included), those it assigns as a whole, and its
	// calls (outside function literals) that take the address of an
	// argument (errors.As(err, &fault)), in the order of ast.Inspect.
	reads, assigns, writes, addr span
}

// span is a part [lo, hi) of a list.
type span struct{ lo, hi int32 }

// node returns the index's entry of CFG node n, nil when n is not a live
// CFG node of the function.
func (f *Func) node(n ast.Node) *cfgNode {
	if i, ok := f.at[n]; ok {
		return &f.cfgNodes[i]
	}
	return nil
}

// part returns the part sp of list, its capacity cut so that an append
// by the caller copies.
func part[T any](list []T, sp span) []T { return list[sp.lo:sp.hi:sp.hi] }

// reads returns the variables CFG node n reads (closures it makes included).
func (f *Func) reads(n ast.Node) []*types.Var {
	if c := f.node(n); c != nil {
		return part(f.readList, c.reads)
	}
	return nil
}

// writes returns the variables CFG node n assigns as a whole, and how.
func (f *Func) writes(n ast.Node) []varDef {
	if c := f.node(n); c != nil {
		return part(f.writeList, c.writes)
	}
	return nil
}

// addrCalls returns CFG node n's calls, outside function literals, that
// take the address of an argument: the only calls Login.apply looks at.
func (f *Func) addrCalls(n ast.Node) []*ast.CallExpr {
	if c := f.node(n); c != nil {
		return part(f.addrList, c.addr)
	}
	return nil
}

// bodyNode is a node of a function body, where it is.
type bodyNode struct {
	n    ast.Node
	at   int32 // the entry in cfgNodes of the CFG node that holds it; -1 outside any
	lit  bool  // inside a function literal of the body
	inGo bool  // inside a go statement
}

// top returns the CFG node that holds bn, or nil.
func (f *Func) top(bn bodyNode) ast.Node {
	if bn.at < 0 {
		return nil
	}
	return f.cfgNodes[bn.at].loc.Node()
}

// bodyKind reports whether index keeps a node of the body for the lazy
// indexes (buildIndex with its logout and self-call marks, mayLoop, the
// carry graphs).
func bodyKind(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt, *ast.ValueSpec, *ast.IncDecStmt, *ast.CallExpr, *ast.CompositeLit,
		*ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.DeferStmt, *ast.ForStmt, *ast.FuncLit,
		*ast.GoStmt, *ast.ReturnStmt, *ast.SendStmt, *ast.RangeStmt:
		return true
	case *ast.UnaryExpr:
		return n.Op == token.AND
	case *ast.BranchStmt:
		return n.Tok == token.GOTO
	}
	return false
}

type varDef struct {
	v *types.Var
	d Def
}

// Loc is where a CFG node is: its block and its index in the block.
type Loc struct {
	Block *cfg.Block
	Index int
}

// Valid reports whether the location was found.
func (l Loc) Valid() bool { return l.Block != nil }

// Node returns the CFG node at the location, nil when it is not valid (a
// node no path reaches).
func (l Loc) Node() ast.Node {
	if l.Block == nil {
		return nil
	}
	return l.Block.Nodes[l.Index]
}

// Def is one assignment to a variable.
type Def struct {
	// Node is the assignment: *ast.AssignStmt, *ast.ValueSpec,
	// *ast.RangeStmt (key and value), *ast.IncDecStmt, *ast.UnaryExpr (&v
	// handed to a call), *ast.TypeSwitchStmt (the case variable) or
	// *ast.CommClause (v := <-ch).
	Node ast.Node
	// Rhs is the value assigned, when one expression gives it whole; nil
	// for a tuple part, a zero value, a range variable, &v and x++.
	Rhs ast.Expr
	// Tuple is the multi-valued expression a tuple part comes from, and
	// Index the part (v, err := f(): f() and 1 for err); Index is -1 otherwise.
	Tuple ast.Expr
	Index int
	// Op is the assignment operator (token.ASSIGN, DEFINE, ADD_ASSIGN...).
	Op token.Token
}

// newFunc builds the model of a function body.
func newFunc(env *Env, node ast.Node) *Func {
	f := &Func{Env: env, Node: node}
	switch n := node.(type) {
	case *ast.FuncDecl:
		f.Body = n.Body
		if obj, ok := env.Info.Defs[n.Name].(*types.Func); ok {
			f.Obj = obj
			f.Sig, _ = obj.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		f.Body = n.Body
		f.Sig, _ = env.Info.TypeOf(n).(*types.Signature)
	}
	f.CFG = cfg.New(f.Body, env.MayReturn)
	nodes, edges := 0, 0
	npreds := make([]int32, len(f.CFG.Blocks))
	for _, b := range f.CFG.Blocks {
		nodes += len(b.Nodes)
		edges += len(b.Succs)
		for _, s := range b.Succs {
			npreds[s.Index]++
		}
	}
	f.at = make(map[ast.Node]int32, nodes)
	f.cfgNodes = make([]cfgNode, 0, nodes)
	// The predecessor lists are parts of one list, in block order.
	f.preds = make([][]*cfg.Block, len(f.CFG.Blocks))
	all := make([]*cfg.Block, edges)
	for i, n := range npreds {
		f.preds[i], all = all[:0:n], all[n:]
	}
	for _, b := range f.CFG.Blocks {
		for _, s := range b.Succs {
			f.preds[s.Index] = append(f.preds[s.Index], b)
		}
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			f.at[n] = int32(len(f.cfgNodes))
			f.cfgNodes = append(f.cfgNodes, cfgNode{loc: Loc{b, i}})
		}
	}
	f.index()
	return f
}

// defIn returns the assignment of v that CFG node n makes.
func (f *Func) defIn(n ast.Node, v *types.Var) (Def, bool) {
	for _, vd := range f.writes(n) {
		if vd.v == v {
			return vd.d, true
		}
	}
	return Def{}, false
}

// Pair is one left-hand side of an assignment and what it receives.
type Pair struct {
	Lhs   ast.Expr
	Rhs   ast.Expr // the whole value, or nil for a tuple part
	Tuple ast.Expr // the multi-valued right-hand side of a tuple part
	Index int      // the part's index, -1 for a whole value
}

// Pairs matches the left-hand sides of an assignment or declaration with
// their values: one to one, or the parts of one multi-valued expression.
// A declaration without values gives each name a nil Rhs.
func Pairs(info *types.Info, lhs, rhs []ast.Expr) []Pair {
	var out []Pair
	for i, l := range lhs {
		if p, ok := pairAt(len(lhs), l, rhs, i); ok {
			out = append(out, p)
		}
	}
	return out
}

// pairAt is the i'th of Pairs, for the left-hand side lhs of n: false
// when the values match none.
func pairAt(n int, lhs ast.Expr, rhs []ast.Expr, i int) (Pair, bool) {
	switch {
	case n == len(rhs):
		return Pair{Lhs: lhs, Rhs: rhs[i], Index: -1}, true
	case len(rhs) == 1:
		return Pair{Lhs: lhs, Tuple: rhs[0], Index: i}, true
	case len(rhs) == 0:
		return Pair{Lhs: lhs, Index: -1}, true
	}
	return Pair{}, false
}

// Locate returns the CFG node holding n (n itself or an ancestor), or an
// invalid location when n is in no live block.
func (f *Func) Locate(n ast.Node) Loc {
	if c := f.node(n); c != nil {
		return c.loc
	}
	// The CFG node whose source holds n: CFG nodes do not nest, so it is
	// the last one that starts at or before n, if it ends after n.
	pos, end := n.Pos(), n.End()
	i := sort.Search(len(f.byPos), func(i int) bool { return f.byPos[i].Pos() > pos })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if m := f.byPos[j]; end <= m.End() {
			return f.node(m).loc
		}
	}
	for m := n; m != nil && m != f.Node; m = f.Env.Parent(m) {
		if c := f.node(m); c != nil {
			return c.loc
		}
	}
	return Loc{}
}

// Writes returns the variables CFG node n assigns as a whole, and how.
func (f *Func) Writes(n ast.Node) (vs []*types.Var, ds []Def) {
	for _, vd := range f.writes(n) {
		vs = append(vs, vd.v)
		ds = append(ds, vd.d)
	}
	return vs, ds
}

// WritesVar reports whether CFG node n assigns v as a whole.
func (f *Func) WritesVar(n ast.Node, v *types.Var) bool {
	_, ok := f.defIn(n, v)
	return ok
}

// Reads returns the variables CFG node n reads (closures it makes included).
func (f *Func) Reads(n ast.Node) []*types.Var { return f.reads(n) }

// ReadsVar reports whether CFG node n reads v.
func (f *Func) ReadsVar(n ast.Node, v *types.Var) bool {
	for _, w := range f.reads(n) {
		if w == v {
			return true
		}
	}
	return false
}

// Addressed reports whether the function takes v's address (&v) anywhere.
func (f *Func) Addressed(v *types.Var) bool { return f.addressed[v] }

// Defs returns the assignments to v in the function (nested literals
// included), in source order.
func (f *Func) Defs(v *types.Var) []Def { return f.defs[v] }

// Derived returns the variables assigned from an expression reading v (w
// := f(v)), handed as &w to a call with v, or bound to v by a type switch.
func (f *Func) Derived(v *types.Var) []*types.Var { return f.derived[v] }

// Preds returns the predecessors of a block.
func (f *Func) Preds(b *cfg.Block) []*cfg.Block { return f.preds[b.Index] }

// Local reports whether v is declared in the function's body (not a
// parameter, result, receiver, captured or package-level variable).
func (f *Func) Local(v *types.Var) bool {
	return v != nil && !v.IsField() && f.Body.Pos() <= v.Pos() && v.Pos() < f.Body.End()
}

// Own reports whether v belongs to the function: declared in its body or
// signature (parameters, results, receiver).
func (f *Func) Own(v *types.Var) bool {
	return v != nil && !v.IsField() && f.Node.Pos() <= v.Pos() && v.Pos() < f.Node.End()
}

// Param returns the index of v among the function's parameters, Receiver
// for its receiver, or false.
func (f *Func) Param(v *types.Var) (int, bool) {
	if f.Sig == nil || v == nil {
		return 0, false
	}
	if r := f.Sig.Recv(); r != nil && r == v {
		return Receiver, true
	}
	for i := 0; i < f.Sig.Params().Len(); i++ {
		if f.Sig.Params().At(i) == v {
			return i, true
		}
	}
	return 0, false
}

// Parent returns the syntactic parent of n.
func (f *Func) Parent(n ast.Node) ast.Node { return f.Env.Parent(n) }

// Path returns n and its ancestors up to (not including) the function's
// node, innermost first. The list is shared by the callers that ask about
// the same node (several ask about each login): they append to a copy
// (its capacity is its length) and never change it.
func (f *Func) Path(n ast.Node) []ast.Node {
	if n == nil {
		return nil
	}
	f.pathMu.Lock()
	p, ok := f.paths[n]
	f.pathMu.Unlock()
	if ok {
		return p
	}
	p = f.path(n)
	f.pathMu.Lock()
	if f.paths == nil {
		f.paths = map[ast.Node][]ast.Node{}
	}
	f.paths[n] = p
	f.pathMu.Unlock()
	return p
}

func (f *Func) path(n ast.Node) []ast.Node {
	var out []ast.Node
	if f.Env.descends(n) {
		// One descent from the function's node through the nodes that hold
		// n: its stack, the function's node dropped, innermost first.
		sc := scratchPool.get()
		defer scratchPool.put(sc)
		held := holders(f.Node, n, sc.path[:0])
		defer func() {
			if held != nil { // a walk that did not find n emptied the stack itself
				sc.path = reset(held)
			}
		}()
		if held != nil {
			// Innermost first, the function's node dropped, copied out at
			// its length (an append by the caller copies).
			out = make([]ast.Node, len(held)-1)
			for i := range out {
				out[i] = held[len(held)-1-i]
			}
			return out
		}
	}
	// The declaration's parents are indexed (or about to be), or n is not
	// in the function: up to the file.
	for m := n; m != nil && m != f.Node; m = f.Env.Parent(m) {
		out = append(out, m)
	}
	return out[:len(out):len(out)]
}

// Any reports whether match holds for a node of the tree at root, root
// included, visited in the order of ast.Inspect; it stops at the first. With
// skipLits, function literals (and what they hold) are not visited.
func Any(root ast.Node, skipLits bool, match func(ast.Node) bool) bool {
	found := false
	astwalk.Inspect(root, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if _, lit := n.(*ast.FuncLit); lit && skipLits {
			return false
		}
		found = match(n)
		return !found
	})
	return found
}

// Contains reports whether inner lies within n's extent.
func Contains(n, inner ast.Node) bool {
	return n != nil && inner != nil && n.Pos().IsValid() && n.Pos() <= inner.Pos() && inner.End() <= n.End()
}

// identVar returns the variable an identifier (not _) denotes, or nil.
func identVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v != nil && v.IsField() {
		return nil
	}
	return v
}

// IdentVar returns the variable an identifier (not _) denotes, or nil.
func IdentVar(info *types.Info, e ast.Expr) *types.Var { return identVar(info, e) }

// RootVar returns the variable at the root of x, x.f, x.f.g, (*x).f, x[i]
// (a package-level variable of another package too), or nil.
func RootVar(info *types.Info, e ast.Expr) *types.Var {
	for e != nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			if v != nil && v.IsField() {
				return nil
			}
			return v
		case *ast.SelectorExpr:
			if _, ok := info.Uses[x.Sel].(*types.Var); ok {
				if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
					e = x.X
					continue
				}
				return identVar(info, x.Sel) // a package-level variable of another package
			}
			return nil
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		default:
			return nil
		}
	}
	return nil
}

// IsBlank reports whether e is the blank identifier.
func IsBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// rhsOf returns the values assigned to v in the function (nil for values
// it cannot see: a tuple part, x += y, &v handed to a call, a range variable).
func (f *Func) rhsOf(v *types.Var) []ast.Expr {
	var out []ast.Expr
	for _, d := range f.defs[v] {
		switch {
		case d.Op != token.ASSIGN && d.Op != token.DEFINE:
			out = append(out, nil)
		case d.Rhs != nil:
			out = append(out, d.Rhs)
		default:
			out = append(out, d.Tuple)
		}
	}
	return out
}

// EnclosingLoops returns the loops of the function whose body holds n,
// innermost first.
func (f *Func) EnclosingLoops(n ast.Node) []ast.Stmt {
	var out []ast.Stmt
	path := append(f.Path(n), f.Node)
	for i := 0; i+1 < len(path); i++ {
		switch p := path[i+1].(type) {
		case *ast.ForStmt:
			if path[i] == p.Body {
				out = append(out, p)
			}
		case *ast.RangeStmt:
			if path[i] == p.Body {
				out = append(out, p)
			}
		}
	}
	return out
}

// Unconditional reports whether n runs every time the body of boundary (a
// loop or the function) does: no if or else branch, switch case, function
// literal, and unless allowed no select case or loop, lies between them.
func (f *Func) Unconditional(n, boundary ast.Node, allowSelect, allowLoops bool) bool {
	path := append(f.Path(n), f.Node)
	for i := 0; i+1 < len(path); i++ {
		child, parent := path[i], path[i+1]
		if parent == boundary {
			return true
		}
		switch p := parent.(type) {
		case *ast.IfStmt:
			if child == p.Body || child == p.Else {
				return false
			}
		case *ast.CaseClause:
			if stmtIn(child, p.Body) {
				return false
			}
		case *ast.CommClause:
			if !allowSelect && stmtIn(child, p.Body) {
				return false
			}
		case *ast.ForStmt:
			if !allowLoops && child == p.Body {
				return false
			}
		case *ast.RangeStmt:
			if !allowLoops && child == p.Body {
				return false
			}
		case *ast.FuncLit:
			return false
		}
	}
	return false
}
