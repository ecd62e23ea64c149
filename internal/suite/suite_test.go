package suite_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/sflogin"
	"github.com/sflint/sflint/internal/suite"
)

// sharesLogin checks that every check requires the suite's own shared pass.
func sharesLogin(t *testing.T, s suite.Suite) {
	t.Helper()
	for _, a := range s.Checks {
		found := false
		for _, r := range a.Requires {
			if r.Name == sflogin.Name {
				if r != s.Login {
					t.Errorf("%s requires a shared pass other than the suite's", a.Name)
				}
				found = true
			}
		}
		if !found {
			t.Errorf("%s does not require the shared pass", a.Name)
		}
	}
}

func TestDefault(t *testing.T) {
	s := suite.Default()
	if err := analysis.Validate(s.All()); err != nil {
		t.Fatal(err)
	}
	sharesLogin(t, s)
	var names []string
	for _, a := range s.Checks {
		names = append(names, a.Name)
		if a.Doc == "" || a.URL == "" {
			t.Errorf("%s: no Doc or URL", a.Name)
		}
	}
	for _, want := range []string{"blindretry", "unhandledfault", "sessionreuse", "nologout", "hardcodedtoken", "sflintignore"} {
		if !slices.Contains(names, want) {
			t.Errorf("suite lacks %s", want)
		}
	}
	if !slices.Equal(names, suite.Names()) {
		t.Errorf("Names() = %v, checks are %v", suite.Names(), names)
	}
}

// TestNewIsIndependent checks that two suites share no flag state: setting a
// flag on one leaves the other (and the defaults) alone.
func TestNewIsIndependent(t *testing.T) {
	a, b := suite.New(suite.Config{}), suite.New(suite.Config{})
	if err := analysis.Validate(a.All()); err != nil {
		t.Fatal(err)
	}
	sharesLogin(t, a)
	if err := a.Login.Flags.Set("login", "example.com/sf.Connect"); err != nil {
		t.Fatal(err)
	}
	if got := b.Login.Flags.Lookup("login").Value.String(); got != "" {
		t.Errorf("second suite's -sflogin.login = %q after setting the first's", got)
	}
	if got := suite.Default().Login.Flags.Lookup("login").Value.String(); got != "" {
		t.Errorf("default -sflogin.login = %q after setting a new suite's", got)
	}
}
