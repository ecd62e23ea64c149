package unhandledfault_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/analyzers/unhandledfault"
	"github.com/sflint/sflint/internal/message/messagetest"
	"github.com/sflint/sflint/internal/sflogin"
	"github.com/sflint/sflint/internal/testroot"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDiscarded covers case 1 on every library, and the failure that is only
// logged before the session is used anyway.
// TestFuncValues: logins through a method value, a function kept in a
// variable, and a closure that logs in are logins like direct calls.
// TestEndsProcess: a command (package main) or a test, or a function only
// tests call, that prints the whole login error and ends the process has
// handled it; one that exits without printing the error, or only logs it
// and goes on, has not; and a library that ends its host has not either.
// TestOwnErrors: a branch taken only for an error the login never returns
// (the program's own sentinel, which it never wraps a fault with; a gRPC
// code other than Unknown) is not a branch where the login failed.
func TestOwnErrors(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/sentinel")
}

func TestEndsProcess(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/climain", "unhandledfault/testhelper")
}

func TestFuncValues(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/funcvalue")
}

func TestDiscarded(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/discard")
}

// TestSwallowed covers case 2, and the inspections, propagations and
// hand-overs that are not reported, path by path.
func TestSwallowed(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/swallow")
}

// TestErased covers case 3 and its fix (%v -> %w where the error itself is formatted).
func TestErased(t *testing.T) {
	t.Parallel()
	messagetest.RunWithSuggestedFixes(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/erase")
}

// TestComparison covers case 4 and its fix (the prefix the library keeps).
func TestComparison(t *testing.T) {
	t.Parallel()
	messagetest.RunWithSuggestedFixes(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/compare")
}

// TestClassification covers case 5 with the default configuration.
func TestClassification(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/classify")
}

// TestClassificationFlags covers -codes (which replaces the list of each
// vocabulary it names) and -default-counts.
func TestClassificationFlags(t *testing.T) {
	t.Parallel()
	a := unhandledfault.New(sflogin.New(sflogin.Config{}), unhandledfault.Config{})
	for flag, val := range map[string]string{"codes": "SERVER_UNAVAILABLE,invalid_grant", "default-counts": "true"} {
		if err := a.Flags.Set(flag, val); err != nil {
			t.Fatal(err)
		}
	}
	messagetest.Run(t, testdata(t), a, "unhandledfault/classifyflags")

	// The same through Config, as the golangci-lint plugin builds it.
	b := unhandledfault.New(sflogin.New(sflogin.Config{}), unhandledfault.Config{Codes: []string{"sf:SERVER_UNAVAILABLE", "invalid_grant"}, DefaultCounts: true})
	messagetest.Run(t, testdata(t), b, "unhandledfault/classifyflags")
}

// TestBadCode checks that an unknown code is a usage error, and that the
// flags of one analyzer do not leak into another.
func TestBadCode(t *testing.T) {
	t.Parallel()
	a := unhandledfault.New(sflogin.Analyzer, unhandledfault.Config{})
	for _, bad := range []string{"NOT_A_CODE", "invalid_login", "INVALID_LOGIN,bogus"} {
		if err := a.Flags.Set("codes", bad); err == nil {
			t.Errorf("-codes=%q: no error", bad)
		}
	}
	if err := a.Flags.Set("codes", "INVALID_LOGIN"); err != nil {
		t.Fatal(err)
	}
	if got := unhandledfault.Analyzer.Flags.Lookup("codes").Value.String(); got != "" {
		t.Errorf("the default analyzer's -codes is %q after setting another instance's", got)
	}
}

// TestExpired covers case 6: LoginResult.PasswordExpired never read.
func TestExpired(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/expired")
}

// TestCrossPackage checks the facts on wrappers and that the duty moves with
// the error: callers of an un-inspected wrapper (in another package, or a
// wrapper of it) are checked; callers of an inspecting one are not.
func TestCrossPackage(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/wrapper/lib", "unhandledfault/wrapper/app")
}

// TestDeclaredClassifier checks that a function declared with
// -sflogin.classifier counts as inspecting the fault.
func TestDeclaredClassifier(t *testing.T) {
	t.Parallel()
	login := sflogin.New(sflogin.Config{})
	if err := login.Flags.Set("classifier", "unhandledfault/declared.(*Alerts).Route"); err != nil {
		t.Fatal(err)
	}
	messagetest.Run(t, testdata(t), unhandledfault.New(login, unhandledfault.Config{}), "unhandledfault/declared")
}

// TestIllTyped runs on a package that does not type-check (as gopls and
// golangci-lint may): no panic, and the well-typed parts are still checked.
func TestIllTyped(t *testing.T) {
	t.Parallel()
	login := sflogin.New(sflogin.Config{})
	login.RunDespiteErrors = true
	a := unhandledfault.New(login, unhandledfault.Config{})
	a.RunDespiteErrors = true
	messagetest.Run(t, testdata(t), a, "unhandledfault/illtyped")
}

// TestDoc checks that the analyzer's documentation is doc.go's "# Analyzer"
// section: a one-line title first, then the manual.
func TestDoc(t *testing.T) {
	t.Parallel()
	a := unhandledfault.Analyzer
	title, rest, _ := strings.Cut(a.Doc, "\n\n")
	// The title is one line starting with "report", like every sflint
	// analyzer's: the drivers print "<name>: <title>".
	if !strings.HasPrefix(title, "report ") || strings.Contains(title, "\n") {
		t.Errorf("Doc title = %q, want one line starting with \"report \"", title)
	}
	for _, want := range []string{"-unhandledfault.codes", "-unhandledfault.default-counts", "//sflint:ignore unhandledfault", "//nolint:sflint", "PasswordExpired", "%w"} {
		if !strings.Contains(rest, want) {
			t.Errorf("Doc does not mention %s", want)
		}
	}
	if a.URL != "https://github.com/sflint/sflint#unhandledfault" {
		t.Errorf("URL = %q", a.URL)
	}
	if len(a.FactTypes) == 0 {
		t.Error("no fact types: the duty could not move across packages")
	}
}

// TestVersions checks that the advice, the erasures and the facts follow the
// version of simpleforce loaded: the 2020 version keeps no code (upgrade),
// the 2021 versions keep it in the text (no SalesforceError to errors.As).
func TestVersions(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"2020", "2021"} {
		root := testroot.Merge(t, testdata(t), filepath.Join(testdata(t), "versions", "simpleforce"+v))
		messagetest.Run(t, root, unhandledfault.Analyzer, "unhandledfault/v"+v+"/...")
	}
}

// TestFork checks a fork that renamed the login (melan/go-force's
// CreateOAuth): inferred from its parameter names, with the library's fault.
func TestFork(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/fork")
}

// TestRaw checks hand-written logins: a token response never checked, a
// failing answer replaced (erased) or only printed (swallowed).
func TestRaw(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/raw")
}

// TestOAuth2Evidence checks an x/oauth2 login whose TokenURL is a setting
// named for Salesforce.
func TestOAuth2Evidence(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/oauth2ev")
}

// TestLoggers checks that structured loggers (hclog, zap, zerolog, logrus,
// logr, go-kit, slog) are sinks: the error only logged is swallowed, and a
// log call before a %v erasure does not hide it.
func TestLoggers(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), unhandledfault.Analyzer, "unhandledfault/loggers")
}
