package driver

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/analyzers/sflintignore"
	"github.com/sflint/sflint/internal/sflogin"
	"github.com/sflint/sflint/internal/suite"
	"github.com/sflint/sflint/internal/version"
)

// fakeCheck reports every login call through the shared pass, with related
// information and a suggested fix, so that the SARIF writer sees every part
// of a diagnostic whatever the state of the real checks.
func fakeCheck(login *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "fakecheck",
		Doc:      "report every login\n\nA manual, with code:\n\n\tclient.Login(user, pass)\n\nand more text.",
		URL:      "https://github.com/sflint/sflint#fakecheck",
		Requires: []*analysis.Analyzer{login},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[login].(*sflogin.Result)
			if res.Skipped {
				return nil, nil
			}
			for _, c := range res.Logins() {
				res.Report(pass, analysis.Diagnostic{
					Pos:     c.Expr.Pos(),
					End:     c.Expr.End(),
					Message: "login [here] with " + c.Name(),
					Related: []analysis.RelatedInformation{{Pos: c.Expr.Lparen, Message: "arguments start here"}},
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "Rename the call",
						TextEdits: []analysis.TextEdit{{Pos: c.Expr.Pos(), End: c.Expr.Pos(), NewText: []byte("/* checked */ ")}},
					}},
				})
			}
			return nil, nil
		},
	}
}

// schemaPath is resolved before any test changes directory (-C).
var schemaPath, _ = filepath.Abs("testdata/sarif-schema-2.1.0.json")

var caseFile, _ = filepath.Abs("../../testdata/src/sarifcase/case.go")

// runSARIF runs the driver with -format=sarif and extra flags on
// testdata/src/<pkg> (GOPATH mode).
func runSARIF(t *testing.T, pkg string, flags ...string) ([]byte, int) {
	t.Helper()
	gopath, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return runSARIFIn(t, gopath, filepath.Join(gopath, "src", pkg), flags...)
}

func runSARIFIn(t *testing.T, gopath, dir string, flags ...string) ([]byte, int) {
	t.Helper()
	t.Setenv("GOPATH", gopath)
	t.Setenv("GO111MODULE", "off")
	t.Setenv("GOFLAGS", "")
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) }) // -C changes directory

	login := sflogin.New(sflogin.Config{})
	check := fakeCheck(login)
	checks := []*analysis.Analyzer{check, sflintignore.New(login, []*analysis.Analyzer{check}, sflintignore.Config{})}
	var stdout, stderr bytes.Buffer
	args := append([]string{"-C", dir, "-format=sarif"}, flags...)
	code := Main("sflint", append(args, "."), &stdout, &stderr, login, checks)
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return stdout.Bytes(), code
}

// gopathWith makes a GOPATH holding a small simpleforce stub and a package
// "p" with the given source; it returns the GOPATH and the package's directory.
func gopathWith(t *testing.T, src string) (string, string) {
	t.Helper()
	gopath := t.TempDir()
	stub := filepath.Join(gopath, "src", "github.com", "simpleforce", "simpleforce")
	if err := os.MkdirAll(stub, 0o755); err != nil {
		t.Fatal(err)
	}
	// The two declarations the shared pass needs, without the real
	// package's imports (net/http would cost a second a run).
	writeFile(t, filepath.Join(stub, "simpleforce.go"), `package simpleforce

type Client struct{ sid string }

func (client *Client) LoginPassword(username, password, token string) error { return nil }
`)
	dir := filepath.Join(gopath, "src", "p")
	writeFile(t, filepath.Join(dir, "p.go"), src)
	return gopath, dir
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func decodeLog(t *testing.T, out []byte) sarifRun {
	t.Helper()
	validate(t, out)
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log.Runs[0]
}

// validate checks a SARIF log against the official SARIF 2.1.0 JSON schema
// (OASIS, errata 01), shipped in testdata.
func validate(t *testing.T, out []byte) {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(sarifSchema, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("output does not validate against the SARIF 2.1.0 schema: %v\n%s", err, out)
	}
}

func TestSARIFSchemaRejectsInvalid(t *testing.T) {
	// The validator is not vacuous: a log without the required "runs" fails.
	f, _ := os.Open(schemaPath)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AddResource(sarifSchema, doc)
	schema, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		`{"version": "2.1.0"}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "loud"}]}]}`,
	} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if schema.Validate(inst) == nil {
			t.Errorf("schema accepted %s", bad)
		}
	}
}

