// Package astwalk walks syntax trees the way ast.Inspect does, without its
// costs: ast.Inspect hands each node to an ast.Visitor through an interface
// (twice per node), and the function it is given escapes to the heap with
// every variable it captures, so that each walk allocates. The analyses
// walk the same bodies many times over (a login's questions look into the
// statements along its paths), and these allocations and calls were a good
// part of what sflint spends above the cost of loading the code
// (docs/performance.md).
//
// Inspect visits the same nodes in the same order as ast.Inspect, with the
// same nil calls after the children of a node whose call returned true: a
// test holds the two to the same sequence on real files.
package astwalk

import "go/ast"

// Inspect traverses the tree rooted at root in depth-first order: it calls
// fn(root); if that returns true, it inspects each non-nil child of root in
// turn, then calls fn(nil). fn does not escape.
func Inspect(root ast.Node, fn func(ast.Node) bool) {
	if root == nil {
		return
	}
	visit(root, fn)
}

// visit calls fn on n, its children and the closing nil.
func visit(n ast.Node, fn func(ast.Node) bool) {
	if !fn(n) {
		return
	}
	children(n, fn)
	fn(nil)
}

// The opt functions visit n unless it is nil: the optional parts of a
// node (a doc comment, a for statement's condition) may be missing, and a
// nil pointer of a node type is not a nil ast.Node, so each kind has its
// own check.
func optExpr(n ast.Expr, fn func(ast.Node) bool) {
	if n != nil {
		visit(n, fn)
	}
}

func optStmt(n ast.Stmt, fn func(ast.Node) bool) {
	if n != nil {
		visit(n, fn)
	}
}

func optComments(g *ast.CommentGroup, fn func(ast.Node) bool) {
	if g != nil {
		visit(g, fn)
	}
}

func optFields(l *ast.FieldList, fn func(ast.Node) bool) {
	if l != nil {
		visit(l, fn)
	}
}

func optIdent(id *ast.Ident, fn func(ast.Node) bool) {
	if id != nil {
		visit(id, fn)
	}
}

func optBlock(b *ast.BlockStmt, fn func(ast.Node) bool) {
	if b != nil {
		visit(b, fn)
	}
}

// list visits each node of a list, in order.
func list[N ast.Node](l []N, fn func(ast.Node) bool) {
	for _, n := range l {
		visit(n, fn)
	}
}

