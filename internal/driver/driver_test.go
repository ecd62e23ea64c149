package driver_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/driver"
	"github.com/sflint/sflint/internal/sflogin"
)

// fake reports every call to a function named Login and offers a fix that
// renames it to LoginOnce: enough to exercise output formats, fixes and
// exit statuses without depending on a real analyzer.
var fake = &analysis.Analyzer{
	Name: "fake",
	Doc:  "report calls named Login\n\nA test analyzer.",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "Login" {
					pass.Report(analysis.Diagnostic{
						Pos: id.Pos(), End: id.End(), Message: "call to Login",
						SuggestedFixes: []analysis.SuggestedFix{{
							Message:   "call LoginOnce",
							TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("LoginOnce")}},
						}},
					})
				}
				return true
			})
		}
		return nil, nil
	},
}

// silent reports nothing: a second analyzer to select.
var silent = &analysis.Analyzer{
	Name: "silent",
	Doc:  "report nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

const src = `package m

func Login() error     { return nil }
func LoginOnce() error { return nil }

func use() error {
	return Login()
}
`

// module writes a one-package module and returns its directory.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) }) // -C changes the process's directory
	var stdout, stderr bytes.Buffer
	code := driver.Main("sflint", args, &stdout, &stderr, sflogin.Analyzer, []*analysis.Analyzer{fake, silent})
	return code, stdout.String(), stderr.String()
}

func TestTextAndExitStatus(t *testing.T) {
	dir := module(t, map[string]string{"m.go": src})
	code, stdout, stderr := run(t, "-C", dir, "./...")
	if code != driver.ExitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, driver.ExitFindings, stderr)
	}
	if want := "m.go:7:9: call to Login (fake)\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

