// Package suite assembles sflint's analyzers on one shared login pass, from
// one configuration. The command, the go vet tool and the golangci-lint
// plugin all get their analyzers here.
package suite

import (
	"flag"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/analyzers/blindretry"
	"github.com/sflint/sflint/analyzers/hardcodedtoken"
	"github.com/sflint/sflint/analyzers/nologout"
	"github.com/sflint/sflint/analyzers/sessionreuse"
	"github.com/sflint/sflint/analyzers/sflintignore"
	"github.com/sflint/sflint/analyzers/unhandledfault"
	"github.com/sflint/sflint/internal/sflogin"
)

// Config is the configuration of every analyzer.
type Config struct {
	Login          sflogin.Config
	BlindRetry     blindretry.Config
	UnhandledFault unhandledfault.Config
	SessionReuse   sessionreuse.Config
	NoLogout       nologout.Config
	HardcodedToken hardcodedtoken.Config
	// Enabled names the checks to build (see Names); nil builds them all.
	// sflintignore judges directives only for the checks built.
	Enabled []string
}

// Suite is a shared login pass and the checks built on it.
type Suite struct {
	// Login is the shared pass; it reports nothing but carries the flags of the model.
	Login *analysis.Analyzer
	// Checks are the analyzers that report, in a stable order; sflintignore,
	// which runs after the others, is last.
	Checks []*analysis.Analyzer
}

// All returns the login pass followed by the checks: the list a driver registers.
func (s Suite) All() []*analysis.Analyzer {
	return append([]*analysis.Analyzer{s.Login}, s.Checks...)
}

// defaultChecks are the packages' exported analyzers.
var defaultChecks = []*analysis.Analyzer{
	blindretry.Analyzer,
	unhandledfault.Analyzer,
	sessionreuse.Analyzer,
	nologout.Analyzer,
	hardcodedtoken.Analyzer,
}

var defaultIgnore = sflintignore.New(sflogin.Analyzer, defaultChecks, sflintignore.Config{})

// Default is the suite of the packages' exported analyzers, built from the default configuration.
func Default() Suite {
	return Suite{
		Login:  sflogin.Analyzer,
		Checks: append(slices.Clip(defaultChecks), defaultIgnore),
	}
}

// Names returns the names of the checks, in the order of Suite.Checks.
func Names() []string {
	var names []string
	for _, a := range Default().Checks {
		names = append(names, a.Name)
	}
	return names
}

// FlagNames returns the name of every analyzer flag, the shared pass's
// included, as "analyzer.flag", sorted.
func FlagNames() []string {
	var names []string
	for _, a := range Default().All() {
		a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, a.Name+"."+f.Name) })
	}
	slices.Sort(names)
	return names
}

// New builds a suite from a configuration.
func New(cfg Config) Suite {
	login := sflogin.New(cfg.Login)
	all := []*analysis.Analyzer{
		blindretry.New(login, cfg.BlindRetry),
		unhandledfault.New(login, cfg.UnhandledFault),
		sessionreuse.New(login, cfg.SessionReuse),
		nologout.New(login, cfg.NoLogout),
		hardcodedtoken.New(login, cfg.HardcodedToken),
	}
	enabled := func(name string) bool { return cfg.Enabled == nil || slices.Contains(cfg.Enabled, name) }
	var known []string
	s := Suite{Login: login}
	for _, a := range all {
		known = append(known, a.Name)
		if enabled(a.Name) {
			s.Checks = append(s.Checks, a)
		}
	}
	if enabled(sflintignore.Name) {
		s.Checks = append(s.Checks, sflintignore.New(login, slices.Clone(s.Checks), sflintignore.Config{Known: known}))
	}
	return s
}
