package hardcodedtoken_test

import (
	"bytes"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sflint/sflint/analyzers/hardcodedtoken"
	"github.com/sflint/sflint/internal/driver"
	"github.com/sflint/sflint/internal/message/messagetest"
	"github.com/sflint/sflint/internal/sflogin"
	"github.com/sflint/sflint/internal/suite"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// libraries are the testdata packages of TestLibraries: one per library of
// the table (and the wrapper, raw HTTP and look-alike cases), each with
// positives and negatives side by side and a .golden file per fixed file.
var libraries = []string{
	"hardcodedtoken/simpleforce",  // LoginPassword, SetSidLoc, the conductorone fork; placeholders
	"hardcodedtoken/soapforce",    // Login (+ concatenation shapes), LoginWithOAuth, setters, structs; metaforce
	"hardcodedtoken/goforce",      // Create, CreateWithAccessToken, CreateWithRefreshToken
	"hardcodedtoken/gosalesforce", // Creds v1, v2, v3 at Init and where built
	"hardcodedtoken/gosfdc",       // PasswordCredentials, g8rswimmer and elastic
	"hardcodedtoken/oauth2",       // x/oauth2 against Salesforce's token URL
	"hardcodedtoken/oauth2ev",     // x/oauth2 against a token URL from a setting named for Salesforce
	"hardcodedtoken/rawhttp",      // raw OAuth form
	"hardcodedtoken/rawform",      // raw OAuth form body built with fmt.Sprintf or +
	"hardcodedtoken/structwrap",   // literals in a struct passed to another package's wrapper
	"hardcodedtoken/forcelib",     // ForceCLI lib
	"hardcodedtoken/ldap",         // look-alikes: nothing reported
	"hardcodedtoken/wrap",         // wrappers (and a literal inside one)
	"hardcodedtoken/wrapuse",      // literals passed to another package's wrappers
	"hardcodedtoken/fiximports",   // how the fix imports os, and when it is not offered
	"hardcodedtoken/fork",         // a fork that renamed the login (melan/go-force), its tests' constants
	"hardcodedtoken/forkwrap/...", // literals passed to another package's wrapper of the fork's login
}

// TestLibraries checks the reports and the suggested fixes (golden files) for
// every library of the table.
func TestLibraries(t *testing.T) {
	results := messagetest.RunWithSuggestedFixes(t, testdata(t), hardcodedtoken.Analyzer, libraries...)
	assertNoSecret(t, results)
}

// TestTestFiles checks that _test.go files (in-package and external tests)
// are checked by default.
func TestTestFiles(t *testing.T) {
	results := messagetest.RunWithSuggestedFixes(t, testdata(t), hardcodedtoken.Analyzer, "hardcodedtoken/testfiles")
	assertNoSecret(t, results)
}

// TestTestsFlag checks that -tests=false (or Config.SkipTests) leaves
// _test.go files out and keeps the others.
func TestTestsFlag(t *testing.T) {
	a := hardcodedtoken.New(sflogin.Analyzer, hardcodedtoken.Config{})
	if got := a.Flags.Lookup("tests").Value.String(); got != "true" {
		t.Errorf("-tests default = %s, want true", got)
	}
	if err := a.Flags.Set("tests", "false"); err != nil {
		t.Fatal(err)
	}
	messagetest.Run(t, testdata(t), a, "hardcodedtoken/notests")
	messagetest.Run(t, testdata(t), hardcodedtoken.New(sflogin.Analyzer, hardcodedtoken.Config{SkipTests: true}), "hardcodedtoken/notests")
	if err := a.Flags.Set("tests", "maybe"); err == nil {
		t.Error("-tests=maybe: no error")
	}
}

// TestMinLength checks -min-length: shorter constants are placeholders.
func TestMinLength(t *testing.T) {
	a := hardcodedtoken.New(sflogin.Analyzer, hardcodedtoken.Config{})
	if got := a.Flags.Lookup("min-length").Value.String(); got != strconv.Itoa(hardcodedtoken.DefaultMinLength) {
		t.Errorf("-min-length default = %s, want %d", got, hardcodedtoken.DefaultMinLength)
	}
	if err := a.Flags.Set("min-length", "30"); err != nil {
		t.Fatal(err)
	}
	messagetest.Run(t, testdata(t), a, "hardcodedtoken/minlength")
	messagetest.Run(t, testdata(t), hardcodedtoken.New(sflogin.Analyzer, hardcodedtoken.Config{MinLength: 30}), "hardcodedtoken/minlength")
}

// TestIgnore checks //sflint:ignore hardcodedtoken on the line, on the line
// above and in the function's doc comment, and that a directive naming
// another analyzer does not silence this one.
func TestIgnore(t *testing.T) {
	messagetest.Run(t, testdata(t), hardcodedtoken.Analyzer, "hardcodedtoken/ignore", "hardcodedtoken/leak")
}

// TestDeclared checks a login declared with -sflogin.login: the roles come
// from its parameters' names.
func TestDeclared(t *testing.T) {
	login := sflogin.New(sflogin.Config{})
	if err := login.Flags.Set("login", "hardcodedtoken/declared.Authenticate"); err != nil {
		t.Fatal(err)
	}
	messagetest.Run(t, testdata(t), hardcodedtoken.New(login, hardcodedtoken.Config{}), "hardcodedtoken/declared")
}

// TestDoc checks that the manual is extracted from doc.go.
func TestDoc(t *testing.T) {
	doc := hardcodedtoken.Analyzer.Doc
	title, body, _ := strings.Cut(doc, "\n")
	if title == "" || strings.HasPrefix(title, "hardcodedtoken") || strings.Contains(title, "TODO") {
		t.Errorf("bad title %q", title)
	}
	for _, want := range []string{"-hardcodedtoken.tests", "-hardcodedtoken.min-length", "//sflint:ignore hardcodedtoken", "//nolint:sflint", "-c="} {
		if !strings.Contains(body, want) {
			t.Errorf("Doc does not mention %s", want)
		}
	}
}

// assertNoSecret checks, for every diagnostic, that no string literal of the
// source ranges it points at (the report, its related information, the text
// its fixes replace) appears in what it prints: the message, the related
// messages, the fix descriptions and the replacement text.
func assertNoSecret(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	n := 0
	for _, r := range results {
		fset := r.Pass.Fset
		for _, d := range r.Diagnostics {
			var secrets []string
			collect := func(pos, end token.Pos) {
				if pos.IsValid() && end.IsValid() && end > pos {
					secrets = append(secrets, literalsIn(t, fset, pos, end)...)
				}
			}
			collect(d.Pos, d.End)
			for _, rel := range d.Related {
				collect(rel.Pos, rel.End)
			}
			printed := []string{d.Message}
			for _, rel := range d.Related {
				printed = append(printed, rel.Message)
			}
			for _, f := range d.SuggestedFixes {
				printed = append(printed, f.Message)
				for _, e := range f.TextEdits {
					collect(e.Pos, e.End)
					printed = append(printed, string(e.NewText))
				}
			}
			for _, s := range secrets {
				n++
				for _, p := range printed {
					if sub := leaked(s, p); sub != "" {
						t.Errorf("%s: %q of a reported literal is printed in %q", fset.Position(d.Pos), sub, p)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("no reported literal found: the check checks nothing")
	}
}

// literalsIn returns the values of the string literals of the source range.
func literalsIn(t *testing.T, fset *token.FileSet, pos, end token.Pos) []string {
	tf := fset.File(pos)
	src, err := os.ReadFile(tf.Name())
	if err != nil {
		t.Fatal(err)
	}
	text := src[tf.Offset(pos):tf.Offset(end)]
	var s scanner.Scanner
	s.Init(token.NewFileSet().AddFile("", -1, len(text)), text, nil, 0)
	var out []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok == token.STRING {
			if v, err := strconv.Unquote(lit); err == nil && len(v) >= minLeak {
				out = append(out, pemArmor.ReplaceAllString(v, ""))
			}
		}
	}
}

// pemArmor matches the public BEGIN/END lines of a PEM block.
var pemArmor = regexp.MustCompile(`-----(BEGIN|END) [A-Z ]+-----`)

// minLeak is the length of the shortest run of a secret's characters that
// counts as printing it.
const minLeak = 6

// leaked returns a run of at least minLeak characters of secret found in
// printed, or "".
func leaked(secret, printed string) string {
	for i := 0; i+minLeak <= len(secret); i++ {
		if sub := secret[i : i+minLeak]; strings.Contains(printed, sub) {
			return sub
		}
	}
	return ""
}

// The secrets of testdata/src/hardcodedtoken/leak.
var leakSecrets = []string{
	"Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U",
	"Vb6Nm5!Xc4Za",
	"00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8.Aa7Ss6Dd5_Ff4",
	"Tq7Yu6Io5Pa4Sd3Fg2Hj1Kl0", // roads.go: held by a constant named after it
	"Rs9Tu8Vw7Xy6Za5",          // roads.go: held by a variable named after it
}

// leakRoads are, for each road by which a secret could reach the output
// other than a credential's own message, text that shows the finding that
// takes it is in the output (elided): otherwise the check proves nothing.
var leakRoads = map[string]string{
	"an expression echoed in a message (nologout: the map element holding the session)": "Logout() after the login's error check",
	"a constant whose name spells its value":                                            "is the constant … (24 chars)",
	"a variable whose name spells its value":                                            "via package variable …",
	"a word of a directive echoed in a message (sflintignore)":                          "which is not an sflint analyzer",
}

var formatsRE = regexp.MustCompile(`unknown -format "[^"]*": want ([a-z, ]+) \(`)

// driverFormats returns the output formats the driver accepts, as it lists
// them when given an unknown one: a new format is checked without editing
// this test.
func driverFormats(t *testing.T) []string {
	t.Helper()
	s := suite.New(suite.Config{})
	var stdout, stderr bytes.Buffer
	code := driver.Main("sflint", []string{"-format=?", "."}, &stdout, &stderr, s.Login, s.Checks)
	m := formatsRE.FindStringSubmatch(stderr.String())
	if code != driver.ExitUsage || m == nil {
		t.Fatalf("sflint -format=?: exit %d, stderr %q: cannot read the list of formats", code, stderr.String())
	}
	formats := strings.Split(m[1], ", ")
	for _, want := range []string{"text", "json"} {
		if !strings.Contains(m[1], want) {
			t.Fatalf("formats %q lack %s", formats, want)
		}
	}
	return formats
}

// TestOutputFormats runs the whole sflint command line (every analyzer of
// the suite) on a package holding known secrets, in every output format the
// driver has, and checks that no run of 6 or more of their characters is
// printed. (-c=N and -diff print source lines on purpose: they are not
// output formats, and the manual warns about them.)
func TestOutputFormats(t *testing.T) {
	dir := filepath.Join(testdata(t), "src", "hardcodedtoken", "leak")
	var src []byte
	for _, name := range []string{"leak.go", "roads.go"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		src = append(src, b...)
	}
	for _, s := range leakSecrets {
		if !bytes.Contains(src, []byte(s)) {
			t.Fatalf("leak.go and roads.go do not hold the secret %q any more", s)
		}
	}
	for _, road := range []string{`clients["00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8"].Login`, "-- QA password Vb6Nm5!Xc4Za", "//sflint:ignore Vb6Nm5!Xc4Za"} {
		if !bytes.Contains(src, []byte(road)) {
			t.Fatalf("roads.go does not hold %q any more", road)
		}
	}
	t.Setenv("GOPATH", testdata(t))
	t.Setenv("GO111MODULE", "off")
	t.Setenv("GOWORK", "off")
	t.Chdir(dir)
	formats := driverFormats(t)
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			s := suite.New(suite.Config{})
			var stdout, stderr bytes.Buffer
			args := []string{"-format=" + format, "./..."}
			if format == "sarif" {
				// Suppressed results, and so the directives' reasons, are
				// in the log only with -show-ignored.
				args = []string{"-format=sarif", "-show-ignored", "./..."}
			}
			code := driver.Main("sflint", args, &stdout, &stderr, s.Login, s.Checks)
			if code != driver.ExitFindings {
				t.Fatalf("exit %d, want %d (findings)\nstderr:\n%s", code, driver.ExitFindings, stderr.String())
			}
			out := stdout.String() + stderr.String()
			if !strings.Contains(out, "security token for simpleforce.(*Client).LoginPassword") {
				t.Fatalf("the findings are not in the output:\n%s", out)
			}
			for _, secret := range leakSecrets {
				if sub := leaked(secret, out); sub != "" {
					t.Errorf("-format=%s prints %q, part of a secret:\n%s", format, sub, out)
				}
			}
			for road, text := range leakRoads {
				if !strings.Contains(out, text) {
					t.Errorf("-format=%s: the finding of %s (%q) is not in the output:\n%s", format, road, text, out)
				}
			}
			// SARIF copies the //sflint:ignore reason of a suppressed finding.
			if format == "sarif" && !strings.Contains(out, `"justification": "QA password … rotates nightly (see \"…\")"`) {
				t.Errorf("-format=sarif: the reason quoting the secret is not there, elided:\n%s", out)
			}
		})
	}
	if len(formats) < 2 {
		t.Errorf("only %d formats checked", len(formats))
	}

	// The control: -c=0 and -diff print source lines, secrets included, as
	// the manual and their help warn. If this stops finding them, the
	// checks above are blind.
	s := suite.New(suite.Config{})
	var stdout, stderr bytes.Buffer
	driver.Main("sflint", []string{"-c=0", "./..."}, &stdout, &stderr, s.Login, s.Checks)
	if leaked(leakSecrets[0], stdout.String()) == "" {
		t.Errorf("-c=0 does not print the source line:\n%s", stdout.String())
	}
	stdout.Reset()
	driver.Main("sflint", []string{"-diff", "./..."}, &stdout, &stderr, s.Login, s.Checks)
	if leaked(leakSecrets[0], stdout.String()) == "" {
		t.Errorf("-diff does not print the lines a fix removes:\n%s", stdout.String())
	}
	stdout.Reset()
	driver.Main("sflint", []string{"-h"}, &stdout, &stderr, s.Login, s.Checks)
	for _, flag := range []string{"-c", "-diff"} {
		if !regexp.MustCompile(`(?m)^\s+` + flag + `\b.*\n.*mind secrets`).MatchString(stdout.String()) {
			t.Errorf("sflint -h: %s does not warn that it prints source:\n%s", flag, stdout.String())
		}
	}
}
