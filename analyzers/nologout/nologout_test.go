package nologout_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sflint/sflint/analyzers/nologout"
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

// TestBasic: go-soapforce logins with a leak on an error path, on a normal
// path, a deferred logout, a logout on every branch, failed-login paths,
// panic/exit/log.Fatal paths, loops, type switches on the error, and
// clients that are not the function's to log out; and the leaking return
// reported as related location.
// TestFuncValues: logins through a method value, a function kept in a
// variable, and a closure that logs in are logins like direct calls.
func TestFuncValues(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/funcvalue")
}

func TestBasic(t *testing.T) {
	t.Parallel()
	results := messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/basic")
	checkRelated(t, results, map[string]string{
		"basic.go:19":  "24: this return leaves the session opened on line 19 logged in",
		"basic.go:32":  "38: the function ends here without logging out the session opened on line 32",
		"basic.go:44":  "49: this return leaves the session opened on line 44 logged in",
		"basic.go:183": "185: this return leaves the session opened on line 183 logged in",
		"basic.go:221": "225: the function ends here without logging out the session opened on line 221",
		"basic.go:253": "262: this return leaves the session opened on line 253 logged in",
	})
}

// TestEscape: each escape kind (returned, field, global, map, slice,
// channel, goroutine, closure, a function that takes the client over,
// writer, file) is silent; plain API calls, logging, request building and a
// function that only borrows the client are not escapes.
func TestEscape(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/escape")
}

// TestWrappers: logins and logouts through the user's wrappers in another
// package (facts of the shared pass): a wrapper handing the client back, one
// logging in on a client it is given, a DAO method logging in on its own
// client, a discarded session.
func TestWrappers(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/sfwrap", "nologout/wrapuse")
}

// TestBorrowed: a helper that only calls methods on the client borrows it
// (OwnerFact, in this package and across packages): the caller must still
// log out; a helper that stores, wraps or logs out the client takes it over;
// a function value may do anything with it.
func TestBorrowed(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/borrow")
}

// TestMainGlobal: a command's session kept in a package variable of its own
// that no function of the program logs out is reported; one logged out by
// main, or handed to a function the program cannot see into, is not.
func TestMainGlobal(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/mainglobal", "nologout/mainglobalok")
}

// TestTwoClients: a logout names the client it ends: another client of the
// same type (or an alias of the session) is told apart.
func TestTwoClients(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/twoclients")
}

// TestWrappedSessions: a wrapper that logs in twice hands back the session
// that has a logout; a getter that hands out a shared, cached session gives
// its callers no logout duty (a fact says so, across packages).
func TestWrappedSessions(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/clients")
}

// TestNestedOwner: the session kept in a field of a field (svc.sf.client):
// the outer type's Close must end it, directly or through the inner type's
// method.
func TestNestedOwner(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/nested")
}

// TestOwner: owner types whose Close, Shutdown or Stop never logs out the
// session they keep in a field, next to ones that do (directly, through a
// method or a wrapper) or hand it over.
func TestOwner(t *testing.T) {
	t.Parallel()
	results := messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/owner")
	checkRelated(t, results, map[string]string{
		"owner.go:30": "23: the session is opened here (line 23) and kept in Conn.client",
	})
}

// TestRaw: SOAP login() envelopes posted with net/http, logged out with a
// SOAP logout() in the function, a helper of the package, or a helper of
// another package (RawLogoutFact); a failed status is not a leak; a session
// id handed back is not reported.
func TestRaw(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/raw")
}

// TestRevoke: with -nologout.revoke, OAuth logins of libraries without a
// logout (x/oauth2, go-force, raw token requests) must revoke their access
// token; without the flag they are silent.
func TestRevoke(t *testing.T) {
	t.Parallel()
	a := nologout.New(sflogin.Analyzer, nologout.Config{})
	if err := a.Flags.Set("revoke", "true"); err != nil {
		t.Fatal(err)
	}
	messagetest.Run(t, testdata(t), a, "nologout/revoke")
	messagetest.Run(t, testdata(t), nologout.Analyzer, "nologout/norevoke")
}

