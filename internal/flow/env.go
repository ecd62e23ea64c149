package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// Env is what the model knows of the package it is built for: its syntax
// and types, the table, the shared pass's resolution of calls and what the
// facts of other packages say. The shared pass builds one per package.
type Env struct {
	Fset  *token.FileSet
	Info  *types.Info
	Pkg   *types.Package
	Model *sfapi.Model
	// Files are the files the analyzers look at.
	Files []*ast.File

	// Lookup is the shared pass's resolution of a call (nil: nothing to sflint).
	Lookup func(*ast.CallExpr) *Call
	// IsClassifier reports whether calling fn inspects a login fault code.
	IsClassifier func(fn *types.Func) bool
	// Import reads the facts other packages exported on their functions.
	Import Importer

	// Decls are the package's function declarations.
	Decls map[*types.Func]*ast.FuncDecl

	mu       sync.Mutex
	carries  map[string]*typeCarries // see carriesOf (under mu)
	parents  map[ast.Node]ast.Node   // see Parent
	indexed  map[ast.Decl]bool       // top-level declarations whose nodes parents holds
	asked    map[ast.Decl]int        // Parent questions answered by a descent, per declaration
	noReturn map[*types.Func]bool    // the package's functions that never return
	owners   map[*types.Func]*OwnerFact
	retries  map[*types.Func]*RetryFact
	logouts  map[*types.Func]*RawLogoutFact

	noReturnDone bool

	wrapOnce sync.Once
	wrapped  map[*types.Var]bool // see wrapping

	helperOnce sync.Once
	helperUses map[ast.Node][]*HelperUse // see helpers

	nodesOnce sync.Once
	nodes     *Nodes // see Nodes
}

// Nodes returns the nodes of Files the package-wide walks look for,
// gathered on first use unless SetNodes gave them; nil for a nil Env.
func (e *Env) Nodes() *Nodes {
	if e == nil {
		return nil
	}
	e.nodesOnce.Do(func() {
		if e.nodes == nil {
			e.nodes = NewNodes(e.Files)
		}
	})
	return e.nodes
}

// SetNodes gives the env the nodes already gathered from its Files. Call it
// before the env is shared.
func (e *Env) SetNodes(ns *Nodes) { e.nodes = ns }

// Importer reads facts exported by the packages this one imports; a nil
// Importer knows none.
type Importer interface {
	NoReturn(fn *types.Func) bool
	Owner(fn *types.Func) *OwnerFact
	Retry(fn *types.Func) *RetryFact
	RawLogout(fn *types.Func) *RawLogoutFact
}

// NewEnv indexes the package's function declarations. The parents of the
// nodes of a top-level declaration are indexed when one of them is first
// asked about (see Parent).
func NewEnv(fset *token.FileSet, info *types.Info, pkg *types.Package, model *sfapi.Model, files []*ast.File) *Env {
	e := &Env{
		Fset: fset, Info: info, Pkg: pkg, Model: model, Files: files,
		Lookup:       func(*ast.CallExpr) *Call { return nil },
		IsClassifier: func(*types.Func) bool { return false },
		Decls:        map[*types.Func]*ast.FuncDecl{},
		parents:      map[ast.Node]ast.Node{},
		indexed:      map[ast.Decl]bool{},
		asked:        map[ast.Decl]int{},
		noReturn:     map[*types.Func]bool{},
		owners:       map[*types.Func]*OwnerFact{},
		retries:      map[*types.Func]*RetryFact{},
		logouts:      map[*types.Func]*RawLogoutFact{},
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					e.Decls[fn] = fd
				}
			}
		}
	}
	return e
}

// Parent returns the syntactic parent of n (nil for a file or a node the
// package's files do not contain).
func (e *Env) Parent(n ast.Node) ast.Node {
	e.mu.Lock()
	defer e.mu.Unlock()
	if p, ok := e.parents[n]; ok {
		return p
	}
	// A few questions about a declaration are answered by a descent from
	// it; indexing every node of it pays off only for many.
	if d := e.decl(n.Pos()); d != nil && !e.indexed[d] {
		if e.asked[d] < descentsBeforeIndex {
			e.asked[d]++
			return e.descend(d, n)
		}
	}
	e.index(n)
	return e.parents[n]
}

// descends reports whether a question about the ancestors of n is answered
// by a descent from its declaration, and counts it as one of the few such
// answers the declaration gets before its parents are indexed (see Parent).
func (e *Env) descends(n ast.Node) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.parents[n]; ok {
		return false
	}
	d := e.decl(n.Pos())
	if d == nil || e.indexed[d] || e.asked[d] >= descentsBeforeIndex {
		return false
	}
	e.asked[d]++
	return true
}

// descentsBeforeIndex is how many Parent questions about one top-level
// declaration are answered by a descent before its nodes are indexed.
const descentsBeforeIndex = 64