func TestSARIF(t *testing.T) {
	out, code := runSARIF(t, "sarifcase")
	if code != ExitFindings {
		t.Fatalf("exit status %d, want %d\n%s", code, ExitFindings, out)
	}
	run := decodeLog(t, out)

	// One rule per analyzer, with its manual and help URI.
	if len(run.Tool.Driver.Rules) != 2 {
		t.Fatalf("rules = %+v, want fakecheck and sflintignore", run.Tool.Driver.Rules)
	}
	rule := run.Tool.Driver.Rules[0]
	if rule.ID != "fakecheck" || rule.ShortDescription.Text != "report every login" ||
		rule.FullDescription.Text != "A manual, with code:" ||
		rule.HelpURI != "https://github.com/sflint/sflint#fakecheck" || rule.Help == nil ||
		!strings.Contains(rule.Help.Text, "\tclient.Login(user, pass)") ||
		!strings.Contains(rule.Help.Markdown, "```\nclient.Login(user, pass)\n```") {
		t.Errorf("rule 0 = %+v", rule)
	}
	if r := run.Tool.Driver.Rules[1]; r.ID != "sflintignore" || r.HelpURI == "" || r.Help == nil || r.FullDescription.Text == "" {
		t.Errorf("rule 1 = %+v", r)
	}

	// Locations are relative to %SRCROOT%, which the log describes without
	// an absolute URI.
	if base, ok := run.OriginalURIBaseIDs[sarifSrcRoot]; !ok || base.URI != "" || base.Description == nil {
		t.Errorf("originalUriBaseIds = %+v, want %%SRCROOT%% described, with no URI", run.OriginalURIBaseIDs)
	}
	root := filepath.Dir(caseFile) // no .git above testdata/src/sarifcase in GOPATH mode? see repoRoot
	root = repoRoot(root)
	resolve := func(loc sarifArtifactLocation) string {
		t.Helper()
		if loc.URIBaseID != sarifSrcRoot || strings.Contains(loc.URI, ":") || strings.HasPrefix(loc.URI, "/") {
			t.Errorf("artifact location %+v is not relative to %%SRCROOT%%", loc)
		}
		ref, err := url.Parse(loc.URI)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Join(root, filepath.FromSlash(ref.Path))
	}

	type want struct {
		rule      string
		line, col int
		message   string
	}
	// The finding silenced by //sflint:ignore (line 12) is left out.
	wants := []want{
		{"fakecheck", 7, 9, `login \[here\] with simpleforce.(*Client).LoginPassword [arguments start here](1)`},
		{"fakecheck", 16, 9, ""},
		{"sflintignore", 20, 2, "//sflint:ignore fakecheck suppresses nothing"},
	}
	if len(run.Results) != len(wants) {
		t.Fatalf("%d results, want %d:\n%s", len(run.Results), len(wants), out)
	}
	for i, w := range wants {
		r := run.Results[i]
		loc := r.Locations[0].PhysicalLocation
		if r.RuleID != w.rule || run.Tool.Driver.Rules[r.RuleIndex].ID != w.rule {
			t.Errorf("result %d: rule %q (index %d), want %q", i, r.RuleID, r.RuleIndex, w.rule)
		}
		if got := resolve(loc.ArtifactLocation); got != caseFile {
			t.Errorf("result %d: resolves to %s, want %s", i, got, caseFile)
		}
		if loc.Region.StartLine != w.line || loc.Region.StartColumn != w.col {
			t.Errorf("result %d: at %d:%d, want %d:%d", i, loc.Region.StartLine, loc.Region.StartColumn, w.line, w.col)
		}
		if w.message != "" && !strings.HasPrefix(r.Message.Text, w.message) {
			t.Errorf("result %d: message %q, want prefix %q", i, r.Message.Text, w.message)
		}
		if r.Suppressions != nil {
			t.Errorf("result %d: suppressions %+v without -show-ignored", i, r.Suppressions)
		}
		if fp := r.PartialFingerprints[sarifFingerprint]; !regexp.MustCompile(`^[0-9a-f]{16}:[0-9]+$`).MatchString(fp) {
			t.Errorf("result %d: partialFingerprints %v", i, r.PartialFingerprints)
		}
	}

	// The first result in full: end column, related location, fix.
	r := run.Results[0]
	if reg := r.Locations[0].PhysicalLocation.Region; reg.EndLine != 7 || reg.EndColumn != 39 {
		t.Errorf("region %+v, want end 7:39", reg)
	}
	// c.LoginPassword("héllo 𝄞", "p", "t"): é is 2 bytes and 1 UTF-16
	// unit, 𝄞 4 bytes and 2 units: the call ends at byte column 49, UTF-16 46.
	if reg := run.Results[1].Locations[0].PhysicalLocation.Region; reg.EndLine != 16 || reg.EndColumn != 46 {
		t.Errorf("region %+v, want end 16:46 (UTF-16 columns)", reg)
	}
	if len(r.RelatedLocations) != 1 || *r.RelatedLocations[0].ID != 1 ||
		r.RelatedLocations[0].PhysicalLocation.Region.StartColumn != 24 || r.RelatedLocations[0].Message.Text != "arguments start here" {
		t.Errorf("related locations %+v", r.RelatedLocations)
	}
	if len(r.Fixes) != 1 || r.Fixes[0].Description.Text != "Rename the call" || len(r.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes %+v", r.Fixes)
	}
	ch := r.Fixes[0].ArtifactChanges[0]
	if resolve(ch.ArtifactLocation) != caseFile || len(ch.Replacements) != 1 ||
		ch.Replacements[0].DeletedRegion != (sarifRegion{StartLine: 7, StartColumn: 9, EndLine: 7, EndColumn: 9}) ||
		ch.Replacements[0].InsertedContent == nil || ch.Replacements[0].InsertedContent.Text != "/* checked */ " {
		t.Errorf("artifact change %+v", ch)
	}
	// The unused directive's fix deletes its line.
	if fx := run.Results[2].Fixes; len(fx) != 1 || fx[0].ArtifactChanges[0].Replacements[0].DeletedRegion != (sarifRegion{StartLine: 20, StartColumn: 1, EndLine: 21, EndColumn: 1}) {
		t.Errorf("sflintignore fix %+v", fx)
	}

	// The run was complete.
	if len(run.Invocations) != 1 || !run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].ToolExecutionNotifications) != 0 {
		t.Errorf("invocations = %+v, want one, successful, without notifications", run.Invocations)
	}
	// The version of the binary.
	if d := run.Tool.Driver; d.Version != version.Get().String() || d.Version == "" {
		t.Errorf("tool.driver.version = %q, want %q", d.Version, version.Get().String())
	}
}

