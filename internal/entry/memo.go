package entry

import (
	"go/types"
	"runtime"
	"slices"
	"sync"
	"weak"
)

// pkgsDFS returns the packages p imports, directly or not, p included,
// that match, in depth-first order of the imports.
func pkgsDFS(p *types.Package, match func(*types.Package) bool) []*types.Package {
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

// pkgMemo remembers pkgsDFS per package, across the packages of a
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