// descend returns the parent of n by a walk from the top-level declaration
// d down the nodes that hold n (the file for d itself).
func (e *Env) descend(d ast.Decl, n ast.Node) ast.Node {
	if n == d {
		for _, f := range e.Files {
			if d.Pos() >= f.FileStart && d.Pos() < f.FileEnd {
				return f
			}
		}
		return nil
	}
	sc := scratchPool.get()
	defer scratchPool.put(sc)
	held := holders(d, n, sc.path[:0])
	var parent ast.Node
	if len(held) >= 2 {
		parent = held[len(held)-2]
	}
	for i := range held {
		held[i] = nil // nothing kept alive by the pool
	}
	if cap(held) > cap(sc.path) {
		sc.path = held[:0]
	}
	return parent
}

// holders returns the nodes from root down to n, both included, found by
// one walk through the nodes whose extent holds n's, appended to stack
// (empty); nil when root does not hold n.
func holders(root, n ast.Node, stack []ast.Node) []ast.Node {
	found := false
	pos, end := n.Pos(), n.End()
	astwalk.Inspect(root, func(m ast.Node) bool {
		switch {
		case m == nil:
			if !found {
				stack[len(stack)-1] = nil // a pooled stack keeps nothing alive
				stack = stack[:len(stack)-1]
			}
			return false
		case found:
			return false
		case m == n:
			found = true
		case m.Pos() > pos || m.End() < end:
			return false
		}
		stack = append(stack, m)
		return !found
	})
	if !found {
		return nil
	}
	return stack
}

// index records the parents of the nodes of the top-level declaration that
// holds n (e.mu held).
func (e *Env) index(n ast.Node) {
	pos := n.Pos()
	for _, f := range e.Files {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		decls := f.Decls
		i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > pos })
		if i >= len(decls) || decls[i].Pos() > pos || e.indexed[decls[i]] {
			return
		}
		d := decls[i]
		e.indexed[d] = true
		e.parents[d] = f
		stack := []ast.Node{f}
		astwalk.Inspect(d, func(m ast.Node) bool {
			if m == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			e.parents[m] = stack[len(stack)-1]
			stack = append(stack, m)
			return true
		})
		return
	}
}

// Unparent returns the first ancestor of n that is not a parenthesis, and
// the child of it on the way (n itself or its outermost parenthesis).
func (e *Env) Unparent(n ast.Node) (parent, child ast.Node) {
	child = n
	parent = e.Parent(n)
	for {
		pe, ok := parent.(*ast.ParenExpr)
		if !ok {
			return parent, child
		}
		child, parent = pe, e.Parent(pe)
	}
}

// Decl returns the declaration of a function of this package (of its
// origin, for an instantiated generic), or nil.
func (e *Env) Decl(fn *types.Func) *ast.FuncDecl {
	if fn == nil {
		return nil
	}
	return e.Decls[fn.Origin()]
}

// Callee is the function or method a call calls statically, or nil.
func (e *Env) Callee(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(e.Info, call).(*types.Func)
	return fn
}

// Enclosing returns the innermost function declaration or literal whose
// body contains n, or nil.
func (e *Env) Enclosing(n ast.Node) ast.Node {
	// A descent is one of the few a declaration gets before its parents
	// are indexed: a function of thousands of logins asks about each, and
	// a descent for each walked its body again and again.
	if !e.descends(n) {
		for p := e.Parent(n); p != nil; p = e.Parent(p) {
			switch p.(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				return p
			}
		}
		return nil
	}
	// Descend from the top-level declaration through the nodes that hold
	// n, without indexing the declaration's parents.
	d := e.decl(n.Pos())
	if d == nil {
		return nil
	}
	var found ast.Node
	pos, end := n.Pos(), n.End()
	astwalk.Inspect(d, func(m ast.Node) bool {
		if m == nil || m == n || m.Pos() > pos || m.End() < end {
			return false
		}
		switch m.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			found = m
		}
		return true
	})
	return found
}

// decl returns the top-level declaration that holds pos.
func (e *Env) decl(pos token.Pos) ast.Decl {
	for _, f := range e.Files {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		decls := f.Decls
		i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > pos })
		if i < len(decls) && decls[i].Pos() <= pos {
			return decls[i]
		}
		return nil
	}
	return nil
}

// MayReturn is the go/cfg callback: false for calls that end the process or
// the goroutine (panic, os.Exit, log.Fatal, runtime.Goexit, testing's
// FailNow/Fatal/Skip, Fatal/Exit/Panic of logging packages) and for the
// functions, of this package or another, that always do one of these.
func (e *Env) MayReturn(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(e.Info, call).(type) {
	case *types.Builtin:
		return fn.Name() != "panic"
	case *types.Func:
		return !e.noReturnFunc(fn)
	}
	return true
}

