package sflogin

import (
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFastPathDoesNoWork checks that a package with no Salesforce import is
// left before any per-package work: no definition index, no resolved call,
// no directive index, no inspector — the shared pass costs nothing there
// beyond the import scan.
func TestFastPathDoesNoWork(t *testing.T) {
	var results []*Result
	grab := &analysis.Analyzer{
		Name:       "grab",
		Doc:        "keep the shared pass's result",
		Requires:   []*analysis.Analyzer{Analyzer},
		ResultType: reflect.TypeFor[*Result](),
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[Analyzer].(*Result)
			results = append(results, res)
			return res, nil
		},
	}
	dir, _ := filepath.Abs("../../testdata")
	analysistest.Run(t, dir, grab, "sflogin/plain", "sflogin/busy")
	if len(results) != 2 {
		t.Fatalf("got %d results", len(results))
	}
	for _, res := range results {
		if res.pass.Pkg.Path() != "sflogin/plain" {
			if res.Skipped || res.defs == nil || len(res.Calls) == 0 {
				t.Errorf("%s: analysed package looks skipped", res.pass.Pkg.Path())
			}
			continue
		}
		if !res.Skipped || res.defs != nil || res.byExpr != nil || res.ignores != nil || res.Env != nil || len(res.Calls) != 0 {
			t.Errorf("plain: fast path did work: skipped=%v defs=%v calls=%d ignores=%v", res.Skipped, res.defs != nil, len(res.Calls), res.ignores != nil)
		}
	}
}
