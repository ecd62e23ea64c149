package plugin_test

import (
	"flag"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sflint/sflint/internal/config"
	"github.com/sflint/sflint/internal/suite"
	"github.com/sflint/sflint/plugin"
)

// build goes the way golangci-lint does: the registry, the raw settings
// (as golangci-lint hands them over: decoded YAML), BuildAnalyzers.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("sflint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// loginPass returns the shared pass the analyzers require.
func loginPass(t *testing.T, as []*analysis.Analyzer) *analysis.Analyzer {
	t.Helper()
	for _, r := range as[0].Requires {
		if r.Name == "sflogin" {
			return r
		}
	}
	t.Fatal("no sflogin pass required")
	return nil
}

func TestSelection(t *testing.T) {
	all := suite.Names()
	for _, tc := range []struct {
		name     string
		settings any
		want     []string
	}{
		{"no settings", nil, all},
		{"empty settings", map[string]any{}, all},
		{"enable", map[string]any{"enable": []any{"nologout", "hardcodedtoken"}}, []string{"nologout", "hardcodedtoken"}},
		{"enable with sflintignore", map[string]any{"enable": []any{"nologout", "sflintignore"}}, []string{"nologout", "sflintignore"}},
		{"disable", map[string]any{"disable": []any{"sflintignore", "blindretry"}}, slices.DeleteFunc(slices.Clone(all), func(n string) bool { return n == "sflintignore" || n == "blindretry" })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			as, err := build(t, tc.settings)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(as); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("analyzers = %v, want %v", got, tc.want)
			}
			// Every check is built on one shared pass.
			login := loginPass(t, as)
			for _, a := range as {
				if !slices.Contains(a.Requires, login) {
					t.Errorf("%s does not require the shared pass", a.Name)
				}
			}
		})
	}
}

// The directive check runs after exactly the enabled checks.
func TestIgnoreRequiresEnabled(t *testing.T) {
	as, err := build(t, map[string]any{"enable": []any{"nologout", "sflintignore"}})
	if err != nil {
		t.Fatal(err)
	}
	var req []string
	for _, r := range as[1].Requires {
		req = append(req, r.Name)
	}
	if want := []string{"sflogin", "nologout"}; !reflect.DeepEqual(req, want) {
		t.Errorf("sflintignore requires %v, want %v", req, want)
	}
}

func TestSettingsSetFlags(t *testing.T) {
	as, err := build(t, map[string]any{
		"logins":        []any{"example.com/app/sf.Connect", "example.com/app/sf.(*Pool).Get"},
		"logouts":       []any{"example.com/app/sf.Close"},
		"classifiers":   []any{"example.com/app/sf.IsLockout"},
		"retry-helpers": []any{"example.com/app/retry.Do"},
		"tests":         "all",
	})
	if err != nil {
		t.Fatal(err)
	}
	login := loginPass(t, as)
	for flagName, want := range map[string]string{
		"login":      "example.com/app/sf.Connect,example.com/app/sf.(*Pool).Get",
		"logout":     "example.com/app/sf.Close",
		"classifier": "example.com/app/sf.IsLockout",
		"retry":      "example.com/app/retry.Do",
		"tests":      "true",
	} {
		if got := login.Flags.Lookup(flagName).Value.String(); got != want {
			t.Errorf("-sflogin.%s = %q, want %q", flagName, got, want)
		}
	}
	// Each build has its own configuration.
	as2, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := loginPass(t, as2).Flags.Lookup("login").Value.String(); got != "" {
		t.Errorf("a second plugin instance sees -sflogin.login = %q", got)
	}
}