// -show-ignored keeps the silenced finding, as a suppressed result with
// the directive's reason and place; the others say "not suppressed".
func TestSARIFShowIgnored(t *testing.T) {
	out, _ := runSARIF(t, "sarifcase", "-show-ignored")
	run := decodeLog(t, out)
	// The log names no absolute path of the machine that wrote it, even
	// for the directive's location.
	root, _ := filepath.Abs("../..")
	for _, bad := range []string{root, filepath.ToSlash(root), "file://"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("the log contains %q:\n%s", bad, out)
		}
	}
	if len(run.Results) != 4 {
		t.Fatalf("%d results, want 4 with -show-ignored:\n%s", len(run.Results), out)
	}
	for i, r := range run.Results {
		line := r.Locations[0].PhysicalLocation.Region.StartLine
		switch {
		case line == 12:
			if len(r.Suppressions) != 1 || r.Suppressions[0].Kind != "inSource" || r.Suppressions[0].Justification != "the pool logs this session out" ||
				r.Suppressions[0].Location == nil || r.Suppressions[0].Location.PhysicalLocation.Region.StartLine != 11 {
				t.Errorf("result %d: suppressions %+v, want the directive on line 11 with its reason", i, r.Suppressions)
			}
		case r.Suppressions == nil || len(r.Suppressions) != 0:
			t.Errorf("result %d (line %d): suppressions %+v, want [] (not suppressed)", i, line, r.Suppressions)
		}
	}
}

