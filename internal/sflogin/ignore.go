package sflogin

import (
	"go/ast"
	"go/token"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Directive is a //sflint:ignore comment.
type Directive struct {
	Pos       token.Pos
	Analyzers []string
	Reason    string
	// Func is set when the directive sits in a function's doc comment: it then
	// covers the whole function.
	Func *ast.FuncDecl
	line int
	file *token.File
}

// ignoreIndex holds the package's directives and which of them were used.
type ignoreIndex struct {
	byLine map[string]map[int][]*Directive // filename -> line -> directives
	funcs  []*Directive
	all    []*Directive

	mu         sync.Mutex
	used       map[*Directive]map[string]bool
	suppressed map[string][]analysis.Diagnostic // analyzer -> diagnostics suppressed
}

// DirectivePrefix starts a suppression comment.
const DirectivePrefix = "//sflint:ignore"

func newIgnoreIndex(pass *analysis.Pass) *ignoreIndex {
	ix := &ignoreIndex{byLine: map[string]map[int][]*Directive{}, used: map[*Directive]map[string]bool{},
		suppressed: map[string][]analysis.Diagnostic{}}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		docs := map[*ast.CommentGroup]*ast.FuncDecl{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docs[fd.Doc] = fd
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := parseDirective(c)
				if d == nil {
					continue
				}
				d.file = tf
				d.line = tf.Line(c.Pos())
				d.Func = docs[cg]
				ix.all = append(ix.all, d)
				if d.Func != nil {
					ix.funcs = append(ix.funcs, d)
					continue
				}
				m := ix.byLine[tf.Name()]
				if m == nil {
					m = map[int][]*Directive{}
					ix.byLine[tf.Name()] = m
				}
				m[d.line] = append(m[d.line], d)
			}
		}
	}
	return ix
}

// parseDirective parses "//sflint:ignore a,b -- reason".
func parseDirective(c *ast.Comment) *Directive {
	text, ok := strings.CutPrefix(c.Text, DirectivePrefix)
	if !ok || (text != "" && text[0] != ' ' && text[0] != '\t') {
		return nil
	}
	names, reason, _ := strings.Cut(text, "--")
	d := &Directive{Pos: c.Pos(), Reason: strings.TrimSpace(reason)}
	for _, n := range strings.Split(strings.TrimSpace(names), ",") {
		if n = strings.TrimSpace(n); n != "" {
			d.Analyzers = append(d.Analyzers, n)
		}
	}
	return d
}

func (d *Directive) names(analyzer string) bool {
	for _, a := range d.Analyzers {
		if a == analyzer {
			return true
		}
	}
	return false
}

// match returns the directive that suppresses a diagnostic of analyzer at pos, or nil.
func (ix *ignoreIndex) match(fset *token.FileSet, analyzer string, pos token.Pos) *Directive {
	p := fset.Position(pos)
	if m := ix.byLine[p.Filename]; m != nil {
		for _, line := range []int{p.Line, p.Line - 1} {
			for _, d := range m[line] {
				if d.names(analyzer) {
					return d
				}
			}
		}
	}
	for _, d := range ix.funcs {
		if d.names(analyzer) && d.Func.Pos() <= pos && pos < d.Func.End() {
			return d
		}
	}
	return nil
}

// Report reports d for the analyzer running pass, unless a //sflint:ignore
// directive on the line, the line above, or the enclosing function's doc
// comment names that analyzer. Every analyzer reports through it, so the
// directive works the same under every driver (sflint, go vet, golangci-lint).
func (r *Result) Report(pass *analysis.Pass, d analysis.Diagnostic) {
	if r.ignores != nil {
		if dir := r.ignores.match(pass.Fset, pass.Analyzer.Name, d.Pos); dir != nil {
			r.ignores.mu.Lock()
			if r.ignores.used[dir] == nil {
				r.ignores.used[dir] = map[string]bool{}
			}
			r.ignores.used[dir][pass.Analyzer.Name] = true
			r.ignores.suppressed[pass.Analyzer.Name] = append(r.ignores.suppressed[pass.Analyzer.Name], d)
			r.ignores.mu.Unlock()
			return
		}
	}
	pass.Report(d)
}

// Directives returns the package's //sflint:ignore directives.
func (r *Result) Directives() []*Directive {
	if r.ignores == nil {
		return nil
	}
	return r.ignores.all
}

// Used reports whether the directive suppressed a diagnostic of the analyzer.
func (r *Result) Used(d *Directive, analyzer string) bool {
	if r.ignores == nil {
		return false
	}
	r.ignores.mu.Lock()
	defer r.ignores.mu.Unlock()
	return r.ignores.used[d][analyzer]
}

// Suppressed returns the diagnostics of an analyzer that directives suppressed.
func (r *Result) Suppressed(analyzer string) []analysis.Diagnostic {
	if r.ignores == nil {
		return nil
	}
	r.ignores.mu.Lock()
	defer r.ignores.mu.Unlock()
	return append([]analysis.Diagnostic(nil), r.ignores.suppressed[analyzer]...)
}
