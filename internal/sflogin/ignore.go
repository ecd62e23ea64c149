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
	suppressed map[string][]Suppression // analyzer -> diagnostics suppressed
}

// Suppression is a diagnostic that a directive silenced.
type Suppression struct {
	Diag      analysis.Diagnostic
	Directive *Directive
}

// DirectivePrefix starts a suppression comment.
const DirectivePrefix = "//sflint:ignore"

func newIgnoreIndex(pass *analysis.Pass) *ignoreIndex {
	ix := &ignoreIndex{byLine: map[string]map[int][]*Directive{}, used: map[*Directive]map[string]bool{},
		suppressed: map[string][]Suppression{}}
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

// ParseDirective parses one comment as a //sflint:ignore directive (without
// its Func); it returns nil for any other comment.
func ParseDirective(c *ast.Comment) *Directive { return parseDirective(c) }

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
// A diagnostic in a declaration that does not type-check is dropped (see
// Broken).
func (r *Result) Report(pass *analysis.Pass, d analysis.Diagnostic) {
	if r.broken.Holds(d.Pos) {
		return // a declaration that does not type-check: not what the code means
	}
	d = sanitize(pass.Fset, d)
	if r.ignores != nil {
		if dir := r.ignores.match(pass.Fset, pass.Analyzer.Name, d.Pos); dir != nil {
			r.ignores.mu.Lock()
			if r.ignores.used[dir] == nil {
				r.ignores.used[dir] = map[string]bool{}
			}
			r.ignores.used[dir][pass.Analyzer.Name] = true
			r.ignores.suppressed[pass.Analyzer.Name] = append(r.ignores.suppressed[pass.Analyzer.Name], Suppression{d, dir})
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
	var out []analysis.Diagnostic
	for _, s := range r.Suppressions(analyzer) {
		out = append(out, s.Diag)
	}
	return out
}

// Suppressions returns the diagnostics of an analyzer that directives
// suppressed, each with the directive that did it.
func (r *Result) Suppressions(analyzer string) []Suppression {
	if r.ignores == nil {
		return nil
	}
	r.ignores.mu.Lock()
	defer r.ignores.mu.Unlock()
	return append([]Suppression(nil), r.ignores.suppressed[analyzer]...)
}

// sanitize keeps a diagnostic within its file. On broken source (an
// unfinished call at the end of a file) the parser's End positions can point
// past the end of the file; the drivers reject such a diagnostic, failing the
// whole analysis. The range is dropped to the start position, and fixes or
// related locations that leave the file are dropped.
func sanitize(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	tf := fset.File(d.Pos)
	if tf == nil {
		return d
	}
	in := func(p token.Pos) bool { return int(p) >= tf.Base() && int(p) <= tf.Base()+tf.Size() }
	if d.End.IsValid() && (!in(d.End) || d.End < d.Pos) {
		d.End = token.NoPos
	}
	var fixes []analysis.SuggestedFix
	for _, f := range d.SuggestedFixes {
		ok := true
		for _, e := range f.TextEdits {
			ef := fset.File(e.Pos)
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			if ef == nil || int(end) > ef.Base()+ef.Size() || end < e.Pos {
				ok = false
			}
		}
		if ok {
			fixes = append(fixes, f)
		}
	}
	d.SuggestedFixes = fixes
	var related []analysis.RelatedInformation
	for _, ri := range d.Related {
		rf := fset.File(ri.Pos)
		if rf == nil {
			continue
		}
		if ri.End.IsValid() && (int(ri.End) > rf.Base()+rf.Size() || ri.End < ri.Pos) {
			ri.End = token.NoPos
		}
		related = append(related, ri)
	}
	d.Related = related
	return d
}
