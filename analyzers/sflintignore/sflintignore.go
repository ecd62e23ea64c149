package sflintignore

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/message"
	"github.com/sflint/sflint/internal/redact"
	"github.com/sflint/sflint/internal/sflogin"
	"github.com/sflint/sflint/internal/suggest"
)

// Name is the analyzer's name.
const Name = "sflintignore"

//go:embed doc.go
var docSrc string

// doc is the analyzer's manual, `sflint help sflintignore`.
var doc = message.Manual(docSrc, Name)

// Config configures the analyzer.
type Config struct {
	// Known are analyzer names a directive may name besides the checks the
	// analyzer runs after: checks that exist but are disabled. A directive
	// naming one is neither unknown nor judged unused.
	Known []string
}

// New returns the analyzer for a configuration. It runs after the shared
// login pass and after checks on every package, so that it knows which
// directives suppressed something; it judges a directive unused only for the
// analyzers among checks.
func New(login *analysis.Analyzer, checks []*analysis.Analyzer, cfg Config) *analysis.Analyzer {
	inst := &instance{login: login, known: map[string]bool{Name: true}}
	for _, c := range checks {
		inst.ran = append(inst.ran, c.Name)
		inst.known[c.Name] = true
	}
	for _, k := range cfg.Known {
		inst.known[k] = true
	}
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/sflint/sflint#sflintignore",
		Requires: append([]*analysis.Analyzer{login}, checks...),
		Run:      inst.run,
		// Directives covering code that does not type-check are not judged.
		RunDespiteErrors: true,
	}
}

type instance struct {
	login *analysis.Analyzer
	ran   []string        // checks that ran on the package before this one
	known map[string]bool // every name a directive may use
}

func (inst *instance) run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[inst.login].(*sflogin.Result)
	if res == nil {
		return nil, nil
	}
	analysed := map[*token.File]bool{}
	for _, f := range res.Files() {
		analysed[pass.Fset.File(f.FileStart)] = true
	}
	dirs := res.Directives()
	if res.Skipped {
		// The shared pass indexes no directive in a package it skips (the
		// checks all return at once there): find them here.
		dirs = nil
		for _, f := range pass.Files {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if d := sflogin.ParseDirective(c); d != nil {
						dirs = append(dirs, d)
					}
				}
			}
		}
	}
	var self []*sflogin.Directive // directives naming this analyzer, judged last
	for _, d := range dirs {
		if inst.checkForm(pass, res, d) {
			continue
		}
		// A directive is judged unused only for checks that ran and looked
		// at its file (_test.go files are left out unless -sflogin.tests).
		tf := pass.Fset.File(d.Pos)
		if !analysed[tf] || res.Covers(d) {
			continue // (or the code it covers does not type-check: its findings are dropped)
		}
		var unused []string
		for _, name := range d.Analyzers {
			switch {
			case name == Name:
				self = append(self, d)
			case slices.Contains(inst.ran, name) && !res.Used(d, name) && !slices.Contains(unused, name):
				unused = append(unused, name)
			}
		}
		inst.reportUnused(pass, res, d, unused)
	}
	for _, d := range self {
		if !res.Used(d, Name) {
			inst.reportUnused(pass, res, d, []string{Name})
		}
	}
	inst.checkNearMisses(pass, res)
	return nil, nil
}

// echo is text of a directive as a message prints it: filtered against the
// string literals of its file, so that a secret pasted into a directive is
// not printed (internal/redact).
func echo(pass *analysis.Pass, d *sflogin.Directive, text string) string {
	if r := []rune(text); len(r) > echoMax {
		text = string(r[:echoMax-1]) + "…" // the first sentence stays short
	}
	for _, f := range pass.Files {
		if f.FileStart <= d.Pos && d.Pos <= f.FileEnd {
			return redact.Text(text, redact.FileSecrets(f))
		}
	}
	return redact.Text(text, nil)
}

// echoMax is the most characters of a directive's text a message repeats.
const echoMax = 32

// checkForm reports a directive that names no analyzer, a name that is not an
// analyzer, or no reason. It reports whether the directive was malformed
// beyond a missing reason (it is then not judged for use).
func (inst *instance) checkForm(pass *analysis.Pass, res *sflogin.Result, d *sflogin.Directive) bool {
	report := func(first, fix string) {
		reportAbout(pass, res, d, analysis.Diagnostic{Pos: d.Pos, End: d.Pos + token.Pos(len(sflogin.DirectivePrefix)), Message: message.Join(first, fix)})
	}
	if len(d.Analyzers) == 0 {
		report("//sflint:ignore names no analyzer, so it suppresses nothing",
			"Write //sflint:ignore <analyzer>[,<analyzer>] -- <reason>; analyzers: "+inst.names())
		return true
	}
	malformed := false
	for _, name := range d.Analyzers {
		switch {
		case strings.ContainsAny(name, " \t"):
			report(fmt.Sprintf("//sflint:ignore %q is not an analyzer name", echo(pass, d, name)),
				fmt.Sprintf("Separate names with commas and put the reason after \" -- \": //sflint:ignore %s -- <reason>", echo(pass, d, strings.Fields(name)[0])))
			malformed = true
		case !inst.known[name]:
			fix := "The analyzers are " + inst.names()
			if near := inst.nearest(name); near != "" {
				fix = "Did you mean " + near + "?"
			}
			report(fmt.Sprintf("//sflint:ignore names %q, which is not an sflint analyzer, so it suppresses nothing", echo(pass, d, name)), fix)
			malformed = true
		}
	}
	if d.Reason == "" && !malformed {
		names := strings.Join(d.Analyzers, ",")
		report("//sflint:ignore "+names+" gives no reason",
			"Say why the finding does not apply after \" -- \": //sflint:ignore "+names+" -- <reason>")
	}
	return malformed
}

