package sflintignore_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/analyzers/sflintignore"
	"github.com/sflint/sflint/internal/message/messagetest"
	"github.com/sflint/sflint/internal/sflogin"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// capture makes an analyzer's result the diagnostics it reported.
func capture(a *analysis.Analyzer) *analysis.Analyzer {
	run := a.Run
	a.ResultType = reflect.TypeFor[[]analysis.Diagnostic]()
	a.Run = func(pass *analysis.Pass) (any, error) {
		var got []analysis.Diagnostic
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) { got = append(got, d); report(d) }
		if _, err := run(pass); err != nil {
			return nil, err
		}
		return got, nil
	}
	return a
}

// fakelogin reports every login call through the shared pass, as the real
// checks do, so that directives have something to suppress whatever the
// state of the real checks.
func fakelogin(login *analysis.Analyzer) *analysis.Analyzer {
	return capture(&analysis.Analyzer{
		Name:     "fakelogin",
		Doc:      "report every login call",
		Requires: []*analysis.Analyzer{login},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[login].(*sflogin.Result)
			if res.Skipped {
				return nil, nil
			}
			for _, c := range res.Logins() {
				res.Report(pass, analysis.Diagnostic{Pos: c.Expr.Pos(), Message: "login here."})
			}
			return nil, nil
		},
	})
}

// fakeother reports nothing.
func fakeother(login *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "fakeother",
		Doc:      "report nothing",
		Requires: []*analysis.Analyzer{login},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

// both reports what fakelogin and sflintignore reported, so that one set of
// // want comments checks the directives' reports and what they suppressed.
func both(login *analysis.Analyzer) *analysis.Analyzer {
	fake := fakelogin(login)
	ignore := capture(sflintignore.New(login, []*analysis.Analyzer{fake, fakeother(login)},
		sflintignore.Config{Known: []string{"disabledcheck"}}))
	return &analysis.Analyzer{
		Name:     "both",
		Doc:      "fakelogin and sflintignore findings",
		Requires: []*analysis.Analyzer{fake, ignore},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, a := range []*analysis.Analyzer{fake, ignore} {
				for _, d := range pass.ResultOf[a].([]analysis.Diagnostic) {
					pass.Report(d)
				}
			}
			return nil, nil
		},
	}
}

// TestDirectives covers every form of the directive and its misuse, in a
// package the shared pass analyses and in one it skips.
func TestDirectives(t *testing.T) {
	messagetest.RunWithSuggestedFixes(t, testdata(t), both(sflogin.Analyzer), "sflintignore/directives", "sflintignore/skipped")
}

// TestWithTests: once _test.go files are analysed (-sflogin.tests), their
// directives are judged too.
func TestWithTests(t *testing.T) {
	login := sflogin.New(sflogin.Config{IncludeTests: true})
	messagetest.Run(t, testdata(t), both(login), "sflintignore/withtests")
}
