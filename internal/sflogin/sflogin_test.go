package sflogin_test

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

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

// probe reports every call the shared pass resolved, so that `// want`
// comments can assert what each call was resolved to. Its result is the
// shared pass's Skipped flag.
var probe = &analysis.Analyzer{
	Name:       "probe",
	Doc:        "report each resolved call",
	Requires:   []*analysis.Analyzer{sflogin.Analyzer},
	ResultType: reflect.TypeFor[bool](),
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[sflogin.Analyzer].(*sflogin.Result)
		for _, c := range res.Calls {
			pass.Reportf(c.Expr.Pos(), "%s", describe(c))
		}
		return res.Skipped, nil
	},
}

func describe(c *sflogin.Call) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", c.Kind, c.Name())
	if c.Err >= 0 {
		fmt.Fprintf(&b, " err=%d", c.Err)
	} else {
		b.WriteString(" err=-")
	}
	switch {
	case c.Session == sfapi.InReceiver:
		b.WriteString(" session=recv")
	case c.Session >= 0:
		fmt.Fprintf(&b, " session=%d", c.Session)
	default:
		b.WriteString(" session=-")
	}
	for _, a := range c.Args {
		b.WriteString(" " + a.Role.String())
	}
	return b.String()
}

// TestFacts checks the facts exported on wrappers, logout wrappers and classifiers.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata(t), sflogin.Analyzer, "sflogin/wrap", "nologout/clientslib")
}

// TestFlowFacts checks the facts the flow model derives: functions that
// never return, functions that end a session with a raw request, and
// functions that only borrow the client they are given, and the user's
// retry helpers (in a package that is otherwise skipped).
func TestFlowFacts(t *testing.T) {
	analysistest.Run(t, testdata(t), sflogin.Analyzer, "sflogin/noreturn", "nologout/rawhelper", "nologout/borrowlib", "blindretry/retrylib", "sflogin/sched")
}

// TestCalls checks how calls resolve: wrappers from another package (by fact),
// every library of the table, interfaces, raw HTTP and x/oauth2; and that an
// LDAP client's Login, a non-Salesforce oauth2.Config and an unrelated
// interface do not.
func TestCalls(t *testing.T) {
	analysistest.Run(t, testdata(t), probe, "sflogin/use", "sflogin/raw", "sflogin/iface", "sflogin/plain", "sflogin/fork", "sflogin/rawurl", "sflogin/oauth2ev")
}

// TestFastPath checks that a package with no Salesforce import is skipped
// without resolving anything, and that the others are not.
func TestFastPath(t *testing.T) {
	results := analysistest.Run(t, testdata(t), probe, "sflogin/plain", "sflogin/use")
	if len(results) != 2 {
		t.Fatalf("got %d results, want 2", len(results))
	}
	for _, r := range results {
		skipped, _ := r.Result.(bool)
		want := r.Pass.Pkg.Path() == "sflogin/plain"
		if skipped != want {
			t.Errorf("%s: Skipped = %v, want %v", r.Pass.Pkg.Path(), skipped, want)
		}
	}
}

// TestDeclared checks user-declared logins, logouts and classifiers.
func TestDeclared(t *testing.T) {
	a := sflogin.New(sflogin.Config{})
	for flag, val := range map[string]string{
		"login":      "sflogin/declared.Authenticate,sflogin/declared.(*Vault).Open",
		"logout":     "sflogin/declared.(*Vault).Close",
		"classifier": "sflogin/declared.Retryable",
	} {
		if err := a.Flags.Set(flag, val); err != nil {
			t.Fatal(err)
		}
	}
	p := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "report each resolved call",
		Requires: []*analysis.Analyzer{a},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[a].(*sflogin.Result)
			for _, c := range res.Calls {
				pass.Reportf(c.Expr.Pos(), "%s", describe(c))
			}
			for _, f := range res.Files() {
				ast.Inspect(f, func(n ast.Node) bool {
					if call, ok := n.(*ast.CallExpr); ok && res.Inspects(call) && res.Lookup(call) == nil {
						pass.Reportf(call.Pos(), "inspects")
						return false
					}
					return true
				})
			}
			return nil, nil
		},
	}
	analysistest.Run(t, testdata(t), p, "sflogin/declared")
}

