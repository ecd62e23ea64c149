package flow

import (
	"go/ast"
	"go/token"
)

// Nodes are the nodes of a package's files that the walks of the whole
// package look for, gathered in one walk, each list in source order (the
// order of ast.Inspect). The shared pass, the model and the entry-point
// finder read them instead of walking the files again.
type Nodes struct {
	// Defs are the assignments and value specs (*ast.AssignStmt,
	// *ast.ValueSpec), in one list: their order counts.
	Defs []ast.Node
	// Calls are the call expressions, and CallFile the file of each.
	Calls    []*ast.CallExpr
	CallFile []*ast.File
	// FuncDecls are the function declarations.
	FuncDecls []*ast.FuncDecl
	// Bad are the positions of the nodes the parser could not parse
	// (*ast.BadExpr, *ast.BadStmt, *ast.BadDecl), file by file.
	Bad []token.Pos
}

// NewNodes gathers the nodes of the files.
func NewNodes(files []*ast.File) *Nodes {
	ns := &Nodes{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt, *ast.ValueSpec:
				ns.Defs = append(ns.Defs, n)
			case *ast.CallExpr:
				ns.Calls = append(ns.Calls, n)
				ns.CallFile = append(ns.CallFile, f)
			case *ast.FuncDecl:
				ns.FuncDecls = append(ns.FuncDecls, n)
			case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
				ns.Bad = append(ns.Bad, n.Pos())
			}
			return true
		})
	}
	return ns
}