// children visits the children of n, in the order of ast.Walk.
func children(n ast.Node, fn func(ast.Node) bool) {
	switch n := n.(type) {
	// expressions and types
	case *ast.Ident, *ast.BasicLit, *ast.BadExpr:
		// leaves
	case *ast.CallExpr:
		visit(n.Fun, fn)
		list(n.Args, fn)
	case *ast.SelectorExpr:
		visit(n.X, fn)
		visit(n.Sel, fn)
	case *ast.BinaryExpr:
		visit(n.X, fn)
		visit(n.Y, fn)
	case *ast.UnaryExpr:
		visit(n.X, fn)
	case *ast.StarExpr:
		visit(n.X, fn)
	case *ast.ParenExpr:
		visit(n.X, fn)
	case *ast.CompositeLit:
		optExpr(n.Type, fn)
		list(n.Elts, fn)
	case *ast.KeyValueExpr:
		visit(n.Key, fn)
		visit(n.Value, fn)
	case *ast.FuncLit:
		visit(n.Type, fn)
		visit(n.Body, fn)
	case *ast.IndexExpr:
		visit(n.X, fn)
		visit(n.Index, fn)
	case *ast.IndexListExpr:
		visit(n.X, fn)
		list(n.Indices, fn)
	case *ast.SliceExpr:
		visit(n.X, fn)
		optExpr(n.Low, fn)
		optExpr(n.High, fn)
		optExpr(n.Max, fn)
	case *ast.TypeAssertExpr:
		visit(n.X, fn)
		optExpr(n.Type, fn) // nil in x.(type)
	case *ast.Ellipsis:
		optExpr(n.Elt, fn)
	case *ast.ArrayType:
		optExpr(n.Len, fn)
		visit(n.Elt, fn)
	case *ast.MapType:
		visit(n.Key, fn)
		visit(n.Value, fn)
	case *ast.ChanType:
		visit(n.Value, fn)
	case *ast.FuncType:
		optFields(n.TypeParams, fn)
		optFields(n.Params, fn)
		optFields(n.Results, fn)
	case *ast.StructType:
		visit(n.Fields, fn)
	case *ast.InterfaceType:
		visit(n.Methods, fn)
	// statements
	case *ast.BadStmt, *ast.EmptyStmt:
		// leaves
	case *ast.ExprStmt:
		visit(n.X, fn)
	case *ast.AssignStmt:
		list(n.Lhs, fn)
		list(n.Rhs, fn)
	case *ast.BlockStmt:
		list(n.List, fn)
	case *ast.IfStmt:
		optStmt(n.Init, fn)
		visit(n.Cond, fn)
		visit(n.Body, fn)
		optStmt(n.Else, fn)
	case *ast.ReturnStmt:
		list(n.Results, fn)
	case *ast.DeclStmt:
		visit(n.Decl, fn)
	case *ast.IncDecStmt:
		visit(n.X, fn)
	case *ast.SendStmt:
		visit(n.Chan, fn)
		visit(n.Value, fn)
	case *ast.GoStmt:
		visit(n.Call, fn)
	case *ast.DeferStmt:
		visit(n.Call, fn)
	case *ast.LabeledStmt:
		visit(n.Label, fn)
		visit(n.Stmt, fn)
	case *ast.BranchStmt:
		optIdent(n.Label, fn)
	case *ast.ForStmt:
		optStmt(n.Init, fn)
		optExpr(n.Cond, fn)
		optStmt(n.Post, fn)
		visit(n.Body, fn)
	case *ast.RangeStmt:
		optExpr(n.Key, fn)
		optExpr(n.Value, fn)
		visit(n.X, fn)
		visit(n.Body, fn)
	case *ast.SwitchStmt:
		optStmt(n.Init, fn)
		optExpr(n.Tag, fn)
		visit(n.Body, fn)
	case *ast.TypeSwitchStmt:
		optStmt(n.Init, fn)
		visit(n.Assign, fn)
		visit(n.Body, fn)
	case *ast.SelectStmt:
		visit(n.Body, fn)
	case *ast.CaseClause:
		list(n.List, fn)
		list(n.Body, fn)
	case *ast.CommClause:
		optStmt(n.Comm, fn)
		list(n.Body, fn)
	// specs
	case *ast.ValueSpec:
		optComments(n.Doc, fn)
		list(n.Names, fn)
		optExpr(n.Type, fn)
		list(n.Values, fn)
		optComments(n.Comment, fn)
	case *ast.TypeSpec:
		optComments(n.Doc, fn)
		visit(n.Name, fn)
		optFields(n.TypeParams, fn)
		visit(n.Type, fn)
		optComments(n.Comment, fn)
	case *ast.ImportSpec:
		optComments(n.Doc, fn)
		optIdent(n.Name, fn)
		visit(n.Path, fn)
		optComments(n.Comment, fn)
	// declarations
	case *ast.FuncDecl:
		optComments(n.Doc, fn)
		optFields(n.Recv, fn)
		visit(n.Name, fn)
		visit(n.Type, fn)
		optBlock(n.Body, fn)
	case *ast.GenDecl:
		optComments(n.Doc, fn)
		list(n.Specs, fn)
	case *ast.BadDecl:
		// a leaf
	// files, field lists, fields and comments
	case *ast.File:
		optComments(n.Doc, fn)
		visit(n.Name, fn)
		list(n.Decls, fn)
	case *ast.FieldList:
		list(n.List, fn)
	case *ast.Field:
		optComments(n.Doc, fn)
		list(n.Names, fn)
		optExpr(n.Type, fn)
		if n.Tag != nil { // a *ast.BasicLit: nil is not a nil ast.Expr
			visit(n.Tag, fn)
		}
		optComments(n.Comment, fn)
	case *ast.CommentGroup:
		list(n.List, fn)
	case *ast.Comment:
		// a leaf
	}
}
