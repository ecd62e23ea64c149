// Package suite assembles sflint's analyzers on one shared login pass, from
// one configuration. The command, the go vet tool and the golangci-lint
// plugin all get their analyzers here.
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/analyzers/blindretry"
	"github.com/sflint/sflint/analyzers/hardcodedtoken"
	"github.com/sflint/sflint/analyzers/nologout"
	"github.com/sflint/sflint/analyzers/sessionreuse"
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
}

// Suite is a shared login pass and the checks built on it.
type Suite struct {
	// Login is the shared pass; it reports nothing but carries the flags of the model.
	Login *analysis.Analyzer
	// Checks are the analyzers that report, in a stable order.
	Checks []*analysis.Analyzer
}

// All returns the login pass followed by the checks: the list a driver registers.
func (s Suite) All() []*analysis.Analyzer {
	return append([]*analysis.Analyzer{s.Login}, s.Checks...)
}

// Default is the suite of the packages' exported analyzers, built from the default configuration.
func Default() Suite {
	return Suite{
		Login: sflogin.Analyzer,
		Checks: []*analysis.Analyzer{
			blindretry.Analyzer,
			unhandledfault.Analyzer,
			sessionreuse.Analyzer,
			nologout.Analyzer,
			hardcodedtoken.Analyzer,
		},
	}
}

// New builds a suite from a configuration.
func New(cfg Config) Suite {
	login := sflogin.New(cfg.Login)
	return Suite{
		Login: login,
		Checks: []*analysis.Analyzer{
			blindretry.New(login, cfg.BlindRetry),
			unhandledfault.New(login, cfg.UnhandledFault),
			sessionreuse.New(login, cfg.SessionReuse),
			nologout.New(login, cfg.NoLogout),
			hardcodedtoken.New(login, cfg.HardcodedToken),
		},
	}
}
