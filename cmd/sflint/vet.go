package main

// The go vet side of the command: go vet (and go fix) run it once with
// -V=full to identify it for their cache, once with -flags to learn its
// flags, then once per package with the flags and a *.cfg file. unitchecker
// speaks that protocol; this file adds what sflint needs around it:
//
//   - -V=full names sflint's version, and its buildID hashes the executable
//     together with the .sflint.yml found from the working directory, so
//     that go vet's cached results are dropped when that file changes (go
//     vet keys its cache on this line, the flags and the package, never on
//     files a tool reads by itself);
//   - each package reads the .sflint.yml found from its directory up to its
//     module root (packages of modules in the module cache read none), and
//     a key applies unless the command line sets the same flag;
//   - -tests=secrets|all|none, the test-file rule, as in the sflint command.

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sflint/sflint/internal/config"
	"github.com/sflint/sflint/internal/suite"
	"github.com/sflint/sflint/internal/version"
)

// vetVersion answers -V and -V=full.
func vetVersion(arg string) int {
	v := version.Get()
	if arg != "-V=full" && arg != "--V=full" {
		fmt.Printf("sflint version %s\n", v.String())
		return 0
	}
	h := sha256.New()
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			_, err = io.Copy(h, f)
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "sflint: -V=full: %v\n", err)
		return 1
	}
	if wd, err := os.Getwd(); err == nil {
		path, err := config.Find(wd)
		if err != nil {
			fmt.Fprintf(os.Stderr, "sflint: %v\n", err)
			return 1
		}
		if path != "" {
			if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
				path = rel
			}
			data, err := os.ReadFile(path)
			if err == nil {
				_, err = config.Parse(path, data)
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "sflint: %v\n", err)
				return 1
			}
			fmt.Fprintf(h, "\x00config\x00%s", data)
		}
	}
	fmt.Printf("sflint version %s buildID=%x\n", v.VetField(), h.Sum(nil))
	return 0
}

// vetCfg is the part of go vet's *.cfg file that locates the package.
type vetCfg struct {
	Dir           string
	ModuleVersion string
	Module        *struct{ Version string }
}

// vetConfigure applies the package's configuration file and the -tests
// flag to the analyzers, and returns the arguments to hand unitchecker
// (the command line, after the analyzer selection the file makes).
func vetConfigure(s suite.Suite, args []string) ([]string, error) {
	onCLI := cliFlags(s, args)
	rule := &vetRule{s: s, onCLI: onCLI}
	flag.Var(rule, "tests", "which analyzers look at _test.go files: `rule` secrets (only hardcodedtoken; the default), all, or none")

	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return args, nil // -flags, help: no package
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return args, nil // unitchecker reports it
	}
	var cfg vetCfg
	if json.Unmarshal(data, &cfg) != nil || cfg.Dir == "" || cfg.ModuleVersion != "" || cfg.Module != nil && cfg.Module.Version != "" {
		return args, nil
	}
	path, err := config.Find(cfg.Dir)
	if err != nil || path == "" {
		return args, err
	}
	file, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	settings := file.Settings
	if onCLI["tests"] {
		settings.Tests = "" // the command line's rule is applied as it is parsed
	}
	var names []string
	for _, a := range s.Checks {
		names = append(names, a.Name)
	}
	as, err := settings.Assignments(names, suite.FlagNames())
	if err != nil {
		return nil, file.Error(err)
	}
	selectedOnCLI := false
	for _, name := range names {
		selectedOnCLI = selectedOnCLI || onCLI[name]
	}
	var selection []string
	err = config.Apply(as, func(name, value string) error {
		if !strings.Contains(name, ".") {
			selection = append(selection, "-"+name+"="+value)
			return nil
		}
		return setAnalyzerFlag(s, name, value)
	}, func(a config.Assignment) bool {
		if a.Selection() {
			return selectedOnCLI
		}
		return onCLI[a.Flag]
	})
	if err != nil {
		return nil, file.Error(err)
	}
	return append(selection, args...), nil
}

func setAnalyzerFlag(s suite.Suite, name, value string) error {
	analyzer, flagName, _ := strings.Cut(name, ".")
	for _, a := range s.All() {
		if a.Name == analyzer {
			return a.Flags.Set(flagName, value)
		}
	}
	return nil
}

// cliFlags returns the names of the flags the command line sets, parsing it
// with the flags unitchecker will define (nil if it does not parse:
// unitchecker then reports the error).
func cliFlags(s suite.Suite, args []string) map[string]bool {
	fs := flag.NewFlagSet("sflint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, a := range s.All() {
		if a != s.Login {
			fs.Bool(a.Name, false, "")
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				fs.Bool(a.Name+"."+f.Name, false, "")
			} else {
				fs.String(a.Name+"."+f.Name, "", "")
			}
		})
	}
	for _, name := range []string{"flags", "V", "json", "fix", "diff", "source", "v", "all"} {
		fs.Bool(name, false, "")
	}
	fs.String("c", "", "")
	fs.String("tags", "", "")
	fs.String("tests", "", "")
	set := map[string]bool{}
	if fs.Parse(args) != nil {
		return set
	}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// vetRule is the -tests flag under go vet: setting it sets the flags of the
// rule, but for those the command line sets itself.
type vetRule struct {
	s     suite.Suite
	onCLI map[string]bool
	rule  config.TestRule
}

func (r *vetRule) String() string {
	if r == nil || r.rule == "" {
		return string(config.TestsSecrets)
	}
	return string(r.rule)
}

func (r *vetRule) Set(v string) error {
	rule, err := config.ParseTestRule(v)
	if err != nil {
		return err
	}
	r.rule = rule
	for name, value := range rule.Flags() {
		if !r.onCLI[name] {
			if err := setAnalyzerFlag(r.s, name, value); err != nil {
				return err
			}
		}
	}
	return nil
}
