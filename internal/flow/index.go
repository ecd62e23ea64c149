package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"
)

// funcIndex is what the questions about any login of a function share,
// built in one walk of the body the first time one of them is asked, so
// that the cost of a function stays linear in its size whatever the number
// of its logins.
type funcIndex struct {
	// switches maps the case clauses of the body to their switch or type switch.
	switches map[*ast.CaseClause]ast.Stmt
	// setup maps a variable to the arguments of the methods called on it
	// (c.SetLoginUrl(url)): what sets it up.
	setup map[*types.Var][]ast.Expr
	// recursive marks the blocks holding a call of the function itself.
	recursive []bool
	// recReach marks the blocks from which such a block can be reached.
	recReach []bool
	// scc numbers the strongly connected components of the CFG.
	scc []int32
	// captured are the variables a function literal of the body uses.
	captured map[*types.Var]bool
	// defers are the defer statements of the body (not of nested literals), in source order.
	defers []*ast.DeferStmt
	// stores maps a variable to the struct fields its value is stored into.
	stores map[*types.Var][]FieldStore
	// deps memoises dependsOn (under Func.mu).
	deps map[depKey][]*types.Var
	// logouts marks the CFG nodes that hold a logout call of any kind.
	logouts map[ast.Node]bool
	// logins maps a CFG node to the logins it holds.
	logins map[ast.Node][]*Login
	// counted are the loops whose condition holds on entry (see counted).
	counted map[*ast.ForStmt]bool
	// assigned are the locations (variable and field path) the function
	// assigns, increments or takes the address of, anywhere in it.
	assigned map[location]bool
	// storedInto are the locations the function calls a storing method
	// on (Set, Save, Put...: see StorePrefixes).
	storedInto map[location]bool
	// done maps if and switch statements to the block where they resume.
	done map[ast.Stmt]*cfg.Block
}

// DoneBlock returns the block where an if or switch statement resumes
// (its "done" block), or nil.
func (f *Func) DoneBlock(stmt ast.Stmt) *cfg.Block { return f.ix().done[stmt] }

// location is a variable and a field path of it (see Env.Key).
type location struct {
	root *types.Var
	path string
}

// FieldStore is a value stored into a field of a struct: x.f = v, or
// T{f: v} (Struct is then the composite literal).
type FieldStore struct {
	Struct ast.Expr // x, or the composite literal
	Field  string
	Node   ast.Node
}

// The index is built in parts, each the first time a question needs it:
// most functions are asked only some of them (one without a loop is never
// asked whether a loop is counted, one that does not call itself never
// needs its recursion marked).
func (f *Func) ix() *funcIndex {
	f.ixOnce.Do(f.indexStatements)
	return f.idx
}

// ixLocations returns the index with its assignments, stores and setups.
func (f *Func) ixLocations() *funcIndex {
	x := f.ix()
	f.locOnce.Do(func() { f.indexLocations(x) })
	return x
}

// ixLogouts returns the index with its logout marks.
func (f *Func) ixLogouts() *funcIndex {
	x := f.ix()
	f.logoutOnce.Do(func() {
		// The CFG nodes that hold a logout call, in a nested literal too.
		for _, bn := range f.nodes {
			if call, ok := bn.n.(*ast.CallExpr); ok && bn.at >= 0 && !x.logouts[f.top(bn)] && f.Env.IsLogoutCall(call) {
				if x.logouts == nil {
					x.logouts = map[ast.Node]bool{}
				}
				x.logouts[f.top(bn)] = true
			}
		}
	})
	return x
}

// ixRecursion returns the index with the blocks that call the function
// itself marked, and those from which one can be reached.
func (f *Func) ixRecursion() *funcIndex {
	x := f.ix()
	f.recOnce.Do(func() {
		blocks := f.CFG.Blocks
		x.recursive = make([]bool, len(blocks))
		if f.Obj == nil || !f.mayLoop() {
			x.recReach = x.recursive // nothing calls the function: all false
			return
		}
		self := map[ast.Node]bool{} // the CFG nodes that call the function (not in a literal)
		for _, bn := range f.nodes {
			if call, ok := bn.n.(*ast.CallExpr); ok && !bn.lit && bn.at >= 0 && !self[f.top(bn)] && f.isSelf(call) {
				self[f.top(bn)] = true
			}
		}
		var seeds []*cfg.Block
		x.recReach, seeds = f.reachingBlocks(func(n ast.Node) bool { return self[n] })
		for _, b := range seeds {
			x.recursive[b.Index] = true
		}
	})
	return x
}

// ixSCC returns the index with the CFG's strongly connected components.
func (f *Func) ixSCC() *funcIndex {
	x := f.ix()
	f.sccOnce.Do(func() { x.scc = sccs(f.CFG.Blocks) })
	return x
}

// ixCaptured returns the index with the variables the function literals
// of the body use.
func (f *Func) ixCaptured() *funcIndex {
	x := f.ix()
	f.capOnce.Do(func() {
		if len(f.captured) > 0 {
			x.captured = make(map[*types.Var]bool, len(f.captured))
		}
		for _, v := range f.captured {
			x.captured[v] = true
		}
	})
	return x
}

