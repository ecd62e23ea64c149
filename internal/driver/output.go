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

	"github.com/sflint/sflint/internal/sflogin"
)

// Finding is one diagnostic of a root package, with its position resolved.
type Finding struct {
	Analyzer *analysis.Analyzer
	PkgID    string
	// Posn and End are where the finding is reported: they follow //line
	// directives, as go vet's positions do.
	Posn, End token.Position
	// Real and RealEnd are the same places in the file sflint read, not
	// following //line directives: whatever reads or writes a file (fixes,
	// -diff, -c, the columns and edits of JSON and SARIF) uses these.
	Real, RealEnd token.Position
	Diag          analysis.Diagnostic
	Fset          *token.FileSet
	// Suppressed is set for diagnostics a //sflint:ignore directive silenced.
	Suppressed bool
	// Directive is the directive that silenced it (nil unless Suppressed).
	Directive *sflogin.Directive
	// Baselined is set for findings the -baseline file records.
	Baselined bool
	// Func names the enclosing function or package-level declaration.
	Func string

	lineHash string // hash of the offending line's trimmed text
	// fixFile is "" when fixes may edit the file of Real, else why not.
	fixFile string
	// generated: the file of Real is generated code (fixes are not applied).
	generated bool
	// root is the place of the finding's package among the packages named.
	root int
}

// Hidden reports whether the finding is not reported: silenced by a
// directive or recorded in the baseline.
func (f *Finding) Hidden() bool { return f.Suppressed || f.Baselined }

// dedupFindings drops repeated findings (a file belongs to a package and
// its test variant) and sorts the rest.
func dedupFindings(in []*Finding) []*Finding {
	type key struct {
		posn     token.Position
		analyzer string
		msg      string
	}
	seen := map[key]bool{}
	var out []*Finding
	for _, f := range in {
		k := key{f.Posn, f.Analyzer.Name, f.Diag.Message}
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
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
	return out
}

func sortedFailures(f []string) []string {
	sort.Strings(f)
	return f
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

// printContext prints the lines around the finding from the file sflint
// read, at their real line numbers (a //line directive names another file,
// or other lines). Code that is not the package's own source (what cgo
// generated from it) has no context printed.
func printContext(w io.Writer, f *Finding, n int) {
	if f.fixFile != "" {
		return
	}
	data, err := os.ReadFile(f.Real.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	end := f.Real.Line
	if f.RealEnd.IsValid() && f.RealEnd.Line > end && f.RealEnd.Filename == f.Real.Filename {
		end = f.RealEnd.Line
	}
	for i := max(f.Real.Line-n, 1); i <= min(end+n, len(lines)); i++ {
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

// jsonError is go vet's form of an analysis that did not complete: a
// package's "typecheck" entry says what of it was left out for its errors.
type jsonError struct {
	Error string `json:"error"`
}

func writeJSON(w io.Writer, findings []*Finding, opts *Options) error {
	tree := map[string]map[string]any{}
	for _, p := range opts.partial {
		if tree[p.ID] == nil {
			tree[p.ID] = map[string]any{}
		}
		tree[p.ID]["typecheck"] = jsonError{Error: p.Line()}
	}
	for _, f := range findings {
		if f.Hidden() {
			continue
		}
		d := jsonDiag{Category: f.Diag.Category, Posn: posnString(f.Posn), Message: f.Diag.Message}
		if f.End.IsValid() {
			d.End = posnString(f.End)
		}
		for _, sf := range f.Diag.SuggestedFixes {
			// Edits are byte offsets in the file sflint read (not one a
			// //line directive names).
			name, edits, why := fixEdits(f, sf)
			if why != "" {
				continue
			}
			jf := jsonFix{Message: sf.Message}
			for _, e := range edits {
				jf.Edits = append(jf.Edits, jsonEdit{Filename: name, Start: e.Start, End: e.End, New: e.New})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		for _, r := range f.Diag.Related {
			d.Related = append(d.Related, jsonRelated{Posn: posnString(f.Fset.Position(r.Pos)), Message: r.Message})
		}
		m := tree[f.PkgID]
		if m == nil {
			m = map[string]any{}
			tree[f.PkgID] = m
		}
		list, _ := m[f.Analyzer.Name].([]jsonDiag)
		m[f.Analyzer.Name] = append(list, d)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}
