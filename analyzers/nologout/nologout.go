// Package nologout is being written (see the issue tracker); it reports nothing yet.
package nologout

import (
	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/sflogin"
)

// Config configures the analyzer.
type Config struct{}

// Analyzer is the nologout analyzer built from the default configuration.
var Analyzer = New(sflogin.Analyzer, Config{})

// New returns the analyzer for a configuration, on top of the given shared login pass.
func New(login *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "nologout",
		Doc:      "nologout: not yet implemented",
		Requires: []*analysis.Analyzer{login},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
