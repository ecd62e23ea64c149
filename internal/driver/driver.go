// Package driver is sflint's standalone command line: it reads .sflint.yml,
// loads the packages' metadata with go/packages, parses, type-checks and
// analyses them package by package (analyze.go), prints the findings (text,
// JSON or SARIF), records or applies a baseline, or applies their fixes, and
// maps the outcome to an exit status.
//
// The go vet protocol (a single *.cfg argument, -flags, -V) is not handled
// here: cmd/sflint hands it to unitchecker.
package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/sflint/sflint/internal/config"
	"github.com/sflint/sflint/internal/suggest"
	"github.com/sflint/sflint/internal/version"
)

// Exit statuses.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // no findings, and packages failed to load or an analyzer failed
	ExitDiff     = 1 // -diff printed a diff (as go vet -fix -diff and gofmt -d)
	ExitUsage    = 2 // bad command line or configuration
	ExitFindings = 3 // findings were reported (errors, if any, are printed too)
)

// Options are the parsed command line.
type Options struct {
	Dir     string // -C
	Format  string // text, json or sarif
	Fix     bool
	Diff    bool
	Context int // -c: lines of source context in text output
	// Tests is the test-file rule in force (-tests, -test=false, or the
	// configuration file's tests key); "" is the default, secrets.
	Tests config.TestRule
	// LoadTests: load the packages' test variants (false under the rule none).
	LoadTests bool
	Config    string // -config
	Version   bool   // -version
	// ShowIgnored keeps findings silenced by //sflint:ignore or by the
	// baseline in the SARIF log, as suppressed results.
	ShowIgnored   bool
	Baseline      string // -baseline: report only findings not in this file
	BaselineWrite string // -baseline-write: record the findings in this file
	Tags          string // -tags: build tags, as go build -tags
	Enabled       []*analysis.Analyzer
	// Login is the shared pass. It is analysed as a root too: the checker
	// drops the results of non-root actions, and the suppressed findings
	// (SARIF) live in its results.
	Login *analysis.Analyzer

	fs       *flag.FlagSet
	analyzer map[*analysis.Analyzer]*triState // the -<analyzer> flags
	checks   []*analysis.Analyzer
	ruleFlag *ruleValue
	testFlag *bool
	errors   []string  // load errors and analysis failures, as printed
	partial  []Partial // the packages named that were analysed in part or not at all
	baseline *baseline // the -baseline file, read
}

// Main runs the command line args (without the program name) with the
// analyzers (the shared pass first, then the checks) and returns the exit status.
func Main(progname string, args []string, stdout, stderr io.Writer, login *analysis.Analyzer, checks []*analysis.Analyzer) int {
	opts, patterns, code := parseFlags(progname, args, stdout, stderr, login, checks)
	if code >= 0 {
		return code
	}
	if opts.Version {
		fmt.Fprintf(stdout, "%s %s\n", progname, version.Get().Long())
		return ExitClean
	}
	if len(patterns) > 0 && patterns[0] == "help" {
		return help(progname, patterns[1:], stdout, stderr, login, checks)
	}
	if len(patterns) == 0 {
		fmt.Fprintf(stderr, "%s: no packages named; usage: %s [flags] packages (run '%s -h' for help)\n", progname, progname, progname)
		return ExitUsage
	}
	if opts.Dir != "" {
		if err := os.Chdir(opts.Dir); err != nil {
			fmt.Fprintf(stderr, "%s: -C %s: %v\n", progname, opts.Dir, cleanErr(err))
			return ExitUsage
		}
	}
	if code := configure(progname, opts, stderr); code >= 0 {
		return code
	}
	if code := checkPatterns(progname, patterns, stderr); code >= 0 {
		return code
	}
	return run(progname, opts, patterns, stdout, stderr)
}

func cleanErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func parseFlags(progname string, args []string, stdout, stderr io.Writer, login *analysis.Analyzer, checks []*analysis.Analyzer) (*Options, []string, int) {
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	opts := &Options{Login: login, fs: fs, checks: checks, analyzer: map[*analysis.Analyzer]*triState{}, ruleFlag: new(ruleValue)}
	fs.StringVar(&opts.Dir, "C", "", "change to `dir` before doing anything else (like go -C)")
	fs.StringVar(&opts.Config, "config", "", "read settings from `file` (default: the .sflint.yml found in the working directory or a parent, up to the module root)")
	fs.StringVar(&opts.Format, "format", "text", "output `format`: text, json or sarif")
	jsonFlag := fs.Bool("json", false, "emit JSON output (same as -format=json)")
	fs.BoolVar(&opts.Fix, "fix", false, "apply all suggested fixes instead of reporting, and print a summary on stderr")
	fs.BoolVar(&opts.Diff, "diff", false, "with -fix (implied), print the fixes as a unified diff instead of writing files; exit 1 if the diff is not empty (it prints source: mind secrets)")
	fs.IntVar(&opts.Context, "c", -1, "display offending line with this many lines of context (it prints source: mind secrets)")
	fs.Var(opts.ruleFlag, "tests", "which analyzers look at _test.go files: `rule` secrets (only hardcodedtoken; the default), all, or none")
	opts.testFlag = fs.Bool("test", true, "load the packages' tests too (-test=false is -tests=none)")
	fs.BoolVar(&opts.ShowIgnored, "show-ignored", false, "with -format=sarif, also write findings silenced by //sflint:ignore or the baseline, as suppressed results")
	fs.StringVar(&opts.Baseline, "baseline", "", "report only the findings not recorded in the baseline `file`")
	fs.StringVar(&opts.BaselineWrite, "baseline-write", "", "record the current findings in the baseline `file`, report nothing, exit 0")
	fs.BoolVar(&opts.Version, "version", false, "print sflint's version and exit")
	fs.StringVar(&opts.Tags, "tags", "", "comma-separated list of build `tags` to consider satisfied, as go build -tags (code behind other tags is not analysed)")

	for _, a := range append([]*analysis.Analyzer{login}, checks...) {
		if a != login {
			ts := new(triState)
			opts.analyzer[a] = ts
			fs.Var(ts, a.Name, "enable only the "+a.Name+" analyzer (or -"+a.Name+"=false to disable it)")
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			name, usage := a.Name+"."+f.Name, f.Usage
			if deprecatedTestFlags[name] {
				usage = "deprecated: use -tests (" + usage + ")"
			}
			fs.Var(f.Value, name, usage)
		})
	}
	fs.Usage = func() {} // errors are reported in one line below; -h prints usage
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(progname, stdout, fs, checks)
			return nil, nil, ExitClean
		}
		fmt.Fprintf(stderr, "%s: %v%s (run '%s -h' for usage)\n", progname, err, flagSuggestion(fs, err), progname)
		return nil, nil, ExitUsage
	}
	if *jsonFlag {
		opts.Format = "json"
	}
	if _, ok := formats[opts.Format]; !ok {
		msg := fmt.Sprintf("unknown -format %q: want %s", opts.Format, strings.Join(formatNames(), ", "))
		if near := suggest.Closest(opts.Format, formatNames()); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", near)
		}
		fmt.Fprintf(stderr, "%s: %s (run '%s -h' for usage)\n", progname, msg, progname)
		return nil, nil, ExitUsage
	}
	if opts.Diff {
		opts.Fix = true
	}
	if opts.BaselineWrite != "" && opts.Fix {
		fmt.Fprintf(stderr, "%s: -baseline-write and -fix cannot be used together (run '%s -h' for usage)\n", progname, progname)
		return nil, nil, ExitUsage
	}
	return opts, fs.Args(), -1
}

// usage prints the help text, exit statuses included.
func usage(progname string, w io.Writer, fs *flag.FlagSet, checks []*analysis.Analyzer) {
	fmt.Fprintf(w, `%[1]s finds Go code that logs in to Salesforce badly.

Usage:
  %[1]s [flags] packages        analyse packages (like go vet ./...)
  %[1]s help [analyzer]         print an analyzer's manual
  %[1]s -version                print the version
  go vet -vettool=$(command -v %[1]s) [flags] packages
  go fix -fixtool=$(command -v %[1]s) [-diff] packages

Settings: .sflint.yml in the working directory or a parent up to the module
root (or -config file); flags override it.

Analyzers:
`, progname)
	for _, a := range checks {
		title, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "  %-16s %s\n", a.Name, title)
	}
	fmt.Fprintf(w, `
Exit status:
  0  no findings (with -fix: fixes applied; with -baseline-write: baseline written)
  1  no findings, but packages failed to load (syntax, type or module errors, no
     package matched, no go.mod) or an analyzer failed; with -diff, a diff was printed
  2  usage error (unknown flag, bad flag value, no packages named, bad .sflint.yml
     or -baseline file)
  3  findings were reported (in every -format), even if some packages had errors:
     those are printed too, one line per package analysed in part

Flags:
`)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