// reportUnused reports the analyzers a well-formed directive names but
// suppressed nothing of, with a fix that removes them (or the directive).
func (inst *instance) reportUnused(pass *analysis.Pass, res *sflogin.Result, d *sflogin.Directive, unused []string) {
	if len(unused) == 0 {
		return
	}
	where := "on its line or the next"
	if d.Func != nil {
		where = "in function " + d.Func.Name.Name
	}
	names := strings.Join(unused, ", ")
	var keep []string
	for _, n := range d.Analyzers {
		if !slices.Contains(unused, n) && !slices.Contains(keep, n) {
			keep = append(keep, n)
		}
	}
	diag := analysis.Diagnostic{
		Pos: d.Pos,
		End: d.Pos + token.Pos(len(sflogin.DirectivePrefix)),
	}
	if len(keep) == 0 {
		diag.Message = message.Join(fmt.Sprintf("//sflint:ignore %s suppresses nothing: no %s finding %s", strings.Join(d.Analyzers, ","), names, where),
			"Remove it (a directive covers its own line and the next, or a whole function from its doc comment)")
		if edits := removeComment(pass, d); edits != nil {
			diag.SuggestedFixes = []analysis.SuggestedFix{{Message: "Remove the unused //sflint:ignore directive", TextEdits: edits}}
		}
	} else {
		diag.Message = message.Join(fmt.Sprintf("//sflint:ignore names %s, which reports nothing %s", names, where), "Remove it from the directive")
		if c := commentAt(pass, d.Pos); c != nil && d.Reason != "" {
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message: "Remove " + names + " from the //sflint:ignore directive",
				TextEdits: []analysis.TextEdit{{Pos: c.Pos(), End: c.End(),
					NewText: []byte(sflogin.DirectivePrefix + " " + strings.Join(keep, ",") + " -- " + d.Reason)}},
			}}
		}
	}
	reportAbout(pass, res, d, diag)
}

// reportAbout reports a diagnostic about directive d. Other directives may
// suppress it (//sflint:ignore sflintignore -- reason on the line above), but
// not d itself.
func reportAbout(pass *analysis.Pass, res *sflogin.Result, d *sflogin.Directive, diag analysis.Diagnostic) {
	if res.Skipped || slices.Contains(d.Analyzers, Name) {
		pass.Report(diag)
		return
	}
	res.Report(pass, diag)
}

// checkNearMisses reports "// sflint:ignore name" comments: with a space
// after the slashes they are ordinary comments, and suppress nothing.
func (inst *instance) checkNearMisses(pass *analysis.Pass, res *sflogin.Result) {
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, "//")
				if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
					continue
				}
				fixed := &ast.Comment{Slash: c.Slash, Text: "//" + strings.TrimLeft(rest, " \t")}
				d := sflogin.ParseDirective(fixed)
				if d == nil || !slices.ContainsFunc(d.Analyzers, func(n string) bool { return inst.known[n] }) {
					continue
				}
				diag := analysis.Diagnostic{
					Pos:     c.Pos(),
					End:     c.End(),
					Message: message.Join("this comment is not a //sflint:ignore directive and suppresses nothing", "Remove the space after //"),
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "Write the directive without a space after //",
						TextEdits: []analysis.TextEdit{{Pos: c.Pos(), End: c.End(), NewText: []byte(fixed.Text)}},
					}},
				}
				if res.Skipped {
					pass.Report(diag)
				} else {
					res.Report(pass, diag)
				}
			}
		}
	}
}

// commentAt returns the comment starting at pos.
func commentAt(pass *analysis.Pass, pos token.Pos) *ast.Comment {
	for _, f := range pass.Files {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if c.Pos() == pos {
					return c
				}
			}
		}
	}
	return nil
}

// removeComment returns the edits that delete the directive's comment: the
// whole line when the comment is alone on it, else the comment and the blanks
// before it.
func removeComment(pass *analysis.Pass, d *sflogin.Directive) []analysis.TextEdit {
	c := commentAt(pass, d.Pos)
	tf := pass.Fset.File(d.Pos)
	if c == nil || tf == nil || pass.ReadFile == nil {
		return nil
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	start, end := tf.Offset(c.Pos()), tf.Offset(c.End())
	lineStart := start
	for lineStart > 0 && (src[lineStart-1] == ' ' || src[lineStart-1] == '\t') {
		lineStart--
	}
	if (lineStart == 0 || src[lineStart-1] == '\n') && end < len(src) && src[end] == '\n' {
		end++ // alone on its line: remove the line
	}
	return []analysis.TextEdit{{Pos: tf.Pos(lineStart), End: tf.Pos(end)}}
}

func (inst *instance) names() string {
	var names []string
	for n := range inst.known {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// nearest returns the known name name most likely misspells (the
// "did you mean" of suggest.Closest; a name in the wrong case is its
// lower-case self), or "".
func (inst *instance) nearest(name string) string {
	lower := strings.ToLower(name)
	if inst.known[lower] {
		return lower
	}
	names := make([]string, 0, len(inst.known))
	for n := range inst.known {
		names = append(names, n)
	}
	slices.Sort(names)
	return suggest.Closest(lower, names)
}
