package blindretry_test

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/analyzers/blindretry"
	"github.com/sflint/sflint/internal/message/messagetest"
	"github.com/sflint/sflint/internal/sfapi"
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

// TestEveryRun checks logins in functions that run again and again (a
// Prometheus collector, HTTP handlers, a scheduled job) whose failure only
// returns: the next run is the retry. Credentials from the request and a
// classified failure are not reported.
func TestEveryRun(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/everyrun")
}

// TestOwnErrors: a branch taken only for an error the login never returns
// (the program's own sentinel, which it never wraps a fault with; a gRPC
// code other than Unknown) is not a branch where the login failed.
func TestOwnErrors(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/allowlist")
}

// TestFuncValues: logins through a method value, a function kept in a
// variable, and a closure that logs in are logins like direct calls.
func TestFuncValues(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/funcvalue")
}

// TestDerivedHelpers: a team's own retry helper, in a package that imports
// no Salesforce library, is known by a RetryFact when it calls its
// operation again after any failure; one that looks at the error first,
// or calls the operation once, is not a retry helper.
func TestDerivedHelpers(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/derived")
}

func TestLoops(t *testing.T) {
	results := messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/loops")
	// Each finding points at what goes back to the login.
	want := map[string]string{
		"counter":  "this loop goes back to the login after it fails",
		"withGoto": "jumps back to the login",
		"connect":  "calls connect again with the same credentials",
		"outer":    "this loop goes back to the login after it fails",
	}
	category := map[string]string{"counter": "loop", "withGoto": "goto", "connect": "recursion", "outer": "loop"}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			fn := enclosingFunc(r.Pass.Files, d.Pos)
			msg, ok := want[fn]
			if !ok {
				continue
			}
			delete(want, fn)
			if d.Category != category[fn] {
				t.Errorf("%s: category %q, want %q", fn, d.Category, category[fn])
			}
			if len(d.Related) != 1 || d.Related[0].Message != msg {
				t.Errorf("%s: related information %v, want %q", fn, d.Related, msg)
				continue
			}
			if fn == "outer" {
				// The failure breaks the range over jobs: the outer for {} retries.
				if got := r.Pass.Fset.Position(d.Related[0].Pos).Line; got != r.Pass.Fset.Position(d.Pos).Line-2 {
					t.Errorf("outer: related information on line %d, want the outer loop", got)
				}
			}
		}
	}
	for fn := range want {
		t.Errorf("no finding in %s", fn)
	}
}

// enclosingFunc names the function declaration containing pos.
func enclosingFunc(files []*ast.File, pos token.Pos) string {
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return fd.Name.Name
			}
		}
	}
	return ""
}

func TestHelpers(t *testing.T) {
	messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/helpers")
}

func TestWrappers(t *testing.T) {
	messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/sfauth", "blindretry/wrapped")
}

func TestRawHTTP(t *testing.T) {
	messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/raw")
}

func TestLibraries(t *testing.T) {
	messagetest.Run(t, testdata(t), blindretry.Analyzer, "blindretry/libs")
}

// TestDeclared runs with a retry helper and a login declared to the shared
// pass (-sflogin.retry, -sflogin.login) and a stop marker declared to
// blindretry (-blindretry.permanent).
func TestDeclared(t *testing.T) {
	login := sflogin.New(sflogin.Config{Decls: sfapi.Decls{
		Retries: []string{"blindretry/declared.Retry"},
		Logins:  []string{"blindretry/declared.Connect"},
	}})
	a := blindretry.New(login, blindretry.Config{})
	if err := a.Flags.Set("permanent", "blindretry/declared.Final"); err != nil {
		t.Fatal(err)
	}
	messagetest.Run(t, testdata(t), a, "blindretry/declared")
}

func TestPermanentFlag(t *testing.T) {
	a := blindretry.New(sflogin.Analyzer, blindretry.Config{})
	if err := a.Flags.Set("permanent", "not a reference"); err == nil {
		t.Error("-permanent accepted a malformed reference")
	}
	if err := a.Flags.Set("permanent", "example.com/x.Stop, example.com/y.(*T).Final"); err != nil {
		t.Fatal(err)
	}
	if got, want := a.Flags.Lookup("permanent").Value.String(), "example.com/x.Stop,example.com/y.(*T).Final"; got != want {
		t.Errorf("-permanent = %q, want %q", got, want)
	}
	// The flag writes into this instance only.
	if got := blindretry.Analyzer.Flags.Lookup("permanent").Value.String(); got != "" {
		t.Errorf("the default analyzer's -permanent changed to %q", got)
	}
}

func TestDoc(t *testing.T) {
	a := blindretry.Analyzer
	title, body, _ := strings.Cut(a.Doc, "\n\n")
	if title != "report Salesforce logins retried without looking at why they failed" {
		t.Errorf("Doc title = %q", title)
	}
	for _, section := range []string{"# What it reports", "# Why it matters for Salesforce", "# How to fix it", "# Suppressing a finding", "# Flags"} {
		if !strings.Contains(body, section) {
			t.Errorf("Doc lacks the section %q", section)
		}
	}
	if a.URL != "https://github.com/sflint/sflint#blindretry" {
		t.Errorf("URL = %q", a.URL)
	}
}