func help(progname string, names []string, stdout, stderr io.Writer, login *analysis.Analyzer, checks []*analysis.Analyzer) int {
	if len(names) == 0 {
		fmt.Fprintf(stdout, "%s analyzers (run '%s help <analyzer>' for a manual):\n\n", progname, progname)
		for _, a := range checks {
			title, _, _ := strings.Cut(a.Doc, "\n")
			fmt.Fprintf(stdout, "  %-16s %s\n", a.Name, title)
		}
		return ExitClean
	}
	code := ExitClean
	for _, name := range names {
		var found *analysis.Analyzer
		for _, a := range append([]*analysis.Analyzer{login}, checks...) {
			if a.Name == name {
				found = a
			}
		}
		if found == nil {
			var names []string
			for _, a := range checks {
				names = append(names, a.Name)
			}
			msg := fmt.Sprintf("no analyzer named %q", name)
			if near := suggest.Closest(name, names); near != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", near)
			} else {
				msg += " (analyzers: " + strings.Join(names, ", ") + ")"
			}
			fmt.Fprintf(stderr, "%s: %s\n", progname, msg)
			code = ExitUsage
			continue
		}
		fmt.Fprintf(stdout, "%s: %s\n", found.Name, strings.TrimSpace(found.Doc))
		first := true
		found.Flags.VisitAll(func(f *flag.Flag) {
			if first {
				fmt.Fprintf(stdout, "\nFlags:\n")
				first = false
			}
			fmt.Fprintf(stdout, "  -%s.%s\n    \t%s (default %q)\n", found.Name, f.Name, f.Usage, f.DefValue)
		})
		if found.URL != "" {
			fmt.Fprintf(stdout, "\nMore: %s\n", found.URL)
		}
	}
	return code
}

func run(progname string, opts *Options, patterns []string, stdout, stderr io.Writer) int {
	cfg := &packages.Config{Mode: loadMode, Tests: opts.LoadTests}
	if opts.Tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.Tags}
	}
	progress := startProgress(stderr, opts.Format == "text" && isTerminal(stderr), progressDelay, progname+": loading packages")
	defer progress.stop()
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		progress.stop()
		fmt.Fprintf(stderr, "%s: %s\n", progname, oneLine(err.Error()))
		return ExitError
	}
	if len(pkgs) == 0 {
		progress.stop()
		fmt.Fprintf(stderr, "%s: %s matched no packages\n", progname, strings.Join(patterns, " "))
		return ExitError
	}
	roots := opts.Enabled
	if opts.Login != nil && len(roots) > 0 {
		roots = append([]*analysis.Analyzer{opts.Login}, roots...)
	}
	progress.phase(fmt.Sprintf("%s: analysing %d packages", progname, len(pkgs)))
	findings, failures, partial, err := analyze(roots, pkgs)
	progress.stop()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", progname, oneLine(err.Error()))
		return ExitError
	}
	code := ExitClean
	opts.errors = loadErrors(pkgs)
	if len(opts.Enabled) > 0 {
		opts.partial = partial
	}
	if len(opts.errors) > 0 {
		for _, l := range opts.errors {
			fmt.Fprintf(stderr, "%s: %s\n", progname, l)
		}
		// Then one line per package named that was not analysed whole.
		for _, p := range opts.partial {
			fmt.Fprintf(stderr, "%s: %s\n", progname, p.Line())
		}
		code = ExitError
	}
	if len(opts.Enabled) == 0 {
		return code
	}
	for _, f := range failures {
		fmt.Fprintf(stderr, "%s: %s\n", progname, f)
		code = ExitError
	}
	opts.errors = append(opts.errors, failures...)
	if opts.BaselineWrite != "" {
		if code != ExitClean {
			fmt.Fprintf(stderr, "%s: not writing %s: packages failed to load or analyse, so the baseline would be incomplete\n", progname, opts.BaselineWrite)
			return code
		}
		n, err := writeBaseline(opts.BaselineWrite, findings)
		if err != nil {
			fmt.Fprintf(stderr, "%s: -baseline-write: %v\n", progname, err)
			return ExitError
		}
		fmt.Fprintf(stderr, "%s: recorded %s in %s\n", progname, plural(n, "finding"), opts.BaselineWrite)
		return ExitClean
	}
	if opts.baseline != nil {
		opts.baseline.apply(findings)
	}
	// Formats that show fixes, and -fix, say which they dropped.
	notes := io.Discard
	if opts.Fix || opts.Format != "text" {
		notes = stderr
	}
	dropUnsafeFixes(progname, findings, notes)
	if opts.Fix {
		rep := reported(findings)
		out := &countingWriter{w: stdout}
		fixes, files, err := applyFixes(progname, rep, opts.Diff, out, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname, err)
			return ExitError
		}
		if opts.Diff {
			if out.n > 0 && code == ExitClean {
				code = ExitDiff
			}
			return code
		}
		fmt.Fprintln(stderr, fixSummary(progname, rep, fixes, files))
		return code
	}
	if err := formats[opts.Format](stdout, findings, opts); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		return ExitError
	}
	// Findings win over errors: the errors are printed, and a run that
	// found something says so whatever else failed (see the README's exit
	// statuses).
	if countReported(findings) > 0 {
		code = ExitFindings
	}
	return code
}

