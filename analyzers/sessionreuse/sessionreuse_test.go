package sessionreuse_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sflint/sflint/analyzers/sessionreuse"
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

// TestAnalyzer runs the default analyzer over one package per shape, with
// the positives and the negatives side by side (one load for all of them):
//
//	sessionreuse/wrap     wrappers and scheduler helpers of another package: the facts, and the
//	                      broken cache and per-call login reported inside them (not again at callers)
//	sessionreuse/loop     shape 1, per iteration and per tick; retry loops, pools, workers,
//	                      per-item credentials, sessions kept across iterations
//	sessionreuse/handler  shape 2, HTTP handlers and gRPC methods, through wrappers of another
//	                      package; cached, sync.Once, reuse APIs, per-user credentials, stored sessions
//	sessionreuse/sched    shape 2, functions called on a timer (k8s wait, helpers found by facts);
//	                      retry helpers, polls, per-item callbacks
//	sessionreuse/method   shape 3, per call; constructors, lazy connections, flags, refreshes,
//	                      per-caller credentials
//	sessionreuse/cache    shape 4, broken caches and their fixes (cache.go.golden); working caches
//	                      of every kind
//	sessionreuse/refresh  re-login on INVALID_SESSION_ID, HTTP 401 or another error; refresh
//	                      tokens; //sflint:ignore
//
// It also checks the related location of one finding of each shape.
func TestAnalyzer(t *testing.T) {
	t.Parallel()
	results := messagetest.RunWithSuggestedFixes(t, testdata(t), sessionreuse.Analyzer,
		"sessionreuse/wrap", "sessionreuse/loop", "sessionreuse/handler", "sessionreuse/sched",
		"sessionreuse/method", "sessionreuse/cache", "sessionreuse/refresh")
	want := map[string]string{ // "file:line of the report" -> "line: message" of the related location
		"wrap.go:58":    "55: the cache is checked here but never assigned",
		"method.go:22":  "25: the call that uses the new session",
		"loop.go:29":    "28: the loop that runs the login every time",
		"handler.go:26": "24: the handler: it runs once per request",
		"sched.go:23":   "22: called again and again by wait.Until",
	}
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
			if rel.End < rel.Pos {
				t.Errorf("%s: related range ends before it starts", key)
			}
			got[key] = fmt.Sprintf("%d: %s", r.Pass.Fset.Position(rel.Pos).Line, rel.Message)
		}
	}
	for key, w := range want {
		if got[key] != w {
			t.Errorf("%s: related = %q, want %q", key, got[key], w)
		}
	}
}

// declared returns the analyzer with the test framework's handler type and
// scheduler declared by flag.
func declared(t *testing.T) *analysis.Analyzer {
	t.Helper()
	a := sessionreuse.New(sflogin.New(sflogin.Config{}), sessionreuse.Config{})
	for flag, val := range map[string]string{
		"handlers":   "sessionreuse/web.HandlerFunc",
		"schedulers": "sessionreuse/cron.(*Cron).AddFunc",
	} {
		if err := a.Flags.Set(flag, val); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// TestDeclared checks handler types and schedulers declared by flag.
func TestDeclared(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), declared(t), "sessionreuse/declared")
}

// recorder collects analysistest's complaints instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestUndeclared checks that without the flags nothing in package declared
// is a handler or a scheduler: each expected finding is missing, and
// nothing else is reported.
func TestUndeclared(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	messagetest.Check(t, analysistest.Run(rec, testdata(t), sessionreuse.Analyzer, "sessionreuse/declared"))
	if len(rec.errs) != 3 {
		t.Errorf("got %d complaints, want the 3 missing findings:\n%s", len(rec.errs), strings.Join(rec.errs, "\n"))
	}
	for _, e := range rec.errs {
		if !strings.Contains(e, "no diagnostic was reported matching") {
			t.Errorf("unexpected: %s", e)
		}
	}
}

// TestBadFlag checks that a malformed reference is a flag error.
func TestBadFlag(t *testing.T) {
	t.Parallel()
	a := sessionreuse.New(sflogin.New(sflogin.Config{}), sessionreuse.Config{})
	for _, name := range []string{"handlers", "schedulers"} {
		for _, bad := range []string{"nodot", "example.com/pkg.", "example.com/pkg.a.b.c"} {
			if err := a.Flags.Set(name, bad); err == nil {
				t.Errorf("-%s=%q: no error", name, bad)
			}
		}
	}
}