// indexStatements indexes the statements of the body: switches and their
// cases, defers, counted loops, the blocks where ifs and switches resume,
// the logins of each CFG node.
func (f *Func) indexStatements() {
	x := &funcIndex{}
	f.idx = x
	dones := 0
	for _, b := range f.CFG.Blocks {
		if (b.Kind == cfg.KindIfDone || b.Kind == cfg.KindSwitchDone) && b.Stmt != nil {
			dones++
		}
	}
	if dones > 0 {
		x.done = make(map[ast.Stmt]*cfg.Block, dones)
		for _, b := range f.CFG.Blocks {
			if (b.Kind == cfg.KindIfDone || b.Kind == cfg.KindSwitchDone) && b.Stmt != nil && x.done[b.Stmt] == nil {
				x.done[b.Stmt] = b
			}
		}
	}
	cases := func(s ast.Stmt, body *ast.BlockStmt) {
		if x.switches == nil {
			x.switches = map[*ast.CaseClause]ast.Stmt{}
		}
		for _, c := range body.List {
			if cc, ok := c.(*ast.CaseClause); ok {
				x.switches[cc] = s
			}
		}
	}
	for _, bn := range f.nodes {
		if bn.lit {
			continue
		}
		switch n := bn.n.(type) {
		case *ast.SwitchStmt:
			cases(n, n.Body)
		case *ast.TypeSwitchStmt:
			cases(n, n.Body)
		case *ast.DeferStmt:
			x.defers = append(x.defers, n)
		case *ast.ForStmt:
			if counted(f.Env.Info, n) {
				if x.counted == nil {
					x.counted = map[*ast.ForStmt]bool{}
				}
				x.counted[n] = true
			}
		}
	}
	// A node's first login is a part of Logins (a node rarely holds two:
	// the second's append copies).
	x.logins = make(map[ast.Node][]*Login, len(f.Logins))
	for i, l := range f.Logins {
		if !l.At.Valid() {
			continue
		}
		n := l.At.Node()
		if have := x.logins[n]; have != nil {
			x.logins[n] = append(have, l)
		} else {
			x.logins[n] = f.Logins[i : i+1 : i+1]
		}
	}
}

// indexLocations records the locations the body assigns or stores into,
// the struct fields values are stored into, and what sets up each
// variable, anywhere in the body (nested literals too, but setups).
func (f *Func) indexLocations(x *funcIndex) {
	info := f.Env.Info
	x.setup = map[*types.Var][]ast.Expr{}
	x.stores = map[*types.Var][]FieldStore{}
	x.deps = map[depKey][]*types.Var{}
	x.assigned = map[location]bool{}
	x.storedInto = map[location]bool{}
	mark := func(set map[location]bool, e ast.Expr) {
		if r, p, ok := f.Env.Key(e); ok {
			set[location{r, p}] = true
		}
	}
	held := func(e ast.Expr) *types.Var {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		return identVar(info, e)
	}
	for _, bn := range f.nodes {
		switch n := bn.n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				mark(x.assigned, lhs)
			}
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
						if v := held(n.Rhs[i]); v != nil {
							x.stores[v] = append(x.stores[v], FieldStore{sel.X, sel.Sel.Name, n})
						}
					}
				}
			}
		case *ast.IncDecStmt:
			mark(x.assigned, n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(x.assigned, n.X)
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if HasPrefix(sel.Sel.Name, StorePrefixes) {
					mark(x.storedInto, sel.X)
				}
				if !bn.lit {
					if v := RootVar(info, sel.X); v != nil {
						x.setup[v] = append(x.setup[v], n.Args...)
					}
				}
			}
		case *ast.CompositeLit:
			var st *types.Struct // nil when the literal's type is unknown (code that does not type-check)
			if t := info.TypeOf(n); t != nil {
				st, _ = Deref(t).Underlying().(*types.Struct)
			}
			for i, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok {
						if v := held(kv.Value); v != nil {
							x.stores[v] = append(x.stores[v], FieldStore{n, key.Name, n})
						}
					}
				} else if v := held(elt); v != nil && st != nil && i < st.NumFields() {
					x.stores[v] = append(x.stores[v], FieldStore{n, st.Field(i).Name(), n}) // T{c, ...}
				}
			}
		}
	}
}

// reachingBlocks marks the blocks that hold a node for which seed is true
// (returned too) and every block from which one of them can be reached.
func (f *Func) reachingBlocks(seed func(ast.Node) bool) (reach []bool, seeds []*cfg.Block) {
	reach = make([]bool, len(f.CFG.Blocks))
	for _, b := range f.CFG.Blocks {
		for _, n := range b.Nodes {
			if seed(n) {
				reach[b.Index] = true
				seeds = append(seeds, b)
				break
			}
		}
	}
	queue := slices.Clone(seeds)
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		for _, p := range f.Preds(b) {
			if !reach[p.Index] {
				reach[p.Index] = true
				queue = append(queue, p)
			}
		}
	}
	return reach, seeds
}