// loadErrors returns each distinct package error once, in a stable
// order. Consequences of an error printed
// elsewhere are left out: a package with syntax errors shows only the first
// syntax error of each file (not the parser's follow-on errors nor the type
// errors they cause), and "could not import" type errors are dropped when the
// failure of the import has its own error (a missing module, a cgo package
// without a C compiler).
func loadErrors(pkgs []*packages.Package) []string {
	seen := map[string]bool{}
	var lines []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		parseErr := false
		for _, e := range p.Errors {
			parseErr = parseErr || e.Kind == packages.ParseError
		}
		fileSeen := map[string]bool{}
		for _, e := range p.Errors {
			if parseErr && e.Kind == packages.TypeError {
				continue
			}
			if e.Kind == packages.ParseError {
				file, _, _ := strings.Cut(e.Pos, ":")
				if fileSeen[file] {
					continue
				}
				fileSeen[file] = true
			}
			msg := e.Msg
			// go list prefixes a build failure with "# pkg\n".
			if rest, ok := strings.CutPrefix(msg, "# "); ok {
				if pkg, body, ok := strings.Cut(rest, "\n"); ok {
					msg = pkg + ": " + body
				}
			}
			if strings.Contains(msg, "C compiler") && strings.Contains(msg, "not found") {
				msg += " (install a C compiler, or set CGO_ENABLED=0)"
			}
			if e.Kind == packages.TypeError && strings.HasPrefix(msg, "could not import ") {
				msg = "\x00" + msg // marked: printed only if nothing explains it
			}
			if e.Pos != "" && e.Pos != "-" {
				msg = relPath(e.Pos) + ": " + msg
			} else if !strings.Contains(msg, p.PkgPath) && p.PkgPath != "" {
				msg = p.PkgPath + ": " + msg
			}
			msg = oneLine(msg)
			if !seen[msg] {
				seen[msg] = true
				lines = append(lines, msg)
			}
		}
	})
	sort.Strings(lines)
	couldNotImport := 0
	for _, l := range lines {
		if strings.Contains(l, "\x00") {
			couldNotImport++
		}
	}
	if couldNotImport > 0 && couldNotImport < len(lines) {
		lines = slices.DeleteFunc(lines, func(l string) bool { return strings.Contains(l, "\x00") })
	}
	for i, l := range lines {
		lines[i] = strings.Replace(l, "\x00", "", 1)
	}
	return lines
}

// oneLine folds a multi-line message onto one line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// relPath makes "file:line:col" relative to the working directory when it lies below it.
func relPath(posn string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(posn) {
		return posn
	}
	if rel, err := filepath.Rel(wd, posn); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return posn
}

// triState is a boolean flag that remembers whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}
func (ts *triState) Set(v string) error {
	switch strings.ToLower(v) {
	case "true", "1", "t":
		*ts = setTrue
	case "false", "0", "f":
		*ts = setFalse
	default:
		return fmt.Errorf("want true or false, not %q", v)
	}
	return nil
}