func TestJSON(t *testing.T) {
	dir := module(t, map[string]string{"m.go": src})
	code, stdout, _ := run(t, "-C", dir, "-json", "./...")
	if code != driver.ExitFindings {
		t.Fatalf("exit %d, want %d", code, driver.ExitFindings)
	}
	var tree map[string]map[string][]struct {
		Posn           string `json:"posn"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Message string `json:"message"`
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, stdout)
	}
	diags := tree["example.com/m"]["fake"]
	if len(diags) != 1 || diags[0].Message != "call to Login" || !strings.HasSuffix(diags[0].Posn, "m.go:7:9") ||
		len(diags[0].SuggestedFixes) != 1 {
		t.Errorf("unexpected JSON tree: %s", stdout)
	}
}

func TestCleanIsZero(t *testing.T) {
	dir := module(t, map[string]string{"m.go": "package m\n\nfunc f() {}\n"})
	if code, stdout, stderr := run(t, "-C", dir, "./..."); code != driver.ExitClean || stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and nothing", code, stdout, stderr)
	}
}

func TestFix(t *testing.T) {
	dir := module(t, map[string]string{"m.go": src})
	code, stdout, stderr := run(t, "-C", dir, "-fix", "./...")
	if code != driver.ExitClean {
		t.Fatalf("-fix: exit %d; stderr: %s", code, stderr)
	}
	if want := "sflint: 1 fix applied, 1 file changed\n"; stderr != want || stdout != "" {
		t.Errorf("-fix: stdout %q, stderr %q; want nothing and %q", stdout, stderr, want)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "m.go"))
	if want := strings.Replace(src, "return Login()", "return LoginOnce()", 1); string(got) != want {
		t.Errorf("after -fix:\n%s\nwant:\n%s", got, want)
	}
}

// -fix reports what it did, and what it could not do.
func TestFixSummary(t *testing.T) {
	two := strings.Replace(src, "func use() error {", "func twice() { Login(); Login() }\n\nfunc use() error {", 1)
	dir := module(t, map[string]string{"m.go": two, "n.go": "package m\n\nfunc other() { Login() }\n", "o.go": "package m\n\nfunc none() {}\n"})
	if _, _, stderr := run(t, "-C", dir, "-fix", "./..."); stderr != "sflint: 4 fixes applied, 2 files changed\n" {
		t.Errorf("stderr = %q", stderr)
	}
	// Nothing left to fix.
	if code, _, stderr := run(t, "-C", dir, "-fix", "./..."); code != driver.ExitClean || stderr != "sflint: 0 fixes applied, 0 files changed\n" {
		t.Errorf("second -fix: exit %d, stderr %q", code, stderr)
	}
}

// -diff exits 1 when it prints a diff, as go vet -fix -diff and gofmt -d do,
// so that it can gate a CI job; 0 when there is nothing to change.
func TestDiff(t *testing.T) {
	dir := module(t, map[string]string{"m.go": src})
	code, stdout, stderr := run(t, "-C", dir, "-diff", "./...")
	if code != driver.ExitDiff || stderr != "" {
		t.Fatalf("-diff: exit %d, stderr %q; want %d and nothing", code, stderr, driver.ExitDiff)
	}
	if !strings.Contains(stdout, "-\treturn Login()") || !strings.Contains(stdout, "+\treturn LoginOnce()") {
		t.Errorf("-diff output lacks the change:\n%s", stdout)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "m.go")); string(got) != src {
		t.Error("-diff wrote the file")
	}
	clean := module(t, map[string]string{"m.go": "package m\n\nfunc f() {}\n"})
	if code, stdout, _ := run(t, "-C", clean, "-diff", "./..."); code != driver.ExitClean || stdout != "" {
		t.Errorf("-diff with nothing to fix: exit %d, stdout %q", code, stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-nosuchflag", "./..."},
		{"-format=xml", "./..."},
		{},
		{"-sflogin.login=nodot", "./..."},
		{"-fake=maybe", "./..."},
		{"-tests=some", "./..."},
		{"-fix", "-baseline-write=b.json", "./..."},
		{"-baseline-write=no/such/dir/b.json", "./..."},
		{"-baseline=no-such-baseline.json", "./..."},
	} {
		code, stdout, stderr := run(t, args...)
		if code != driver.ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, driver.ExitUsage)
		}
		if stdout != "" || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: want one line on stderr and nothing on stdout; got stdout %q stderr %q", args, stdout, stderr)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := module(t, map[string]string{
		"m.go":     src,
		"bad/b.go": "package bad\n\nfunc f( {\n",
	})
	// The finding of the clean package wins the exit status; the error is printed.
	code, stdout, stderr := run(t, "-C", dir, "./...")
	if code != driver.ExitFindings || !strings.Contains(stdout, "call to Login") {
		t.Errorf("syntax error beside a finding: exit %d, stdout %q; want %d and the finding", code, stdout, driver.ExitFindings)
	}
	if !strings.Contains(stderr, filepath.Join("bad", "b.go")+":3:") || strings.Contains(stderr, "goroutine") {
		t.Errorf("syntax error: stderr = %q", stderr)
	}
	code, _, _ = run(t, "-C", dir, "./bad")
	if code != driver.ExitError {
		t.Errorf("syntax error alone: exit %d, want %d", code, driver.ExitError)
	}
	code, _, stderr = run(t, "-C", dir, "./nosuchdir/...")
	if code != driver.ExitError || strings.Count(stderr, "\n") != 1 {
		t.Errorf("no match: exit %d stderr %q; want %d and one line", code, stderr, driver.ExitError)
	}
}

func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-fak", "./..."}, "sflint: flag provided but not defined: -fak (did you mean -fake?) (run 'sflint -h' for usage)\n"},
		{[]string{"-formt=json", "./..."}, "sflint: flag provided but not defined: -formt (did you mean -format?) (run 'sflint -h' for usage)\n"},
		{[]string{"-format=sarf", "./..."}, `sflint: unknown -format "sarf": want json, sarif, text (did you mean sarif?) (run 'sflint -h' for usage)` + "\n"},
		{[]string{"-tests=al", "./..."}, `sflint: invalid value "al" for flag -tests: want secrets, all or none, not "al" (did you mean all?) (run 'sflint -h' for usage)` + "\n"},
		{[]string{"help", "fak"}, `sflint: no analyzer named "fak" (did you mean fake?)` + "\n"},
	} {
		code, _, stderr := run(t, tc.args...)
		if code != driver.ExitUsage || stderr != tc.want {
			t.Errorf("%q: exit %d, stderr\n %q\nwant\n %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, stderr := run(t, "-version")
	if code != driver.ExitClean || stderr != "" || !regexp.MustCompile(`^sflint (v\S+|devel( \(.*\))?) \(built with go\S+\)\n$`).MatchString(stdout) {
		t.Errorf("-version: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestHelp(t *testing.T) {
	code, stdout, _ := run(t, "help", "fake")
	if code != driver.ExitClean || !strings.HasPrefix(stdout, "fake: report calls named Login") {
		t.Errorf("help fake: exit %d, stdout %q", code, stdout)
	}
	code, _, stderr := run(t, "help", "nosuch")
	if code != driver.ExitUsage || !strings.Contains(stderr, "nosuch") {
		t.Errorf("help nosuch: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ = run(t, "-h")
	if code != driver.ExitClean || !strings.Contains(stdout, "Exit status:") {
		t.Errorf("-h: exit %d, stdout lacks the exit statuses", code)
	}
}

// renamer reports calls to Login in m.go like fake, with a fix that renames
// them to name: run beside fake, their fixes conflict there.
func renamer(name string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "rename" + strings.ToLower(name),
		Doc:  "report calls named Login, fix to " + name,
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				if filepath.Base(pass.Fset.File(f.FileStart).Name()) != "m.go" {
					continue
				}
				ast.Inspect(f, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && id.Name == "Login" {
						if _, isCall := pass.TypesInfo.Uses[id].(*types.Func); isCall {
							pass.Report(analysis.Diagnostic{Pos: id.Pos(), End: id.End(), Message: "rename Login",
								SuggestedFixes: []analysis.SuggestedFix{{Message: "call " + name,
									TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte(name)}}}}})
						}
					}
					return true
				})
			}
			return nil, nil
		},
	}
}

// elsewhere reports the declaration of use and offers a fix that edits
// another file of the package.
var elsewhere = &analysis.Analyzer{
	Name: "elsewhere",
	Doc:  "a fix in another file",
	Run: func(pass *analysis.Pass) (any, error) {
		var use *ast.FuncDecl
		var other *ast.File
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "use" {
					use = fd
				}
			}
			if strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "other.go") {
				other = f
			}
		}
		if use != nil && other != nil {
			pass.Report(analysis.Diagnostic{Pos: use.Name.Pos(), Message: "use is here",
				SuggestedFixes: []analysis.SuggestedFix{{Message: "touch other.go",
					TextEdits: []analysis.TextEdit{{Pos: other.Name.End(), End: other.Name.End(), NewText: []byte(" // touched")}}}}})
		}
		return nil, nil
	},
}

func runWith(t *testing.T, checks []*analysis.Analyzer, args ...string) (int, string, string) {
	t.Helper()
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	var stdout, stderr bytes.Buffer
	code := driver.Main("sflint", args, &stdout, &stderr, sflogin.Analyzer, checks)
	return code, stdout.String(), stderr.String()
}

// TestFixConflictWritesNothing: two findings whose fixes edit the same text
// make -fix fail as a whole: no file is written, not even one whose fixes
// were fine, and stderr says which findings clash.
func TestFixConflictWritesNothing(t *testing.T) {
	other := "package m\n\nfunc other() error {\n\treturn LoginOnce()\n}\n\nfunc again() error { return Login() }\n"
	dir := module(t, map[string]string{"m.go": src, "z.go": other})
	// In z.go, fake's fix alone is fine; in m.go it clashes with the renamer's.
	code, stdout, stderr := runWith(t, []*analysis.Analyzer{fake, renamer("LoginTwice")}, "-C", dir, "-fix", "./...")
	if code != driver.ExitError {
		t.Fatalf("exit %d, want %d; stderr %q", code, driver.ExitError, stderr)
	}
	want := "sflint: m.go: the fixes of two findings edit the same text: m.go:7:9 (fake) and m.go:7:9 (renamelogintwice); apply them one analyzer at a time (e.g. -fix -renamelogintwice); no file written\n"
	if stdout != "" || stderr != want {
		t.Errorf("stdout %q, stderr %q; want nothing and %q", stdout, stderr, want)
	}
	for name, want := range map[string]string{"m.go": src, "z.go": other} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
			t.Errorf("%s was written:\n%s", name, got)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "sflint-fix") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	// -diff fails the same way, printing nothing.
	code, stdout, _ = runWith(t, []*analysis.Analyzer{fake, renamer("LoginTwice")}, "-C", dir, "-diff", "./...")
	if code != driver.ExitError || stdout != "" {
		t.Errorf("-diff: exit %d, stdout %q; want %d and nothing", code, stdout, driver.ExitError)
	}
}

// TestFixInAnotherFileDropped: a fix whose edits fall in another file than
// the finding's is never applied nor shown; a note says so.
func TestFixInAnotherFileDropped(t *testing.T) {
	otherSrc := "package m\n\nvar _ = 1\n"
	dir := module(t, map[string]string{"m.go": src, "other.go": otherSrc})
	code, stdout, stderr := runWith(t, []*analysis.Analyzer{elsewhere}, "-C", dir, "-fix", "./...")
	if code != driver.ExitClean || stdout != "" {
		t.Fatalf("-fix: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	want := "sflint: note: m.go:6:6: fix \"touch other.go\" dropped: it edits other.go, not m.go where the finding is\n"
	summary := "sflint: 0 fixes applied, 0 files changed; 1 finding without an automatic fix remains\n"
	if stderr != want+summary {
		t.Errorf("stderr = %q, want %q", stderr, want+summary)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "other.go")); string(got) != otherSrc {
		t.Errorf("other.go was written:\n%s", got)
	}
	for _, format := range []string{"json", "sarif"} {
		_, stdout, stderr = runWith(t, []*analysis.Analyzer{elsewhere}, "-C", dir, "-format="+format, "./...")
		if strings.Contains(stdout, "touch other.go") || !strings.Contains(stdout, "use is here") || stderr != want {
			t.Errorf("-format=%s shows the fix, or no note:\nstdout %s\nstderr %q", format, stdout, stderr)
		}
	}
	// Text output shows no fix: no note either.
	if _, _, stderr = runWith(t, []*analysis.Analyzer{elsewhere}, "-C", dir, "./..."); stderr != "" {
		t.Errorf("text: stderr %q, want nothing", stderr)
	}
}

// The .sflint.yml found from the working directory up to the module root
// configures the run; a flag on the command line wins over its key.
func TestConfigFile(t *testing.T) {
	dir := module(t, map[string]string{"m.go": src, "sub/s.go": "package sub\n"})
	writeFile := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(".sflint.yml", "disable: [fake]\n")
	if code, stdout, stderr := run(t, "-C", dir, "./..."); code != driver.ExitClean || stdout != "" || stderr != "" {
		t.Errorf("disable: [fake]: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// Found from a subdirectory too.
	if code, _, _ := run(t, "-C", filepath.Join(dir, "sub"), "../..."); code != driver.ExitClean {
		t.Errorf("from sub/: exit %d", code)
	}
	// The command line's choice of analyzers wins.
	if code, _, _ := run(t, "-C", dir, "-fake", "./..."); code != driver.ExitFindings {
		t.Errorf("-fake over disable: [fake]: exit %d", code)
	}
	// -config names another file; relative to -C, like go -C.
	writeFile("other.yml", "enable: [fake]\n")
	if code, _, stderr := run(t, "-C", dir, "-config", "other.yml", "./..."); code != driver.ExitFindings {
		t.Errorf("-config other.yml: exit %d, stderr %q", code, stderr)
	}
	for _, tc := range []struct {
		file, flag, want string
	}{
		{"disabel: [fake]\n", "", `sflint: .sflint.yml:1: unknown key "disabel" (did you mean "disable"?); valid keys: enable, disable, `},
		{"enable: [fak]\n", "", `sflint: .sflint.yml:1: enable: no analyzer named "fak" (did you mean "fake"?); analyzers: fake, silent`},
		{"logins: [nodot]\n", "", `sflint: .sflint.yml:1: logins: `},
		{"", "-config=nope.yml", "sflint: nope.yml: no such file or directory\n"},
	} {
		writeFile(".sflint.yml", tc.file)
		args := []string{"-C", dir}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		code, stdout, stderr := run(t, append(args, "./...")...)
		if code != driver.ExitUsage || stdout != "" || !strings.HasPrefix(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q %s: exit %d, stderr %q; want %d and one line starting %q", tc.file, tc.flag, code, stderr, driver.ExitUsage, tc.want)
		}
	}
}

// Identical findings in one function are counted: a baseline that records
// two lets a third through.
func TestBaselineCounts(t *testing.T) {
	two := "package m\n\nfunc Login() error { return nil }\n\nfunc twice() {\n\tLogin()\n\tLogin()\n}\n"
	dir := module(t, map[string]string{"m.go": two})
	if code, _, stderr := run(t, "-C", dir, "-baseline-write=b.json", "./..."); code != driver.ExitClean || stderr != "sflint: recorded 2 findings in b.json\n" {
		t.Fatalf("-baseline-write: exit %d, stderr %q", code, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "b.json"))
	if !strings.Contains(string(data), `"count": 2`) {
		t.Errorf("baseline does not count the two identical findings:\n%s", data)
	}
	three := strings.Replace(two, "\tLogin()\n}", "\tLogin()\n\tLogin()\n}", 1)
	if err := os.WriteFile(filepath.Join(dir, "m.go"), []byte(three), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := run(t, "-C", dir, "-baseline=b.json", "./...")
	if code != driver.ExitFindings || strings.Count(stdout, "\n") != 1 || !strings.HasPrefix(stdout, "m.go:8:2: ") {
		t.Errorf("a third identical finding: exit %d, stdout %q; want it alone, on line 8", code, stdout)
	}
}