// counted reports whether a for loop's condition holds when the loop is
// entered: for i := K; i OP M; ... with constants K and M for which i OP M.
func counted(info *types.Info, fs *ast.ForStmt) bool {
	init, ok := fs.Init.(*ast.AssignStmt)
	cond, ok2 := ast.Unparen(fs.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return false
	}
	v := identVar(info, init.Lhs[0])
	if v == nil || identVar(info, cond.X) != v {
		return false
	}
	k, m := info.Types[init.Rhs[0]].Value, info.Types[cond.Y].Value
	if k == nil || m == nil || k.Kind() != constant.Int || m.Kind() != constant.Int {
		return false
	}
	switch cond.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
		return constant.Compare(k, cond.Op, m)
	}
	return false
}

// mayLoop reports whether the function has a goto or calls itself: a way
// back to a login that no loop statement encloses. Memoised.
func (f *Func) mayLoop() bool {
	f.mayLoopOnce.Do(func() {
		for _, bn := range f.nodes {
			if bn.lit {
				continue
			}
			switch n := bn.n.(type) {
			case *ast.BranchStmt:
				f.loops = true // a goto: bodyKind keeps no other branch
			case *ast.CallExpr:
				f.loops = f.isSelf(n)
			}
			if f.loops {
				break
			}
		}
	})
	return f.loops
}

// isSelf reports whether call calls the function itself.
func (f *Func) isSelf(call *ast.CallExpr) bool {
	if f.Obj == nil {
		return false
	}
	fn := f.Env.Callee(call)
	return fn != nil && fn.Origin() == f.Obj.Origin()
}

// dependsOn returns the variables v is computed from in one step: those
// read by the values assigned to it in the body, and, with setup, by the
// arguments of the methods called on it (c.SetLoginUrl(url)). Memoised.
func (f *Func) dependsOn(v *types.Var, setup bool) []*types.Var {
	x := f.ixLocations()
	key := depKey{v, setup}
	f.mu.Lock()
	if d, ok := x.deps[key]; ok {
		f.mu.Unlock()
		return d
	}
	f.mu.Unlock()
	seen := map[*types.Var]bool{}
	var out []*types.Var
	add := func(e ast.Expr) {
		for _, w := range usedVars(f.Env.Info, e) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	for _, d := range f.defs[v] {
		if d.Rhs != nil && Contains(f.Body, d.Rhs) {
			add(d.Rhs)
		}
	}
	if setup {
		for _, e := range x.setup[v] {
			add(e)
		}
	}
	f.mu.Lock()
	x.deps[key] = out
	f.mu.Unlock()
	return out
}

type depKey struct {
	v     *types.Var
	setup bool
}

// AssignsLocation reports whether the function assigns the location (a
// variable and a field path, see Env.Key) anywhere, or takes its address.
func (f *Func) AssignsLocation(root *types.Var, path string) bool {
	return f.ixLocations().assigned[location{root, path}]
}

// LoginsAt returns the logins CFG node n holds.
func (f *Func) LoginsAt(n ast.Node) []*Login { return f.ix().logins[n] }

// FieldStores returns the struct fields the value of v is stored into in
// the function (x.f = v, T{f: v}, &v included).
func (f *Func) FieldStores(v *types.Var) []FieldStore { return f.ixLocations().stores[v] }

// Defers returns the function's defer statements (not those of nested
// literals), in source order.
func (f *Func) Defers() []*ast.DeferStmt { return f.ix().defers }

// Captured reports whether a function literal of the function uses v.
func (f *Func) Captured(v *types.Var) bool { return f.ixCaptured().captured[v] }

// SameCycle reports whether blocks a and b lie on a common cycle of the CFG
// (or are the same block): each can reach the other.
func (f *Func) SameCycle(a, b *cfg.Block) bool {
	scc := f.ixSCC().scc
	return scc[a.Index] == scc[b.Index]
}

// sccs numbers the strongly connected components of the blocks (Tarjan's
// algorithm, iterative: a function may have thousands of blocks).
func sccs(blocks []*cfg.Block) []int32 {
	n := len(blocks)
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	comp := make([]int32, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int32
	var next, ncomp int32
	type frame struct {
		b    int32
		succ int
	}
	for root := range blocks {
		if index[root] >= 0 {
			continue
		}
		work := []frame{{int32(root), 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, int32(root))
		onStack[root] = true
		for len(work) > 0 {
			top := &work[len(work)-1]
			b := blocks[top.b]
			if top.succ < len(b.Succs) {
				s := b.Succs[top.succ].Index
				top.succ++
				if index[s] < 0 {
					index[s], low[s] = next, next
					next++
					stack = append(stack, s)
					onStack[s] = true
					work = append(work, frame{s, 0})
				} else if onStack[s] && index[s] < low[top.b] {
					low[top.b] = index[s]
				}
				continue
			}
			if low[top.b] == index[top.b] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == top.b {
						break
					}
				}
				ncomp++
			}
			done := top.b
			work = work[:len(work)-1]
			if len(work) > 0 {
				if p := work[len(work)-1].b; low[done] < low[p] {
					low[p] = low[done]
				}
			}
		}
	}
	return comp
}