// TestBadDeclaration checks that a malformed reference is a flag error, on
// every reference flag of the shared pass, that the flag keeps nothing of a
// rejected list, and that the same values are rejected when they come in a
// Config (the golangci-lint plugin's settings) rather than as flags.
func TestBadDeclaration(t *testing.T) {
	malformed := []string{
		"nodot", "example.com/pkg.", "example.com/pkg.a.b.c", "example.com/pkg.1x", "example.com/pkg.func",
		"example.com/pkg.(*T.M", "example.com/pkg.T).M", "(*example.com/pkg.T).M", "./pkg.F", "example.com//pkg.F",
		"example.com/sf.Connect,example.com/sf.1x", // one bad reference rejects the list
	}
	for _, flag := range []string{"login", "logout", "classifier", "retry"} {
		for _, bad := range malformed {
			a := sflogin.New(sflogin.Config{})
			if err := a.Flags.Set(flag, bad); err == nil {
				t.Errorf("-%s=%q: no error", flag, bad)
			} else if strings.Contains(err.Error(), "\n") {
				t.Errorf("-%s=%q: error on more than one line: %v", flag, bad, err)
			}
			if got := a.Flags.Lookup(flag).Value.String(); got != "" {
				t.Errorf("-%s=%q rejected, but the flag holds %q", flag, bad, got)
			}
		}
	}
	// A retry helper is a function: a method reference would never match.
	for _, method := range []string{"example.com/sf.Retrier.Do", "example.com/sf.(*Retrier).Do"} {
		a := sflogin.New(sflogin.Config{})
		if err := a.Flags.Set("retry", method); err == nil {
			t.Errorf("-retry=%q: no error", method)
		}
		if err := a.Flags.Set("login", method); err != nil {
			t.Errorf("-login=%q: %v (a login may be a method)", method, err)
		}
		if _, err := sfapi.New(sfapi.Decls{Retries: []string{method}}); err == nil {
			t.Errorf("Decls{Retries: %q}: no error", method)
		}
	}
	for _, bad := range malformed {
		if strings.Contains(bad, ",") {
			continue
		}
		if _, err := sfapi.New(sfapi.Decls{Logins: []string{bad}}); err == nil {
			t.Errorf("Decls{Logins: %q}: no error", bad)
		}
	}
}

// entryProbe asks the shared pass where each login's function runs again
// and again from several goroutines at once, as go vet's unitchecker asks
// it from the analyzers it runs in parallel: every goroutine must get the
// answer the first one gets (the finder is built once, on the first
// question). Its result is the number of logins found in entry points.
var entryProbe = &analysis.Analyzer{
	Name:       "entryprobe",
	Doc:        "ask Result.Entry concurrently",
	Requires:   []*analysis.Analyzer{sflogin.Analyzer},
	ResultType: reflect.TypeFor[int](),
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[sflogin.Analyzer].(*sflogin.Result)
		found := 0
		for _, l := range res.Flow.Logins() {
			const n = 8
			answers := make([]string, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					answers[i] = res.Entry(l.Fn).Every
				}()
			}
			wg.Wait()
			for _, a := range answers[1:] {
				if a != answers[0] {
					return nil, fmt.Errorf("%s: concurrent answers differ: %q and %q", pass.Fset.Position(l.Expr.Pos()), answers[0], a)
				}
			}
			if answers[0] != "" {
				found++
			}
		}
		return found, nil
	},
}

// TestEntryConcurrent: go vet runs a package's analyzers in parallel, and
// blindretry and sessionreuse both ask where a function runs again and
// again. A finder built lazily without synchronisation made some of them
// miss a scheduler (a lost sessionreuse finding in the pre-commit CI step).
func TestEntryConcurrent(t *testing.T) {
	t.Parallel()
	for range 2 {
		rec := &ignoreDiags{}
		results := analysistest.Run(rec, testdata(t), entryProbe, "sessionreuse/sched", "sessionreuse/handler")
		total := 0
		for _, r := range results {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			total += r.Result.(int)
		}
		if total == 0 {
			t.Fatal("no login found in an entry point: the probe tests nothing")
		}
	}
}

// ignoreDiags takes analysistest's complaints about the want comments of
// packages written for other analyzers.
type ignoreDiags struct{}

func (ignoreDiags) Errorf(string, ...any) {}
