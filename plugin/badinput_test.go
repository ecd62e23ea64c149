package plugin_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

// TestOddSettings feeds the plugin settings of every shape decoded YAML can
// take, right and wrong: it must never panic, and a rejection is one line
// that starts with "sflint settings:" and names the offending key.
func TestOddSettings(t *testing.T) {
	newPlugin, err := register.GetPlugin("sflint")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		settings any
		want     string // "" if accepted
	}{
		{"nil", nil, ""},
		{"empty map", map[string]any{}, ""},
		{"not a map", "disable: nologout", "want a mapping of keys (enable, disable, "},
		{"a list", []any{"nologout"}, "not a list"},
		{"list of numbers", map[string]any{"enable": []any{1, 2}}, "enable: want a list of strings, not a number"},
		{"list holding nil", map[string]any{"logins": []any{nil}}, ""}, // null is "", which lists skip
		{"string for a list", map[string]any{"disable": "nologout"}, "disable: want a list of strings, not a string"},
		{"map for a list", map[string]any{"logins": map[string]any{"a": "b"}}, "logins: want a list of strings, not a mapping"},
		{"number for a rule", map[string]any{"tests": 1}, "tests: want secrets, all or none, not 1"},
		{"null rule", map[string]any{"tests": nil}, ""},
		{"old boolean rule", map[string]any{"tests": true}, ""},
		{"misspelt rule", map[string]any{"tests": "secret"}, `tests: want secrets, all or none, not "secret" (did you mean secrets?)`},
		{"nested unknown key", map[string]any{"hardcodedtoken": map[string]any{"min_length": 3}}, `unknown key "hardcodedtoken.min_length" (did you mean "hardcodedtoken.min-length"?); valid keys under hardcodedtoken: min-length, tests`},
		{"nested wrong type", map[string]any{"hardcodedtoken": map[string]any{"min-length": "long"}}, "hardcodedtoken.min-length: want a whole number, not a string"},
		{"negative length", map[string]any{"hardcodedtoken": map[string]any{"min-length": -5}}, ""},
		{"huge length", map[string]any{"hardcodedtoken": map[string]any{"min-length": 1 << 62}}, ""},
		{"nested not a map", map[string]any{"hardcodedtoken": []any{"x"}}, "hardcodedtoken: want a mapping of keys (min-length, tests), not a list"},
		{"flags not a map", map[string]any{"flags": []any{"sflogin.tests=true"}}, "flags: want a mapping of names to strings, not a list"},
		{"flag value a boolean", map[string]any{"flags": map[string]any{"sflogin.tests": true}}, ""},
		{"flag value a list", map[string]any{"flags": map[string]any{"sflogin.login": []any{"a.B"}}}, "flags: want a mapping of names to strings, not a list"},
		{"empty flag name", map[string]any{"flags": map[string]any{"": "1"}}, "no analyzer flag named"},
		{"unknown analyzer in flags", map[string]any{"flags": map[string]any{"nosuch.flag": "1"}}, "no analyzer flag named"},
		{"empty reference", map[string]any{"logins": []any{""}}, ""},
		{"non-UTF-8 key", map[string]any{"\xff": 1}, "unknown key"},
		{"duplicate enable", map[string]any{"enable": []any{"nologout", "nologout"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := newPlugin(tc.settings)
			if err == nil {
				_, err = p.BuildAnalyzers()
			}
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("rejected: %v", err)
			case tc.want != "" && err == nil:
				t.Errorf("accepted, want an error containing %q", tc.want)
			case err != nil:
				msg := err.Error()
				if !strings.HasPrefix(msg, "sflint settings: ") || strings.Contains(msg, "\n") || !strings.Contains(msg, tc.want) {
					t.Errorf("error = %q, want one line starting with %q, containing %q", msg, "sflint settings: ", tc.want)
				}
			}
		})
	}
}