// The rules carry what GitHub code scanning reads: tags, precision,
// problem.severity, and for hardcodedtoken security-severity and CWE-798.
func TestSARIFRuleProperties(t *testing.T) {
	s := suite.Default()
	for _, a := range s.Checks {
		r := sarifRuleOf(a)
		if r.FullDescription.Text == "" || r.ShortDescription.Text == "" || r.Help == nil || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("%s: descriptions or help missing: %+v", a.Name, r)
		}
		if strings.Contains(r.Help.Markdown, "{#hdr-") {
			t.Errorf("%s: help markdown has heading anchors GitHub does not render", a.Name)
		}
		p := r.Properties
		if len(p.Tags) == 0 || p.Precision == "" || p.ProblemSeverity == "" {
			t.Errorf("%s: properties %+v", a.Name, p)
		}
		switch a.Name {
		case "hardcodedtoken":
			if !slices.Contains(p.Tags, "security") || !slices.Contains(p.Tags, "external/cwe/cwe-798") || p.SecuritySeverity != "9.8" ||
				p.ProblemSeverity != "error" || r.DefaultConfiguration.Level != "error" {
				t.Errorf("hardcodedtoken: %+v, level %s", p, r.DefaultConfiguration.Level)
			}
		case "sflintignore":
			if p.SecuritySeverity != "" || r.DefaultConfiguration.Level != "note" {
				t.Errorf("sflintignore: %+v", p)
			}
		default:
			if slices.Contains(p.Tags, "security") || p.SecuritySeverity != "" ||
				!(slices.Contains(p.Tags, "reliability") || slices.Contains(p.Tags, "correctness")) {
				t.Errorf("%s: tags %v, security-severity %q; want reliability/correctness and no security", a.Name, p.Tags, p.SecuritySeverity)
			}
		}
	}
}

const fpSource = `package p

import "github.com/simpleforce/simpleforce"

func connect(c *simpleforce.Client) error {
	return c.LoginPassword("u", "p", "t")
}

func twice(c *simpleforce.Client) {
	c.LoginPassword("u", "p", "t")
	c.LoginPassword("u", "p", "t")
}
`

// Fingerprints do not move with the lines: an edit elsewhere in the file
// (a new function above, comments) leaves them all as they were, while a
// change to the offending line itself gives a new one.
func TestSARIFFingerprintsStable(t *testing.T) {
	gopath, dir := gopathWith(t, fpSource)
	fingerprints := func() map[string]int {
		t.Helper()
		out, _ := runSARIFIn(t, gopath, dir)
		run := decodeLog(t, out)
		fps := map[string]int{}
		for _, r := range run.Results {
			if r.RuleID == "fakecheck" {
				fps[r.PartialFingerprints[sarifFingerprint]] = r.Locations[0].PhysicalLocation.Region.StartLine
			}
		}
		return fps
	}
	before := fingerprints()
	if len(before) != 3 {
		t.Fatalf("want 3 distinct fingerprints (the two identical calls in twice get :1 and :2), got %v", before)
	}
	moved := strings.Replace(fpSource, "func connect", "// A comment.\n\n// helper is new.\nfunc helper() {}\n\nfunc connect", 1)
	writeFile(t, filepath.Join(dir, "p.go"), moved)
	after := fingerprints()
	for fp, line := range before {
		if l, ok := after[fp]; !ok || l == line {
			t.Errorf("fingerprint %s (line %d before): after the edit %v", fp, line, after)
		}
	}
	changed := strings.Replace(moved, `return c.LoginPassword("u", "p", "t")`, `return c.LoginPassword("u", "p", "t2")`, 1)
	writeFile(t, filepath.Join(dir, "p.go"), changed)
	if again := fingerprints(); len(again) != 3 || reflect.DeepEqual(again, after) {
		t.Errorf("a changed offending line kept every fingerprint: %v", again)
	}
}

