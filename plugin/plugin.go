// Package plugin is sflint's golangci-lint v2 module plugin: it registers the
// linter "sflint", whose analyzers are the ones the sflint command runs, built
// from the settings in .golangci.yml.
//
// Build a golangci-lint with it (.custom-gcl.yml):
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/sflint/sflint
//	    import: github.com/sflint/sflint/plugin
//	    path: ../sflint # or version: <tag>
//
// and enable it (.golangci.yml):
//
//	version: "2"
//	linters:
//	  enable: [sflint]
//	  settings:
//	    custom:
//	      sflint:
//	        type: module
//	        settings:
//	          disable: [nologout]
//	          logins: [example.com/app/sf.Connect]
//
// The settings keys are those of sflint's .sflint.yml ([Settings]); an
// unknown key is an error. golangci-lint reports every finding under the
// linter name "sflint", with the analyzer's name first in the text
// ("nologout: ..."), and the related information inside the message, so
// that //nolint:sflint silences a finding whole; //sflint:ignore
// <analyzer> -- <reason> silences one analyzer.
package plugin

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/config"
	"github.com/sflint/sflint/internal/suite"
)

// Name is the linter's name in golangci-lint: the key under
// linters.settings.custom, in linters.enable and in //nolint.
const Name = "sflint"

func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings (linters.settings.custom.sflint.settings):
// the keys of sflint's configuration file, .sflint.yml, decoded the same way.
type Settings = config.Settings

type plugin struct {
	analyzers []*analysis.Analyzer
}

// New builds the plugin from golangci-lint's raw settings.
func New(conf any) (register.LinterPlugin, error) {
	s, err := config.Decode(conf)
	if err != nil {
		return nil, fmt.Errorf("sflint settings: %w", err)
	}
	analyzers, err := Analyzers(s)
	if err != nil {
		return nil, fmt.Errorf("sflint settings: %w", err)
	}
	return &plugin{analyzers: analyzers}, nil
}

// BuildAnalyzers returns the enabled checks (the shared pass they require
// comes with them).
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every check needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// Analyzers builds the checks the settings select, configured by them, with
// their related information folded into the message (see foldRelated).
func Analyzers(s Settings) ([]*analysis.Analyzer, error) {
	all := suite.Names()
	as, err := s.Assignments(all, suite.FlagNames())
	if err != nil {
		return nil, err
	}
	st := suite.New(suite.Config{Enabled: s.Enabled(all)})
	byName := map[string]*analysis.Analyzer{}
	for _, a := range st.All() {
		byName[a.Name] = a
	}
	err = config.Apply(as, func(name, value string) error {
		analyzer, flagName, _ := strings.Cut(name, ".")
		if a := byName[analyzer]; a != nil {
			return a.Flags.Set(flagName, value)
		}
		return nil // a disabled analyzer's settings are ignored
	}, config.Assignment.Selection)
	if err != nil {
		return nil, err
	}
	for _, a := range st.Checks {
		foldRelated(a)
	}
	return st.Checks, nil
}

// foldRelated makes the analyzer report its related information inside the
// message, as "[line 16: called again by poller.periodically]".
// golangci-lint turns each related location into an issue of its own, on
// its own line, that a //nolint:sflint on the finding's line does not
// silence and that fails the run by itself.
func foldRelated(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		report := pass.Report
		p.Report = func(d analysis.Diagnostic) {
			if len(d.Related) > 0 {
				d.Message = FoldRelated(pass.Fset, d)
				d.Related = nil
			}
			report(d)
		}
		return run(&p)
	}
}

// FoldRelated returns the diagnostic's message followed by its related
// information, each as "[line N: message]" ("[file.go:N: message]" in
// another file).
func FoldRelated(fset *token.FileSet, d analysis.Diagnostic) string {
	var b strings.Builder
	b.WriteString(d.Message)
	file := fset.Position(d.Pos).Filename
	for _, r := range d.Related {
		p := fset.Position(r.Pos)
		where := fmt.Sprintf("line %d", p.Line)
		if p.Filename != file {
			where = fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
		}
		fmt.Fprintf(&b, " [%s: %s]", where, r.Message)
	}
	return b.String()
}