// TestSharedLists checks that the handler and scheduler lists are the
// shared pass's (blindretry asks the same question): -sessionreuse.handlers
// and the Config write into -sflogin.handlers, and the flag set either way
// finds the handlers.
func TestSharedLists(t *testing.T) {
	t.Parallel()
	login := sflogin.New(sflogin.Config{})
	a := sessionreuse.New(login, sessionreuse.Config{Handlers: []string{"example.com/a.H"}})
	if err := a.Flags.Set("handlers", "example.com/b.H"); err != nil {
		t.Fatal(err)
	}
	if err := login.Flags.Set("handlers", "example.com/c.H"); err != nil {
		t.Fatal(err)
	}
	want := "example.com/a.H,example.com/b.H,example.com/c.H"
	for _, f := range []*analysis.Analyzer{a, login} {
		if got := f.Flags.Lookup("handlers").Value.String(); got != want {
			t.Errorf("-%s.handlers = %q, want %q", f.Name, got, want)
		}
	}
	// Declared on the shared pass alone, the test framework's handler type
	// and scheduler are found.
	login = sflogin.New(sflogin.Config{Handlers: []string{"sessionreuse/web.HandlerFunc"}, Schedulers: []string{"sessionreuse/cron.(*Cron).AddFunc"}})
	messagetest.Run(t, testdata(t), sessionreuse.New(login, sessionreuse.Config{}), "sessionreuse/declared")
}

// TestBroken runs the analyzer (and the shared pass) despite type errors,
// as golangci-lint may: it must neither panic nor fail, and still reports
// the per-request login of the handler that is well typed around it.
func TestBroken(t *testing.T) {
	t.Parallel()
	login := sflogin.New(sflogin.Config{})
	login.RunDespiteErrors = true
	a := sessionreuse.New(login, sessionreuse.Config{})
	a.RunDespiteErrors = true
	rec := &recorder{}
	results := analysistest.Run(rec, testdata(t), a, "sessionreuse/broken")
	messagetest.Check(t, results)
	for _, msg := range rec.errs {
		if !strings.Contains(msg, "unexpected diagnostic") && !strings.Contains(msg, "unexpected fact") {
			t.Error(msg)
		}
	}
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("results = %v", results)
	}
	found := false
	for _, d := range results[0].Diagnostics {
		if strings.Contains(d.Message, "logs in on every request served by broken.handler") && results[0].Pass.Fset.Position(d.Pos).Line == 60 {
			found = true
		}
	}
	if !found {
		t.Errorf("no report of the login on line 60 among %d diagnostics", len(results[0].Diagnostics))
	}
}

// TestDoc checks the manual that `sflint help sessionreuse` prints: the
// title, the sections, the fix and what to do on INVALID_SESSION_ID, the
// flags and the suppression directives; and the README anchor.
func TestDoc(t *testing.T) {
	t.Parallel()
	a := sessionreuse.Analyzer
	title, body, _ := strings.Cut(a.Doc, "\n")
	if title != "report Salesforce logins repeated where one session should be reused" {
		t.Errorf("title = %q", title)
	}
	for _, want := range []string{
		"Per iteration:", "Per request:", "Per call:", "Broken cache:", "# Not reported", "# Fix",
		"On INVALID_SESSION_ID", "s.client = c", "-sessionreuse.handlers", "-sessionreuse.schedulers",
		"//sflint:ignore sessionreuse", "//nolint:sflint", "\"Getting and caching a session ID\"",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("Doc lacks %q", want)
		}
	}
	if a.URL != "https://github.com/sflint/sflint#sessionreuse" {
		t.Errorf("URL = %q", a.URL)
	}
	for _, name := range []string{"handlers", "schedulers"} {
		if a.Flags.Lookup(name) == nil {
			t.Errorf("no -%s flag", name)
		}
	}
}

// TestCallbacks checks the callbacks that run once per scrape or request
// besides handlers: a Prometheus collector's Collect, an OpenAPI auth writer
// (func literal and method), an http.RoundTripper; and that a cached
// session, or a method that only shares the name, is not reported. And
// handlers whose credentials are filled from the environment through a
// pointer (the same on every request), against those read from the request.
func TestCallbacks(t *testing.T) {
	t.Parallel()
	messagetest.Run(t, testdata(t), sessionreuse.Analyzer, "sessionreuse/callback", "sessionreuse/envcreds")
}
