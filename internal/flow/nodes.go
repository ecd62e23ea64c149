package flow

import (
	"go/ast"
	"go/token"

	"github.com/sflint/sflint/internal/astwalk"
)

// Nodes are the nodes of a package's files that the walks of the whole
// package look for, gathered in one walk, each list in source order (the
// order of ast.Inspect). The shared pass, the model, the entry-point finder
// and the analyzers' package-wide checks read them instead of walking the
// files again.
type Nodes struct {
	// Defs are the assignments and value specs (*ast.AssignStmt,
	// *ast.ValueSpec), in one list: their order counts.
	Defs []ast.Node
	// Calls are the call expressions, and CallFile the file of each.
	Calls    []*ast.CallExpr
	CallFile []*ast.File
	// FuncDecls are the function declarations.
	FuncDecls []*ast.FuncDecl
	// Returns counts the return statements.
	Returns int
	// Bad are the positions of the nodes the parser could not parse
	// (*ast.BadExpr, *ast.BadStmt, *ast.BadDecl), file by file.
	Bad []token.Pos

	// all holds every node of the kinds Gathered names, in the order of
	// ast.Inspect, and inLit whether each is inside a function literal
	// (its signature or its body).
	all   []ast.Node
	inLit []bool
	files map[*ast.File]span     // each file's part of all
	bodys map[*ast.FuncDecl]span // each declaration's body's part of all
}

// Gathered reports whether n is of a kind the walk keeps for InFile and
// InBody: assignments, value specs, calls, binary expressions, composite
// literals, function declarations and literals, and the if, switch,
// type switch, return, expression, inc/dec, range, go and defer statements.
func Gathered(n ast.Node) bool {
	switch n.(type) {
	case *ast.AssignStmt, *ast.ValueSpec, *ast.CallExpr, *ast.BinaryExpr, *ast.CompositeLit,
		*ast.FuncDecl, *ast.FuncLit, *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
		*ast.ReturnStmt, *ast.ExprStmt, *ast.IncDecStmt, *ast.RangeStmt, *ast.GoStmt, *ast.DeferStmt:
		return true
	}
	return false
}

// NewNodes gathers the nodes of the files.
func NewNodes(files []*ast.File) *Nodes {
	ns := &Nodes{files: make(map[*ast.File]span, len(files)), bodys: map[*ast.FuncDecl]span{}}
	// The lists are filled in reused scratch lists and copied out at their
	// length: a package allocates what it keeps, however dense its code.
	sc := nodesPool.get()
	defer nodesPool.put(sc)
	ns.all, ns.inLit, ns.Calls, ns.CallFile, ns.Defs = sc.all, sc.inLit, sc.calls, sc.callFile, sc.defs
	for _, f := range files {
		from := len(ns.all)
		ns.gather(f, f, false)
		ns.files[f] = span{int32(from), int32(len(ns.all))}
	}
	ns.all, sc.all = keep(ns.all)
	ns.inLit, sc.inLit = keep(ns.inLit)
	ns.Calls, sc.calls = keep(ns.Calls)
	ns.CallFile, sc.callFile = keep(ns.CallFile)
	ns.Defs, sc.defs = keep(ns.Defs)
	return ns
}

// nodesScratch holds the lists NewNodes fills, reused from one package to
// the next.
type nodesScratch struct {
	all      []ast.Node
	inLit    []bool
	calls    []*ast.CallExpr
	callFile []*ast.File
	defs     []ast.Node
}

var nodesPool freeList[nodesScratch]

// gather walks root, in file f, inLit when root is inside a function
// literal.
func (ns *Nodes) gather(f *ast.File, root ast.Node, inLit bool) {
	astwalk.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if gd, ok := n.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			return false // import specs hold nothing gathered
		}
		if Gathered(n) {
			ns.all = append(ns.all, n)
			ns.inLit = append(ns.inLit, inLit)
		}
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			ns.Defs = append(ns.Defs, n)
		case *ast.CallExpr:
			ns.Calls = append(ns.Calls, n)
			ns.CallFile = append(ns.CallFile, f)
		case *ast.ReturnStmt:
			ns.Returns++
		case *ast.FuncDecl:
			ns.FuncDecls = append(ns.FuncDecls, n)
			// The body's nodes in a span of their own (InBody); the doc
			// comment and the name hold none.
			if n.Recv != nil {
				ns.gather(f, n.Recv, inLit)
			}
			ns.gather(f, n.Type, inLit)
			if n.Body != nil {
				from := len(ns.all)
				ns.gather(f, n.Body, inLit)
				ns.bodys[n] = span{int32(from), int32(len(ns.all))}
			}
			return false
		case *ast.FuncLit:
			ns.gather(f, n.Type, true)
			ns.gather(f, n.Body, true)
			return false
		case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
			ns.Bad = append(ns.Bad, n.Pos())
		}
		return true
	})
}

// InFile returns the gathered nodes of file f (see Gathered), in the order
// of ast.Inspect; ok is false for a file the walk did not see, and for a
// nil Nodes.
func (ns *Nodes) InFile(f *ast.File) (nodes []ast.Node, ok bool) {
	if ns == nil {
		return nil, false
	}
	s, ok := ns.files[f]
	if !ok {
		return nil, false
	}
	return part(ns.all, s), true
}

// InBody returns the gathered nodes of a function declaration's body (see
// Gathered), in the order of ast.Inspect, and for each whether it is inside
// a function literal; ok is false for a declaration the walk did not see,
// and for a nil Nodes.
func (ns *Nodes) InBody(fd *ast.FuncDecl) (nodes []ast.Node, inLit []bool, ok bool) {
	if ns == nil {
		return nil, nil, false
	}
	s, ok := ns.bodys[fd]
	if !ok {
		return nil, nil, false
	}
	return part(ns.all, s), part(ns.inLit, s), true
}

// Each calls fn for each gathered node of file f (see Gathered), in the
// order of ast.Inspect; a file the gathering did not see (or a nil Nodes)
// is gathered on the spot.
func (ns *Nodes) Each(f *ast.File, fn func(ast.Node)) {
	nodes, ok := ns.InFile(f)
	if !ok {
		nodes, _ = NewNodes([]*ast.File{f}).InFile(f)
	}
	for _, n := range nodes {
		fn(n)
	}
}

// EachInBody calls fn for each gathered node of a function declaration's
// body (see Gathered), in the order of ast.Inspect, with whether it is
// inside a function literal; a declaration the gathering did not see (or a
// nil Nodes) is gathered on the spot.
func (ns *Nodes) EachInBody(fd *ast.FuncDecl, fn func(n ast.Node, inLit bool)) {
	nodes, inLit, ok := ns.InBody(fd)
	if !ok {
		one := &Nodes{bodys: map[*ast.FuncDecl]span{}}
		one.gather(nil, fd, false)
		nodes, inLit, _ = one.InBody(fd)
	}
	for i, n := range nodes {
		fn(n, inLit[i])
	}
}

// OneToOne calls fn with each left-hand side of an assignment (any
// operator) or value spec, a node of Defs, and the value of its own it
// receives: x, y = a, b and var x, y = a, b; nothing for x, err := f(),
// var x T or any other node.
func OneToOne(n ast.Node, fn func(lhs, rhs ast.Expr)) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i, lhs := range n.Lhs {
				fn(lhs, n.Rhs[i])
			}
		}
	case *ast.ValueSpec:
		if len(n.Names) == len(n.Values) {
			for i, id := range n.Names {
				fn(id, n.Values[i])
			}
		}
	}
}
