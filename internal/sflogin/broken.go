package sflogin

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/sflint/sflint/internal/flow"
)

// Code that does not fully type-check is analysed where it can be: the
// analyzers run on the whole package (they run despite errors), and a
// finding in a declaration that does not type-check is dropped, because
// what the analysis saw there is not what the code means. A declaration is
// broken when it holds the position of a type error, a syntax error (a Bad*
// node of a partial tree), or a use of a package whose import failed (go/types
// reports the failed import once, at the import, and stays silent at its uses).

// Broken is the set of declarations of a package that do not type-check.
type Broken struct {
	fset  *token.FileSet
	decls []brokenDecl // sorted by position
}

type brokenDecl struct {
	pos, end token.Pos
	name     string
}

// FindBroken returns the declarations of files that do not type-check.
//
// nodes, when not nil, are the nodes of the files gathered by flow.NewNodes:
// their Bad positions spare a walk looking for them.
func FindBroken(fset *token.FileSet, files []*ast.File, info *types.Info, typeErrors []types.Error, nodes *flow.Nodes) *Broken {
	b := &Broken{fset: fset}
	failed := map[string]bool{} // import paths that could not be imported
	var errPos []token.Pos
	for _, te := range typeErrors {
		if te.Fset != nil && te.Fset != fset {
			continue
		}
		errPos = append(errPos, te.Pos)
		if rest, ok := strings.CutPrefix(te.Msg, "could not import "); ok {
			path, _, _ := strings.Cut(rest, " ")
			failed[path] = true
		}
	}
	sort.Slice(errPos, func(i, j int) bool { return errPos[i] < errPos[j] })
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				continue // a failed import breaks the declarations that use it
			}
			bad := false
			if nodes != nil {
				bad = slices.ContainsFunc(nodes.Bad, func(p token.Pos) bool { return p == d.Pos() || d.Pos() < p && p < d.End() })
			} else {
				bad = hasBad(d)
			}
			if b.holds(d, errPos) || bad || usesFailed(d, info, failed) {
				name := declName(d)
				if name == "_" || name == "a declaration" {
					name = fmt.Sprintf("%s at line %d", name, fset.Position(d.Pos()).Line)
				}
				b.decls = append(b.decls, brokenDecl{pos: d.Pos(), end: d.End(), name: name})
			}
		}
	}
	sort.Slice(b.decls, func(i, j int) bool { return b.decls[i].pos < b.decls[j].pos })
	return b
}

func (b *Broken) holds(d ast.Decl, errPos []token.Pos) bool {
	i := sort.Search(len(errPos), func(i int) bool { return errPos[i] >= d.Pos() })
	return i < len(errPos) && errPos[i] < d.End()
}

func hasBad(n ast.Node) bool {
	return flow.Any(n, false, func(m ast.Node) bool {
		switch m.(type) {
		case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
			return true
		}
		return false
	})
}

func usesFailed(n ast.Node, info *types.Info, failed map[string]bool) bool {
	if len(failed) == 0 || info == nil {
		return false
	}
	return flow.Any(n, false, func(m ast.Node) bool {
		id, ok := m.(*ast.Ident)
		if !ok {
			return false
		}
		pn, ok := info.Uses[id].(*types.PkgName)
		return ok && pn.Imported() != nil && failed[pn.Imported().Path()]
	})
}

// declName names a declaration for messages: f, (*T).M, T, x.
func declName(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			t := types.ExprString(d.Recv.List[0].Type)
			if strings.HasPrefix(t, "*") {
				t = "(" + t + ")"
			}
			return t + "." + d.Name.Name
		}
		return d.Name.Name
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				return s.Name.Name
			case *ast.ValueSpec:
				if len(s.Names) > 0 {
					return s.Names[0].Name
				}
			}
		}
	}
	return "a declaration"
}

// Holds reports whether pos lies in a declaration that does not type-check.
func (b *Broken) Holds(pos token.Pos) bool {
	if b == nil {
		return false
	}
	i := sort.Search(len(b.decls), func(i int) bool { return b.decls[i].end > pos })
	return i < len(b.decls) && b.decls[i].pos <= pos
}

// Names returns the names of the broken declarations, in source order.
func (b *Broken) Names() []string {
	if b == nil {
		return nil
	}
	out := make([]string, len(b.decls))
	for i, d := range b.decls {
		out[i] = d.name
	}
	return out
}

// Len is the number of broken declarations.
func (b *Broken) Len() int {
	if b == nil {
		return 0
	}
	return len(b.decls)
}

// Covers reports whether the directive covers code in a declaration that
// does not type-check (its line, the line below, its function): whether it
// was used cannot be judged there, the findings being dropped.
func (r *Result) Covers(d *Directive) bool {
	b := r.Broken()
	if b.Len() == 0 {
		return false
	}
	if b.Holds(d.Pos) || d.Func != nil && b.Holds(d.Func.Pos()) {
		return true
	}
	if d.file != nil && d.line < d.file.LineCount() {
		return b.Holds(d.file.LineStart(d.line + 1))
	}
	return false
}