func TestFlagsMap(t *testing.T) {
	as, err := build(t, map[string]any{"flags": map[string]any{"sflogin.tests": "true"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := loginPass(t, as).Flags.Lookup("tests").Value.String(); got != "true" {
		t.Errorf("-sflogin.tests = %q, want true", got)
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     string
	}{
		{"unknown key", map[string]any{"login": []any{"x.F"}}, `unknown key "login" (did you mean "logins"?); valid keys: enable, disable, logins,`},
		{"wrong type", map[string]any{"hardcodedtoken": map[string]any{"min-length": "yes"}}, "hardcodedtoken.min-length: want a whole number, not a string"},
		{"bad rule", map[string]any{"tests": "yes"}, `tests: want secrets, all or none, not "yes"`},
		{"unknown analyzer", map[string]any{"enable": []any{"nologut"}}, `enable: no analyzer named "nologut" (did you mean "nologout"?); analyzers: blindretry,`},
		{"nothing left", map[string]any{"enable": []any{"nologout"}, "disable": []any{"nologout"}}, "no analyzer to run"},
		{"bad reference", map[string]any{"logins": []any{"Connect"}}, "logins: "},
		{"unknown flag", map[string]any{"flags": map[string]any{"sflogin.nope": "1"}}, `no analyzer flag named "sflogin.nope"`},
		{"misspelt flag", map[string]any{"flags": map[string]any{"nologout.revok": "1"}}, `flags."nologout.revok": no analyzer flag named "nologout.revok" (did you mean "nologout.revoke"?)`},
		{"bad flag value", map[string]any{"flags": map[string]any{"sflogin.tests": "maybe"}}, `flags."sflogin.tests": `},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := build(t, tc.settings)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestEveryFlagHasAKey keeps the settings complete: every flag of every
// analyzer must have a named settings key (a field with a flag tag), so that
// the README (Settings) can document it.
func TestEveryFlagHasAKey(t *testing.T) {
	keyed := map[string]bool{}
	for name := range config.FlagKeys() {
		keyed[name] = true
	}
	have := map[string]bool{}
	for _, a := range suite.Default().All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			name := a.Name + "." + f.Name
			have[name] = true
			if !keyed[name] {
				t.Errorf("flag -%s has no key in config.Settings: add a field with `flag:%q` and document it in docs/config.md", name, name)
			}
		})
	}
	for name := range keyed {
		if !have[name] {
			t.Errorf("plugin.Settings names flag %q, which no analyzer has", name)
		}
	}
}

func TestAnalyzerSettings(t *testing.T) {
	as, err := build(t, map[string]any{"hardcodedtoken": map[string]any{"min-length": 12, "tests": false}})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(as, func(a *analysis.Analyzer) bool { return a.Name == "hardcodedtoken" })
	if i < 0 {
		t.Fatal("no hardcodedtoken analyzer")
	}
	for flagName, want := range map[string]string{"min-length": "12", "tests": "false"} {
		if got := as[i].Flags.Lookup(flagName).Value.String(); got != want {
			t.Errorf("-hardcodedtoken.%s = %q, want %q", flagName, got, want)
		}
	}
	if _, err := build(t, map[string]any{"hardcodedtoken": map[string]any{"minlen": 12}}); err == nil || !strings.Contains(err.Error(), `unknown key "hardcodedtoken.minlen"; valid keys under hardcodedtoken: min-length, tests`) {
		t.Errorf("unknown nested key: error = %v", err)
	}
	// Settings of a disabled analyzer are accepted and ignored.
	if _, err := build(t, map[string]any{"disable": []any{"hardcodedtoken"}, "hardcodedtoken": map[string]any{"min-length": 12}}); err != nil {
		t.Errorf("settings of a disabled analyzer: %v", err)
	}
}

// quiet is an analysistest.Testing that keeps the expectation failures to
// itself: the test looks at the diagnostics, not at // want comments.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// Under golangci-lint a related location would be an issue of its own, on
// its own line, that //nolint:sflint on the finding does not silence: the
// plugin's analyzers fold it into the message instead.
func TestRelatedFolded(t *testing.T) {
	as, err := build(t, map[string]any{"enable": []any{"blindretry"}})
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(quiet{}, analysistest.TestData(), as[0], "related")
	folded := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Related) > 0 {
				t.Errorf("%s: diagnostic keeps %d related locations: %s", r.Pass.Fset.Position(d.Pos), len(d.Related), d.Message)
			}
			if regexp.MustCompile(` \[line \d+: [^]]+\]`).MatchString(d.Message) {
				folded++
			}
		}
	}
	if folded == 0 {
		t.Error("no diagnostic carries its related information in its message")
	}
}

func TestFoldRelated(t *testing.T) {
	fset := token.NewFileSet()
	a := fset.AddFile("a.go", -1, 100)
	a.SetLines([]int{0, 10, 20, 30})
	b := fset.AddFile("dir/b.go", -1, 100)
	b.SetLines([]int{0, 10})
	d := analysis.Diagnostic{Pos: a.Pos(25), Message: "login retried", Related: []analysis.RelatedInformation{
		{Pos: a.Pos(12), Message: "this loop"},
		{Pos: b.Pos(15), Message: "calls it again"},
	}}
	if got, want := plugin.FoldRelated(fset, d), "login retried [line 2: this loop] [b.go:2: calls it again]"; got != want {
		t.Errorf("FoldRelated = %q, want %q", got, want)
	}
}