// noReturnNames are the level methods and functions of logging packages
// that end the process.
var noReturnNames = map[string]bool{
	"Fatal": true, "Fatalf": true, "Fatalln": true, "Fatalw": true,
	"Panic": true, "Panicf": true, "Panicln": true, "Panicw": true,
	"Exit": true, "Exitf": true, "Exitln": true, "ExitDepth": true, "FatalDepth": true,
}

func (e *Env) noReturnFunc(fn *types.Func) bool {
	fn = fn.Origin()
	if e.noReturn[fn] {
		return true
	}
	if fn.Pkg() == nil {
		return false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch path {
	case "os", "syscall":
		return name == "Exit"
	case "runtime":
		return name == "Goexit"
	case "log":
		return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")
	case "testing":
		switch name {
		case "FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf":
			return true
		}
		return false
	}
	if noReturnNames[name] && (strings.Contains(path, "log") || strings.Contains(path, "zap")) {
		sig, _ := fn.Type().(*types.Signature)
		// zerolog's log.Fatal() only builds an event.
		return sig == nil || sig.Results().Len() == 0
	}
	if fn.Pkg() != e.Pkg && e.Import != nil {
		return e.Import.NoReturn(fn)
	}
	return false
}

// NoReturn reports whether a function of this package never returns (as
// DeriveNoReturn found).
func (e *Env) NoReturn(fn *types.Func) bool { return e.noReturn[fn.Origin()] }

// DeriveNoReturn finds the package's functions that never return normally
// (every path panics, exits or calls such a function), to a fixpoint.
func (e *Env) DeriveNoReturn() {
	if e.noReturnDone {
		return
	}
	e.noReturnDone = true
	type cand struct {
		fn   *types.Func
		body *ast.BlockStmt
	}
	var cands []cand
	nodes := e.Nodes()
	for fn, fd := range e.Decls {
		// A function whose statements call nothing that may not return
		// cannot be one; only call statements matter to go/cfg.
		maybe := false
		nodes.EachInBody(fd, func(n ast.Node, inLit bool) {
			es, ok := n.(*ast.ExprStmt)
			if maybe || inLit || !ok {
				return
			}
			if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
				callee := typeutil.Callee(e.Info, call)
				if f, ok := callee.(*types.Func); ok && (e.Decls[f.Origin()] != nil || e.noReturnFunc(f)) {
					maybe = true
				}
				if b, ok := callee.(*types.Builtin); ok && b.Name() == "panic" {
					maybe = true
				}
			}
		})
		if maybe {
			cands = append(cands, cand{fn, fd.Body})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			if e.noReturn[c.fn] {
				continue
			}
			if cfg.New(c.body, e.MayReturn).NoReturn() {
				e.noReturn[c.fn] = true
				changed = true
			}
		}
	}
}

// NoReturnFuncs returns the package's functions that never return.
func (e *Env) NoReturnFuncs() []*types.Func { return sortedFuncs(e.noReturn) }

// IsLogoutCall reports whether the call ends some session: a resolved
// logout (library, wrapper or declared) or a raw logout request or helper.
func (e *Env) IsLogoutCall(call *ast.CallExpr) bool {
	if c := e.Lookup(call); c != nil && c.Kind == sfapi.Logout {
		return true
	}
	soap, rev := e.RawLogoutOf(call)
	return soap || rev
}

// RawLogoutOf returns what a call ends with a raw HTTP request: a SOAP
// logout() or a token revocation, directly or through a helper function.
func (e *Env) RawLogoutOf(call *ast.CallExpr) (soap, revoke bool) {
	if c := e.Lookup(call); c != nil && c.Kind == sfapi.Logout && c.Endpoint != nil {
		return c.Endpoint.Vocab == sfapi.SOAP, c.Endpoint.Vocab == sfapi.OAuth
	}
	fn := e.Callee(call)
	if fn == nil {
		return false, false
	}
	if f := e.rawLogout(fn); f != nil {
		return f.SOAP, f.Revoke
	}
	return false, false
}

func (e *Env) rawLogout(fn *types.Func) *RawLogoutFact {
	fn = fn.Origin()
	if f := e.logouts[fn]; f != nil {
		return f
	}
	if fn.Pkg() != e.Pkg && e.Import != nil {
		return e.Import.RawLogout(fn)
	}
	return nil
}

// Owner returns what fn does with its parameters that can hold a session
// (nil: not known, every such parameter is taken over).
func (e *Env) Owner(fn *types.Func) *OwnerFact {
	fn = fn.Origin()
	if f, ok := e.owners[fn]; ok {
		return f
	}
	if fn.Pkg() != e.Pkg && e.Import != nil {
		return e.Import.Owner(fn)
	}
	return nil
}

// RetryOf returns the fact of a retry helper of the user's (nil: none).
func (e *Env) RetryOf(fn *types.Func) *RetryFact {
	fn = fn.Origin()
	if f, ok := e.retries[fn]; ok {
		return f
	}
	if fn.Pkg() != e.Pkg && e.Import != nil {
		return e.Import.Retry(fn)
	}
	return nil
}
