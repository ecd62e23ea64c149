package driver

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/analyzers/sflintignore"
	"github.com/sflint/sflint/internal/sflogin"
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

// runSARIF runs the driver with -format=sarif on testdata/src/<pkg> (GOPATH mode).
func runSARIF(t *testing.T, pkg string) ([]byte, int) {
	t.Helper()
	gopath, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOPATH", gopath)
	t.Setenv("GO111MODULE", "off")
	t.Setenv("GOFLAGS", "")
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) }) // -C changes directory

	login := sflogin.New(sflogin.Config{})
	check := fakeCheck(login)
	checks := []*analysis.Analyzer{check, sflintignore.New(login, []*analysis.Analyzer{check}, sflintignore.Config{})}
	var stdout, stderr bytes.Buffer
	code := Main("sflint", []string{"-C", filepath.Join(gopath, "src", pkg), "-format=sarif", "."}, &stdout, &stderr, login, checks)
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return stdout.Bytes(), code
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
	validate(t, out)

	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]

	// One rule per analyzer, with its manual and help URI.
	if len(run.Tool.Driver.Rules) != 2 {
		t.Fatalf("rules = %+v, want fakecheck and sflintignore", run.Tool.Driver.Rules)
	}
	rule := run.Tool.Driver.Rules[0]
	if rule.ID != "fakecheck" || rule.ShortDescription.Text != "report every login" ||
		rule.HelpURI != "https://github.com/sflint/sflint#fakecheck" || rule.Help == nil ||
		!strings.Contains(rule.Help.Text, "\tclient.Login(user, pass)") ||
		!strings.Contains(rule.Help.Markdown, "```go\nclient.Login(user, pass)\n```") {
		t.Errorf("rule 0 = %+v", rule)
	}
	if r := run.Tool.Driver.Rules[1]; r.ID != "sflintignore" || r.HelpURI == "" || r.Help == nil {
		t.Errorf("rule 1 = %+v", r)
	}

	// %SRCROOT% resolves each relative URI to the file.
	base, err := url.Parse(run.OriginalURIBaseIDs[sarifSrcRoot].URI)
	if err != nil || base.Scheme != "file" || !strings.HasSuffix(base.Path, "/") {
		t.Fatalf("originalUriBaseIds = %+v", run.OriginalURIBaseIDs)
	}
	resolve := func(loc sarifArtifactLocation) string {
		t.Helper()
		if loc.URIBaseID != sarifSrcRoot || strings.Contains(loc.URI, ":") || strings.HasPrefix(loc.URI, "/") {
			t.Errorf("artifact location %+v is not relative to %%SRCROOT%%", loc)
		}
		ref, err := url.Parse(loc.URI)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.FromSlash(base.ResolveReference(ref).Path)
	}

	type want struct {
		rule       string
		line, col  int
		suppressed string // justification
		message    string
	}
	wants := []want{
		{"fakecheck", 7, 9, "", `login \[here\] with simpleforce.(*Client).LoginPassword [arguments start here](1)`},
		{"fakecheck", 12, 9, "the pool logs this session out", ""},
		{"fakecheck", 16, 9, "", ""},
		{"sflintignore", 20, 2, "", "//sflint:ignore fakecheck suppresses nothing"},
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
		switch {
		case w.suppressed == "" && (r.Suppressions == nil || len(r.Suppressions) != 0):
			t.Errorf("result %d: suppressions %+v, want [] (not suppressed)", i, r.Suppressions)
		case w.suppressed != "":
			if len(r.Suppressions) != 1 || r.Suppressions[0].Kind != "inSource" || r.Suppressions[0].Justification != w.suppressed ||
				r.Suppressions[0].Location == nil || r.Suppressions[0].Location.PhysicalLocation.Region.StartLine != w.line-1 {
				t.Errorf("result %d: suppressions %+v, want the directive on line %d with reason %q", i, r.Suppressions, w.line-1, w.suppressed)
			}
		}
	}

	// The first result in full: end column, related location, fix.
	r := run.Results[0]
	if reg := r.Locations[0].PhysicalLocation.Region; reg.EndLine != 7 || reg.EndColumn != 39 {
		t.Errorf("region %+v, want end 7:39", reg)
	}
	// c.LoginPassword("héllo 𝄞", "p", "t"): é is 2 bytes and 1 UTF-16
	// unit, 𝄞 4 bytes and 2 units: the call ends at byte column 49, UTF-16 46.
	if reg := run.Results[2].Locations[0].PhysicalLocation.Region; reg.EndLine != 16 || reg.EndColumn != 46 {
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
	if fx := run.Results[3].Fixes; len(fx) != 1 || fx[0].ArtifactChanges[0].Replacements[0].DeletedRegion != (sarifRegion{StartLine: 20, StartColumn: 1, EndLine: 21, EndColumn: 1}) {
		t.Errorf("sflintignore fix %+v", fx)
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