// A run whose packages failed to load says so: executionSuccessful is
// false, with a notification per error at its place.
func TestSARIFInvocationErrors(t *testing.T) {
	gopath, dir := gopathWith(t, fpSource+"\nvar _ = undefinedThing\n")
	out, code := runSARIFIn(t, gopath, dir)
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	run := decodeLog(t, out)
	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 2 {
		t.Fatalf("invocations = %+v, want one unsuccessful with two notifications", inv)
	}
	n := inv[0].ToolExecutionNotifications[0]
	if n.Level != "error" || n.Message.Text != "undefined: undefinedThing" || len(n.Locations) != 1 ||
		n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "p.go" || n.Locations[0].PhysicalLocation.Region.StartLine != 14 {
		t.Errorf("notification = %+v", n)
	}
	// The package's line: the test's check does not run despite errors.
	if n := inv[0].ToolExecutionNotifications[1]; n.Level != "warning" || n.Message.Text != "p: not analysed: it has errors" {
		t.Errorf("second notification = %+v", n)
	}
}

// A clean package is a valid log with no results: results is [], not null.
func TestSARIFClean(t *testing.T) {
	out, code := runSARIF(t, "sflogin/plain")
	if code != ExitClean {
		t.Fatalf("exit status %d, want 0\n%s", code, out)
	}
	validate(t, out)
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("no empty results array:\n%s", out)
	}
}

// The secrets of testdata/src/hardcodedtoken/leak (see hardcodedtoken's
// TestOutputFormats, which checks the plain formats).
var leakSecrets = []string{
	"Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U",
	"Vb6Nm5!Xc4Za",
	"00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8.Aa7Ss6Dd5_Ff4",
	"Tq7Yu6Io5Pa4Sd3Fg2Hj1Kl0", // roads.go: held by a constant named after it
	"Rs9Tu8Vw7Xy6Za5",          // roads.go: held by a variable named after it
}

// No road this package adds prints a secret: SARIF with every result kept
// (fingerprints hash the offending line; a directive's reason is redacted),
// and the baseline file, over every road of testdata/src/hardcodedtoken/leak.
func TestNoSecretInSARIFOrBaseline(t *testing.T) {
	gopath, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOPATH", gopath)
	t.Setenv("GO111MODULE", "off")
	t.Setenv("GOFLAGS", "")
	t.Chdir(filepath.Join(gopath, "src", "hardcodedtoken", "leak"))
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	// The second run's SARIF holds every finding, as baselined results.
	for _, args := range [][]string{
		{"-baseline-write=" + baseline, "./..."},
		{"-baseline=" + baseline, "-format=sarif", "-show-ignored", "./..."},
	} {
		s := suite.New(suite.Config{})
		var stdout, stderr bytes.Buffer
		Main("sflint", args, &stdout, &stderr, s.Login, s.Checks)
		out := stdout.String() + stderr.String()
		if args[0] == "-baseline-write="+baseline {
			data, err := os.ReadFile(baseline)
			if err != nil || !bytes.Contains(data, []byte(`"analyzer": "hardcodedtoken"`)) {
				t.Fatalf("no baseline written (%v): %s", err, out)
			}
			out += string(data)
		} else if !strings.Contains(out, `"ruleId": "hardcodedtoken"`) {
			t.Fatalf("%v: no hardcodedtoken result:\n%s", args, out)
		} else if !strings.Contains(out, `"justification": "QA password … rotates nightly`) {
			// roads.go's directive quotes the secret in its reason: the
			// reason is copied, the secret is not (internal/redact).
			t.Errorf("%v: no redacted justification of roads.go's directive:\n%s", args, out)
		}
		for _, secret := range leakSecrets {
			for i := 0; i+6 <= len(secret); i++ {
				if sub := secret[i : i+6]; strings.Contains(out, sub) {
					t.Errorf("%v prints %q, part of a secret", args, sub)
					break
				}
			}
		}
	}
}
