package sessionreuse

import (
	"fmt"
	"go/ast"
	"go/types"
	"runtime"
	"slices"
	"strings"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

// This file finds the functions that run once per request, RPC or tick:
// HTTP handlers, gRPC methods, and functions handed to a scheduler.

type handlerType struct {
	name string // "http.HandlerFunc"
	sig  *types.Signature
}

// handlerTypeOf returns the handler type a function's signature is, or "".
func (st *state) handlerTypeOf(sig *types.Signature) string {
	if sig == nil {
		return ""
	}
	if !st.handlersDone {
		st.handlersDone = true
		st.handlerTypes = st.findHandlerTypes()
	}
	for _, h := range st.handlerTypes {
		if types.Identical(sig, h.sig) {
			return h.name
		}
	}
	return ""
}

// findHandlerTypes returns the configured handler types declared in the
// package or in the packages it imports, directly or not: by configured type,
// then in depth-first order of the imports.
func (st *state) findHandlerTypes() []handlerType {
	var refs []int // indexes of the handler refs that name a type
	for i, r := range st.c.handlers {
		if r.Recv == "" {
			refs = append(refs, i)
		}
	}
	if len(refs) == 0 {
		return nil
	}
	matches, ok := st.c.handlerPkgs.of(st.pass.Pkg, st.c.mayDeclareHandler, map[*types.Package]bool{})
	if !ok {
		matches = handlerPkgsDFS(st.pass.Pkg, st.c.mayDeclareHandler)
	}
	var out []handlerType
	for _, i := range refs {
		r := st.c.handlers[i]
		for _, p := range matches {
			if !pathMatches(sfapi.StripMajor(p.Path()), st.c.handlerPaths[i]) {
				continue
			}
			tn, ok := p.Scope().Lookup(r.Name).(*types.TypeName)
			if !ok {
				continue
			}
			if s, ok := types.Unalias(tn.Type()).Underlying().(*types.Signature); ok {
				out = append(out, handlerType{p.Name() + "." + r.Name, s})
			}
		}
	}
	return out
}

// mayDeclareHandler reports whether the package's path matches the path of
// a configured handler type.
func (c *checker) mayDeclareHandler(p *types.Package) bool {
	stripped := sfapi.StripMajor(p.Path())
	for i, r := range c.handlers {
		if r.Recv == "" && pathMatches(stripped, c.handlerPaths[i]) {
			return true
		}
	}
	return false
}

// handlerPkgsDFS returns the packages p imports, directly or not, p included,
// that match, in depth-first order of the imports.
func handlerPkgsDFS(p *types.Package, match func(*types.Package) bool) []*types.Package {
	var out []*types.Package
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if p == nil || seen[p] {
			return
		}
		seen[p] = true
		if match(p) {
			out = append(out, p)
		}
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	visit(p)
	return out
}

// pkgMemo remembers handlerPkgsDFS per package, across the packages of a
// run: every package would otherwise walk all the packages it imports,
// directly or not, again. The result for a package is its own (if it
// matches) followed by those of its imports in order, each package once:
// in an acyclic import graph that is the depth-first order. Packages are
// held weakly, so that the memo keeps no type-checked package alive; an
// entry goes when its package does.
type pkgMemo struct {
	mu sync.Mutex
	m  map[weak.Pointer[types.Package]][]weak.Pointer[types.Package]
}

// of returns the matching packages p imports, directly or not, p included,
// in depth-first order. It reports false on an import cycle (ill-formed
// code), leaving the caller to walk the imports itself.
func (pm *pkgMemo) of(p *types.Package, match func(*types.Package) bool, onStack map[*types.Package]bool) ([]*types.Package, bool) {
	if p == nil {
		return nil, true
	}
	key := weak.Make(p)
	pm.mu.Lock()
	l, ok := pm.m[key]
	pm.mu.Unlock()
	if ok {
		out := make([]*types.Package, 0, len(l))
		for _, w := range l {
			q := w.Value()
			if q == nil {
				ok = false // cannot happen: p's imports are alive while p is
				break
			}
			out = append(out, q)
		}
		if ok {
			return out, true
		}
	}
	if onStack[p] {
		return nil, false
	}
	onStack[p] = true
	defer delete(onStack, p)
	var out []*types.Package
	if match(p) {
		out = append(out, p)
	}
	for _, q := range p.Imports() {
		sub, ok := pm.of(q, match, onStack)
		if !ok {
			return nil, false
		}
		for _, x := range sub {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	l = make([]weak.Pointer[types.Package], len(out))
	for i, x := range out {
		l[i] = weak.Make(x)
	}
	pm.mu.Lock()
	if pm.m == nil {
		pm.m = map[weak.Pointer[types.Package]][]weak.Pointer[types.Package]{}
	}
	if _, dup := pm.m[key]; !dup {
		pm.m[key] = l
		runtime.AddCleanup(p, pm.forget, key)
	}
	pm.mu.Unlock()
	return out, true
}

func (pm *pkgMemo) forget(key weak.Pointer[types.Package]) {
	pm.mu.Lock()
	delete(pm.m, key)
	pm.mu.Unlock()
}

// pathMatches is sfapi.MatchPath(path, suffix) on paths whose major
// versions are already stripped (see sfapi.StripMajor).
func pathMatches(path, suffix string) bool {
	return path == suffix || (len(path) > len(suffix) && strings.HasSuffix(path, suffix) && path[len(path)-len(suffix)-1] == '/')
}

// context says whether the function runs once per request, RPC or tick,
// and names it for the message.
func (st *state) context(fi *flow.Func) (string, []analysis.RelatedInformation) {
	rel := func(msg string) []analysis.RelatedInformation {
		return []analysis.RelatedInformation{{Pos: fi.Node.Pos(), End: fi.Node.Pos() + 4, Message: msg}}
	}
	if !st.scheduledDone {
		st.scheduledDone = true
		st.findScheduled()
	}
	if name, ok := st.scheduled[fi.Node]; ok {
		if fi.Obj != nil {
			return fmt.Sprintf("every run of %s, which %s calls again and again", sflogin.FuncName(fi.Obj), name),
				rel("called again and again by " + name)
		}
		return fmt.Sprintf("every run of the function literal that %s calls again and again", name), rel("called again and again by " + name)
	}
	if ht := st.handlerTypeOf(fi.Sig); ht != "" {
		if fi.Obj != nil {
			return "every request served by " + sflogin.FuncName(fi.Obj), rel("the handler: it runs once per request")
		}
		return fmt.Sprintf("every request served by the %s literal in %s", ht, st.enclosingDecl(fi)), rel("the handler: it runs once per request")
	}
	if st.isRPCMethod(fi) {
		return "every call of the gRPC method " + sflogin.FuncName(fi.Obj), rel("the gRPC method: it runs once per call")
	}
	return "", nil
}

func (st *state) enclosingDecl(fi *flow.Func) string {
	for n := ast.Node(fi.Node); n != nil; n = st.env.Parent(n) {
		if fd, ok := n.(*ast.FuncDecl); ok {
			if obj, ok := st.info.Defs[fd.Name].(*types.Func); ok {
				return sflogin.FuncName(obj)
			}
		}
	}
	return "a package-level declaration"
}

// isRPCMethod reports whether a method implements a generated RPC service
// interface: its type embeds an Unimplemented...Server (gRPC) or
// Unimplemented...Handler (Connect) that has a method of the same name.
func (st *state) isRPCMethod(fi *flow.Func) bool {
	if fi.Obj == nil || fi.Sig == nil || fi.Sig.Recv() == nil {
		return false
	}
	t := fi.Sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < s.NumFields(); i++ {
		f := s.Field(i)
		if !f.Embedded() {
			continue
		}
		ft := f.Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		n, ok := types.Unalias(ft).(*types.Named)
		if !ok {
			continue
		}
		name := n.Obj().Name()
		if !strings.HasPrefix(name, "Unimplemented") || (!strings.HasSuffix(name, "Server") && !strings.HasSuffix(name, "Handler")) {
			continue
		}
		if types.NewMethodSet(types.NewPointer(n)).Lookup(n.Obj().Pkg(), fi.Obj.Name()) != nil {
			return true
		}
	}
	return false
}

// schedulerArgs returns the name of a scheduler the call calls and the
// indexes of the arguments it calls again and again.
func (st *state) schedulerArgs(call *ast.CallExpr) (string, []int) {
	fn, _ := typeutil.Callee(st.info, call).(*types.Func)
	if fn == nil {
		return "", nil
	}
	if st.res != nil && st.res.Model != nil && st.res.Model.Retry(fn) != nil {
		return "", nil // a retry helper calls its operation until it succeeds: blindretry's business
	}
	pkg, recv, name := sfapi.FuncKey(fn)
	for _, r := range st.c.schedulers {
		if r.Name == name && r.Recv == recv && sfapi.MatchPath(pkg, r.Pkg) {
			var idx []int
			for i, a := range call.Args {
				if _, lit := ast.Unparen(a).(*ast.FuncLit); lit {
					idx = append(idx, i)
				} else if t := st.info.TypeOf(a); t != nil {
					if _, ok := t.Underlying().(*types.Signature); ok {
						idx = append(idx, i)
					}
				}
			}
			return sflogin.FuncName(fn), idx
		}
	}
	if fn.Pkg() == st.pass.Pkg {
		if ps := st.sched[fn]; len(ps) > 0 {
			return sflogin.FuncName(fn), ps
		}
		return "", nil
	}
	var f schedules
	if fn.Pkg() != nil && st.pass.ImportObjectFact(fn.Origin(), &f) {
		return sflogin.FuncName(fn), f.Params
	}
	return "", nil
}

// deriveSchedulers finds the package's functions that call one of their
// func parameters in a loop that waits on a timer and goes on after the
// call succeeds, or hand it to another scheduler; and exports the facts.
func (st *state) deriveSchedulers() {
	type cand struct {
		fd     *ast.FuncDecl
		obj    *types.Func
		params map[*types.Var]int
	}
	var cands []cand
	for _, f := range st.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, _ := st.info.Defs[fd.Name].(*types.Func)
			if obj == nil {
				continue
			}
			sig := obj.Type().(*types.Signature)
			params := map[*types.Var]int{}
			for i := 0; i < sig.Params().Len(); i++ {
				p := sig.Params().At(i)
				if _, ok := p.Type().Underlying().(*types.Signature); ok {
					params[p] = i
				}
			}
			if len(params) > 0 {
				cands = append(cands, cand{fd, obj, params})
			}
		}
	}
	for round := 0; round < 4; round++ {
		changed := false
		for _, c := range cands {
			if got := st.scheduledParams(c.fd, c.params); len(got) > len(st.sched[c.obj]) {
				st.sched[c.obj] = got
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, c := range cands {
		if ps := st.sched[c.obj]; len(ps) > 0 {
			st.pass.ExportObjectFact(c.obj, &schedules{Params: ps})
		}
	}
}

func (st *state) scheduledParams(fd *ast.FuncDecl, params map[*types.Var]int) []int {
	set := map[int]bool{}
	paramOf := func(e ast.Expr) (int, bool) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := st.info.Uses[id].(*types.Var); ok {
				i, ok := params[v]
				return i, ok
			}
		}
		return 0, false
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if i, ok := paramOf(call.Fun); ok && !set[i] && st.calledOnTimer(call) {
			set[i] = true
		}
		if _, idx := st.schedulerArgs(call); len(idx) > 0 {
			for _, j := range idx {
				if j < len(call.Args) {
					if i, ok := paramOf(call.Args[j]); ok {
						set[i] = true
					}
				}
			}
		}
		return true
	})
	var out []int
	for i := range set {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// calledOnTimer reports whether the call sits in a loop that waits on a
// timer and begins its next iteration after the call succeeds.
func (st *state) calledOnTimer(call *ast.CallExpr) bool {
	var site *flow.Login
	for n := ast.Node(call); n != nil; n = st.env.Parent(n) {
		if loop, ok := n.(ast.Stmt); ok && flow.WaitsOnTimer(st.info, loop) {
			if site == nil {
				if site = st.env.Site(call); site == nil {
					return false
				}
			}
			if r := site.SuccessRegion(loop); r.Found && r.Cont {
				return true
			}
		}
		if _, ok := n.(*ast.FuncLit); ok {
			break
		}
	}
	return false
}

// findScheduled records the function literals and functions handed to a
// scheduler in the package, in one walk of its files.
func (st *state) findScheduled() {
	lits := map[*types.Var][]*ast.FuncLit{}
	decls := map[*types.Func]*ast.FuncDecl{}
	type schedCall struct {
		call *ast.CallExpr
		name string
		idx  []int
	}
	var calls []schedCall // in source order; resolved once lits and decls are complete
	for _, f := range st.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if obj, ok := st.info.Defs[n.Name].(*types.Func); ok {
					decls[obj] = n
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if lit, ok := ast.Unparen(n.Rhs[i]).(*ast.FuncLit); ok {
							if id, ok := l.(*ast.Ident); ok {
								if v, ok := st.info.ObjectOf(id).(*types.Var); ok {
									lits[v] = append(lits[v], lit)
								}
							}
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, id := range n.Names {
						if lit, ok := ast.Unparen(n.Values[i]).(*ast.FuncLit); ok {
							if v, ok := st.info.Defs[id].(*types.Var); ok {
								lits[v] = append(lits[v], lit)
							}
						}
					}
				}
			case *ast.CallExpr:
				if name, idx := st.schedulerArgs(n); len(idx) > 0 {
					calls = append(calls, schedCall{n, name, idx})
				}
			}
			return true
		})
	}
	for _, sc := range calls {
		call, name := sc.call, sc.name
		for _, i := range sc.idx {
			if i >= len(call.Args) {
				continue
			}
			switch a := ast.Unparen(call.Args[i]).(type) {
			case *ast.FuncLit:
				st.scheduled[a] = name
			case *ast.Ident:
				switch obj := st.info.Uses[a].(type) {
				case *types.Func:
					if d := decls[obj]; d != nil {
						st.scheduled[d] = name
					}
				case *types.Var:
					if l := lits[obj]; len(l) == 1 {
						st.scheduled[l[0]] = name
					}
				}
			case *ast.SelectorExpr:
				if obj, ok := st.info.Uses[a.Sel].(*types.Func); ok {
					if d := decls[obj]; d != nil {
						st.scheduled[d] = name
					}
				}
			}
		}
	}
}
