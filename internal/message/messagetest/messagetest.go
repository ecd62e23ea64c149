// Package messagetest checks the diagnostics of analysistest runs against the
// shape internal/message gives every message: an analyzer's tests call Run and
// RunWithSuggestedFixes here instead of analysistest's.
package messagetest

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sflint/sflint/internal/message"
)

// Run is analysistest.Run, then Check on its results.
func Run(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.Run(t, dir, a, patterns...)
	Check(t, results)
	return results
}

// RunWithSuggestedFixes is analysistest.RunWithSuggestedFixes, then Check
// on its results.
func RunWithSuggestedFixes(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.RunWithSuggestedFixes(t, dir, a, patterns...)
	Check(t, results)
	return results
}

// Check reports every diagnostic of the results whose message does not
// have the shape message.Check wants.
func Check(t testing.TB, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		if r == nil || r.Pass == nil {
			continue
		}
		for _, d := range r.Diagnostics {
			if err := message.Check(d.Message); err != nil {
				t.Errorf("%s: %s: %v", r.Pass.Fset.Position(d.Pos), r.Pass.Analyzer.Name, err)
			}
		}
	}
}
