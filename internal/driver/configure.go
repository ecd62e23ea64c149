package driver

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/config"
	"github.com/sflint/sflint/internal/suggest"
)

// deprecatedTestFlags are the per-analyzer test-file flags that -tests replaces.
var deprecatedTestFlags = map[string]bool{"sflogin.tests": true, "hardcodedtoken.tests": true}

// flagSuggestion is " (did you mean -x?)" for an unknown flag close to a known one.
func flagSuggestion(fs *flag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	if !ok {
		return ""
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if near := suggest.Closest(strings.TrimPrefix(name, "-"), names); near != "" {
		return fmt.Sprintf(" (did you mean -%s?)", near)
	}
	return ""
}

// configure applies the configuration file under the command line (a flag
// given on the command line wins over the key that sets it), settles the
// test-file rule and the analyzers to run. It returns an exit status, or -1
// to go on.
func configure(progname string, opts *Options, stderr io.Writer) int {
	onCLI := map[string]bool{}
	opts.fs.Visit(func(f *flag.Flag) { onCLI[f.Name] = true })

	path := opts.Config
	if path == "" {
		wd, err := os.Getwd()
		if err == nil {
			path, err = config.Find(wd)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname, err)
			return ExitUsage
		}
		if path != "" {
			path = relPath(path)
		}
	}
	var file *config.File
	if path != "" {
		var err error
		if file, err = config.Load(path); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname, err)
			return ExitUsage
		}
	}

	// The test-file rule: -tests, else -test=false, else the file's.
	switch {
	case onCLI["tests"]:
		opts.Tests = opts.ruleFlag.rule
	case onCLI["test"] && !*opts.testFlag:
		opts.Tests = config.TestsNone
	case file != nil:
		opts.Tests = file.Settings.Tests
	}
	for _, old := range []string{"sflogin.tests", "hardcodedtoken.tests"} {
		if deprecatedTestFlags[old] && onCLI[old] {
			fmt.Fprintf(stderr, "%s: warning: -%s is deprecated: use -tests=secrets|all|none (or tests: in .sflint.yml)\n", progname, old)
		}
	}

	var settings config.Settings
	if file != nil {
		settings = file.Settings
	}
	settings.Tests = opts.Tests
	var names, flags []string
	for _, a := range opts.checks {
		names = append(names, a.Name)
	}
	for _, a := range append([]*analysis.Analyzer{opts.Login}, opts.checks...) {
		a.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, a.Name+"."+f.Name) })
	}
	fail := func(err error) int {
		if file != nil {
			err = file.Error(err)
		}
		fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		return ExitUsage
	}
	as, err := settings.Assignments(names, flags)
	if err != nil {
		return fail(err)
	}
	selectedOnCLI := false
	for _, a := range opts.checks {
		selectedOnCLI = selectedOnCLI || onCLI[a.Name]
	}
	err = config.Apply(as, func(name, value string) error {
		if opts.fs.Lookup(name) == nil {
			return nil // an analyzer this driver does not run
		}
		return opts.fs.Set(name, value)
	}, func(a config.Assignment) bool {
		if a.Selection() {
			return selectedOnCLI // the command line's choice of analyzers wins whole
		}
		return onCLI[a.Flag]
	})
	if err != nil {
		return fail(err)
	}
	opts.LoadTests = *opts.testFlag && opts.Tests != config.TestsNone
	if opts.BaselineWrite != "" {
		if fi, err := os.Stat(filepath.Dir(opts.BaselineWrite)); err != nil || !fi.IsDir() {
			fmt.Fprintf(stderr, "%s: -baseline-write %s: no directory %s\n", progname, opts.BaselineWrite, filepath.Dir(opts.BaselineWrite))
			return ExitUsage
		}
	}
	if opts.Baseline != "" {
		if opts.baseline, err = readBaseline(opts.Baseline); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname, err)
			return ExitUsage
		}
	}

	var hasTrue, hasFalse bool
	for _, ts := range opts.analyzer {
		hasTrue = hasTrue || *ts == setTrue
		hasFalse = hasFalse || *ts == setFalse
	}
	for _, a := range opts.checks {
		switch ts := *opts.analyzer[a]; {
		case hasTrue && ts != setTrue, !hasTrue && hasFalse && ts == setFalse:
			continue
		}
		opts.Enabled = append(opts.Enabled, a)
	}
	return -1
}

// ruleValue is the -tests flag.
type ruleValue struct{ rule config.TestRule }

func (r *ruleValue) String() string {
	if r == nil || r.rule == "" {
		return string(config.TestsSecrets)
	}
	return string(r.rule)
}

func (r *ruleValue) Set(s string) error {
	rule, err := config.ParseTestRule(s)
	if err != nil {
		return err
	}
	r.rule = rule
	return nil
}