// TestDeclared: logins and logouts declared with -sflogin.login and
// -sflogin.logout pair up: a logout method of the login's receiver type, a
// logout function of the package taking the session.
func TestDeclared(t *testing.T) {
	t.Parallel()
	login := sflogin.New(sflogin.Config{})
	for flag, val := range map[string]string{
		"login":  "nologout/declared.(*Vault).Open,nologout/declared.Authenticate,nologout/declared.Dial",
		"logout": "nologout/declared.(*Vault).Close,nologout/declared.Revoke",
	} {
		if err := login.Flags.Set(flag, val); err != nil {
			t.Fatal(err)
		}
	}
	messagetest.Run(t, testdata(t), nologout.New(login, nologout.Config{}), "nologout/declared")
}

// TestFix: the suggested fix inserts `defer <client>.Logout()` after the
// login's error check, after an if statement holding the login in its init,
// or after the login statement when its error is not checked; none when
// the wrapper's client may be nil.
func TestFix(t *testing.T) {
	t.Parallel()
	messagetest.RunWithSuggestedFixes(t, testdata(t), nologout.Analyzer, "nologout/fix")
}

// checkRelated checks that every report has one related location, and the
// line and message of some: the return that leaks the session (the closing
// brace when control falls off the end), or for an owner type the login
// whose session it keeps. want maps "file:line" of a report to "line:
// message" of its related location.
func checkRelated(t *testing.T, results []*analysistest.Result, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)
			if len(d.Related) != 1 {
				t.Errorf("%s: %d related locations, want 1", key, len(d.Related))
				continue
			}
			rel := d.Related[0]
			got[key] = fmt.Sprintf("%d: %s", r.Pass.Fset.Position(rel.Pos).Line, rel.Message)
			if rel.End < rel.Pos {
				t.Errorf("%s: related range ends before it starts", key)
			}
		}
	}
	for key, w := range want {
		if got[key] != w {
			t.Errorf("%s: related = %q, want %q", key, got[key], w)
		}
	}
}

// TestBroken runs the analyzer (and the shared pass) despite type errors,
// as golangci-lint may: it must neither panic nor fail, and still reports
// the leak in the function that is well typed around the login.
func TestBroken(t *testing.T) {
	t.Parallel()
	login := sflogin.New(sflogin.Config{})
	login.RunDespiteErrors = true
	a := nologout.New(login, nologout.Config{Revoke: true})
	a.RunDespiteErrors = true
	rec := &recorder{}
	results := analysistest.Run(rec, testdata(t), a, "nologout/broken")
	messagetest.Check(t, results)
	for _, msg := range rec.msgs {
		if !strings.Contains(msg, "unexpected diagnostic") {
			t.Error(msg)
		}
	}
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("results = %v", results)
	}
	found := false
	for _, d := range results[0].Diagnostics {
		if strings.Contains(d.Message, "not logged out on all paths") && results[0].Pass.Fset.Position(d.Pos).Line == 45 {
			found = true
		}
	}
	if !found {
		t.Errorf("no report of the leak on line 45 among %d diagnostics", len(results[0].Diagnostics))
	}
}

// recorder collects analysistest's complaints: on ill-typed code the
// diagnostics are not annotated with // want.
type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// TestDoc checks the manual that `sflint help nologout` prints: the title
// line, the flag, the suppression directive; and the README anchor.
func TestDoc(t *testing.T) {
	t.Parallel()
	a := nologout.Analyzer
	title, body, _ := strings.Cut(a.Doc, "\n")
	if title != "report Salesforce sessions that are not logged out on every path" {
		t.Errorf("title = %q", title)
	}
	for _, want := range []string{"-nologout.revoke", "//sflint:ignore nologout", "//nolint:sflint", "Salesforce recommends that\nyou always call logout()"} {
		if !strings.Contains(body, want) {
			t.Errorf("Doc lacks %q", want)
		}
	}
	if a.URL != "https://github.com/sflint/sflint#nologout" {
		t.Errorf("URL = %q", a.URL)
	}
	if a.Flags.Lookup("revoke") == nil {
		t.Error("no -revoke flag")
	}
}
