package driver

import (
	"bufio"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/sflint/sflint/internal/sflogin"
)

// Finding is one diagnostic of a root package, with its position resolved.
type Finding struct {
	Analyzer *analysis.Analyzer
	PkgID    string
	Posn     token.Position
	End      token.Position
	Diag     analysis.Diagnostic
	Fset     *token.FileSet
	// Suppressed is set for diagnostics a //sflint:ignore directive silenced.
	Suppressed bool
	// Directive is the directive that silenced it (nil unless Suppressed).
	Directive *sflogin.Directive
	// Baselined is set for findings the -baseline file records.
	Baselined bool
	// Func names the enclosing function or package-level declaration.
	Func string

	lineHash string // hash of the offending line's trimmed text
}

// Hidden reports whether the finding is not reported: silenced by a
// directive or recorded in the baseline.
func (f *Finding) Hidden() bool { return f.Suppressed || f.Baselined }

// collect gathers the findings of the root actions, de-duplicated (a file
// belongs to a package and its test variant) and sorted, and the distinct
// analysis failures.
func collect(graph *checker.Graph) ([]*Finding, []string) {
	type key struct {
		posn     token.Position
		analyzer string
		msg      string
	}
	seen := map[key]bool{}
	var out []*Finding
	src := sources{}
	add := func(act *checker.Action, d analysis.Diagnostic, dir *sflogin.Directive, a *analysis.Analyzer) {
		fset := act.Package.Fset
		f := &Finding{Analyzer: a, PkgID: act.Package.ID, Posn: fset.Position(d.Pos), Diag: d, Fset: fset, Suppressed: dir != nil, Directive: dir}
		if d.End.IsValid() {
			f.End = fset.Position(d.End)
		}
		k := key{f.Posn, a.Name, d.Message}
		if seen[k] {
			return
		}
		seen[k] = true
		src.annotate(f, act.Package.Syntax)
		out = append(out, f)
	}
	var failures []string
	failed := map[string]bool{}
	roots := map[*analysis.Analyzer]bool{}
	for _, act := range graph.Roots {
		roots[act.Analyzer] = true
	}
	for act := range graph.All() {
		if act.Err != nil && (len(act.Package.Errors) > 0 || act.Package.IllTyped) {
			continue // the package's own errors were printed already
		}
		if act.Err != nil {
			msg := fmt.Sprintf("%s: %s: %s", act.Package.PkgPath, act.Analyzer.Name, oneLine(act.Err.Error()))
			if !failed[msg] {
				failed[msg] = true
				failures = append(failures, msg)
			}
			continue
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				add(act, d, nil, act.Analyzer)
			}
		}
	}
	// Suppressed diagnostics live in the shared pass's result of each root package.
	for _, act := range graph.Roots {
		for _, dep := range act.Deps {
			res, ok := dep.Result.(*sflogin.Result)
			if !ok || dep.Err != nil {
				continue
			}
			for _, s := range res.Suppressions(act.Analyzer.Name) {
				add(act, s.Diag, s.Directive, act.Analyzer)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Posn.Filename != b.Posn.Filename {
			return a.Posn.Filename < b.Posn.Filename
		}
		if a.Posn.Offset != b.Posn.Offset {
			return a.Posn.Offset < b.Posn.Offset
		}
		if a.Analyzer.Name != b.Analyzer.Name {
			return a.Analyzer.Name < b.Analyzer.Name
		}
		return a.Diag.Message < b.Diag.Message
	})
	sort.Strings(failures)
	return out, failures
}

func countReported(fs []*Finding) int {
	n := 0
	for _, f := range fs {
		if !f.Hidden() {
			n++
		}
	}
	return n
}

// reported returns the findings that are reported (not hidden).
func reported(fs []*Finding) []*Finding {
	var out []*Finding
	for _, f := range fs {
		if !f.Hidden() {
			out = append(out, f)
		}
	}
	return out
}

// formats are the output writers by -format name.
var formats = map[string]func(io.Writer, []*Finding, *Options) error{
	"text":  writeText,
	"json":  writeJSON,
	"sarif": writeSARIF,
}

func formatNames() []string {
	var names []string
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// writeText prints "file:line:col: message (analyzer)", with -c lines of context.
func writeText(w io.Writer, findings []*Finding, opts *Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		if f.Hidden() {
			continue
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s (%s)\n", relPath(f.Posn.Filename), f.Posn.Line, f.Posn.Column, f.Diag.Message, f.Analyzer.Name)
		for _, r := range f.Diag.Related {
			p := f.Fset.Position(r.Pos)
			fmt.Fprintf(bw, "\t%s:%d:%d: %s\n", relPath(p.Filename), p.Line, p.Column, r.Message)
		}
		if opts.Context >= 0 {
			printContext(bw, f, opts.Context)
		}
	}
	return bw.Flush()
}

func printContext(w io.Writer, f *Finding, n int) {
	data, err := os.ReadFile(f.Posn.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	end := f.Posn.Line
	if f.End.IsValid() && f.End.Line > end {
		end = f.End.Line
	}
	for i := max(f.Posn.Line-n, 1); i <= min(end+n, len(lines)); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

// The JSON shape is go vet's: package ID -> analyzer -> diagnostics.
type jsonDiag struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end,omitempty"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

func posnString(p token.Position) string {
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
}

func writeJSON(w io.Writer, findings []*Finding, _ *Options) error {
	tree := map[string]map[string][]jsonDiag{}
	for _, f := range findings {
		if f.Hidden() {
			continue
		}
		d := jsonDiag{Category: f.Diag.Category, Posn: posnString(f.Posn), Message: f.Diag.Message}
		if f.End.IsValid() {
			d.End = posnString(f.End)
		}
		for _, sf := range f.Diag.SuggestedFixes {
			jf := jsonFix{Message: sf.Message}
			for _, e := range sf.TextEdits {
				start := f.Fset.Position(e.Pos)
				end := start
				if e.End.IsValid() {
					end = f.Fset.Position(e.End)
				}
				jf.Edits = append(jf.Edits, jsonEdit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		for _, r := range f.Diag.Related {
			d.Related = append(d.Related, jsonRelated{Posn: posnString(f.Fset.Position(r.Pos)), Message: r.Message})
		}
		m := tree[f.PkgID]
		if m == nil {
			m = map[string][]jsonDiag{}
			tree[f.PkgID] = m
		}
		m[f.Analyzer.Name] = append(m[f.Analyzer.Name], d)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}
