package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var (
	testAnalyzers = []string{"blindretry", "unhandledfault", "sessionreuse", "nologout", "hardcodedtoken", "sflintignore"}
	testFlags     = []string{"hardcodedtoken.min-length", "hardcodedtoken.tests", "nologout.revoke", "sflogin.login", "sflogin.tests"}
)

func TestParseFile(t *testing.T) {
	f, err := Parse(".sflint.yml", []byte(`# settings
disable: [nologout]
logins:
  - example.com/app/sf.Connect
  - example.com/app/sf.(*Pool).Get
tests: all
hardcodedtoken:
  min-length: 12
flags:
  nologout.revoke: true
`))
	if err != nil {
		t.Fatal(err)
	}
	as, err := f.Settings.Assignments(testAnalyzers, testFlags)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		got = append(got, a.Key+" -"+a.Flag+"="+a.Value)
	}
	want := []string{
		"enable -blindretry=true",
		"enable -unhandledfault=true",
		"enable -sessionreuse=true",
		"enable -nologout=false",
		"enable -hardcodedtoken=true",
		"enable -sflintignore=true",
		"tests -hardcodedtoken.tests=true",
		"tests -sflogin.tests=true",
		"logins -sflogin.login=example.com/app/sf.Connect,example.com/app/sf.(*Pool).Get",
		"hardcodedtoken.min-length -hardcodedtoken.min-length=12",
		`flags."nologout.revoke" -nologout.revoke=true`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("assignments:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEmptyFile(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "---\n"} {
		f, err := Parse("x.yml", []byte(src))
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if as, _ := f.Settings.Assignments(testAnalyzers, testFlags); len(as) != 0 {
			t.Errorf("%q: assignments %v", src, as)
		}
	}
}

// Every error is one line that starts with the file name, and with the
// offending key's line when there is one.
func TestFileErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"login: [a.B]\n", `.sflint.yml:1: unknown key "login" (did you mean "logins"?); valid keys: enable, disable, logins, logouts, classifiers, retry-helpers, handlers, schedulers, tests, blindretry, unhandledfault, sessionreuse, nologout, hardcodedtoken, flags`},
		{"disable: [x]\nhardcodedtoken:\n  min_length: 3\n", `.sflint.yml:3: unknown key "hardcodedtoken.min_length" (did you mean "hardcodedtoken.min-length"?); valid keys under hardcodedtoken: min-length, tests`},
		{"hardcodedtoken:\n  min-length: long\n", `.sflint.yml:2: hardcodedtoken.min-length: want a whole number, not a string`},
		{"logins: example.com/a.B\n", `.sflint.yml:1: logins: want a list of strings, not a string`},
		{"\n\ntests: some\n", `.sflint.yml:3: tests: want secrets, all or none, not "some"`},
		{"- nologout\n", `.sflint.yml: settings: want a mapping of keys (enable, disable, `},
		{"disable: [nologout\n", `.sflint.yml:1: did not find expected`},
		{"logins: []\nlogins: [a.B]\n", `.sflint.yml:2: key "logins" appears twice (first on line 1)`},
		{"hardcodedtoken: [1]\n", `.sflint.yml:1: hardcodedtoken: want a mapping of keys (min-length, tests), not a list`},
	} {
		_, err := Parse(".sflint.yml", []byte(tc.src))
		if err == nil {
			t.Errorf("%q: accepted", tc.src)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") {
			t.Errorf("%q:\n got %q\nwant %q...", tc.src, msg, tc.want)
		}
	}
}

// Names are checked against the analyzers and flags that exist, and the
// error points at the key.
func TestAssignmentErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"enable: [nologut]\n", `.sflint.yml:1: enable: no analyzer named "nologut" (did you mean "nologout"?); analyzers: blindretry, `},
		{"disable: [nologout]\nenable: [nologout]\n", `.sflint.yml:1: disable: enable and disable leave no analyzer to run`},
		{"flags:\n  nologout.revok: true\n", `.sflint.yml:2: flags."nologout.revok": no analyzer flag named "nologout.revok" (did you mean "nologout.revoke"?)`},
	} {
		f, err := Parse(".sflint.yml", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.Settings.Assignments(testAnalyzers, testFlags)
		if err == nil {
			t.Errorf("%q: accepted", tc.src)
			continue
		}
		if msg := f.Error(err).Error(); !strings.HasPrefix(msg, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q...", tc.src, msg, tc.want)
		}
	}
}

func TestTestRule(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want map[string]string
	}{
		{"tests: secrets", map[string]string{"sflogin.tests": "false", "hardcodedtoken.tests": "true"}},
		{"tests: all", map[string]string{"sflogin.tests": "true", "hardcodedtoken.tests": "true"}},
		{"tests: none", map[string]string{"sflogin.tests": "false", "hardcodedtoken.tests": "false"}},
		// The older plugin key was a boolean for -sflogin.tests.
		{"tests: true", map[string]string{"sflogin.tests": "true", "hardcodedtoken.tests": "true"}},
		{"tests: false", map[string]string{"sflogin.tests": "false", "hardcodedtoken.tests": "true"}},
		{"", nil},
	} {
		f, err := Parse("x.yml", []byte(tc.src))
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		if got := f.Settings.Tests.Flags(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: flags %v, want %v", tc.src, got, tc.want)
		}
	}
	if _, err := ParseTestRule("al"); err == nil || !strings.Contains(err.Error(), "did you mean all?") {
		t.Errorf("ParseTestRule(al) = %v", err)
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".sflint.yml"), "# above the module: never read\n")
	mod := filepath.Join(root, "mod")
	write(t, filepath.Join(mod, "go.mod"), "module m\n")
	write(t, filepath.Join(mod, "a", "b", "x.go"), "package b\n")

	// No file in the module: the search stops at go.mod.
	if got, err := Find(filepath.Join(mod, "a", "b")); err != nil || got != "" {
		t.Errorf("no file: Find = %q, %v", got, err)
	}
	write(t, filepath.Join(mod, ".sflint.yml"), "")
	if got, _ := Find(filepath.Join(mod, "a", "b")); got != filepath.Join(mod, ".sflint.yml") {
		t.Errorf("module root: Find = %q", got)
	}
	// The nearest wins.
	write(t, filepath.Join(mod, "a", ".sflint.yaml"), "")
	if got, _ := Find(filepath.Join(mod, "a", "b")); got != filepath.Join(mod, "a", ".sflint.yaml") {
		t.Errorf("nearest: Find = %q", got)
	}
	// Both names in one directory are an error.
	write(t, filepath.Join(mod, "a", ".sflint.yml"), "")
	if _, err := Find(filepath.Join(mod, "a", "b")); err == nil || !strings.Contains(err.Error(), "keep one") {
		t.Errorf("both names: err = %v", err)
	}
	// Outside a module, only the directory itself.
	out := filepath.Join(root, "outside", "x")
	write(t, filepath.Join(out, "y.go"), "package x\n")
	if got, _ := Find(out); got != "" {
		t.Errorf("outside a module: Find = %q", got)
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yml"))
	if err == nil || !strings.HasSuffix(err.Error(), "nope.yml: no such file or directory") {
		t.Errorf("err = %v", err)
	}
}

// Keys lists every key, which docs/config.md documents.
func TestKeys(t *testing.T) {
	keys := Keys()
	for _, k := range []string{"enable", "tests", "hardcodedtoken.min-length", "flags"} {
		found := false
		for _, have := range keys {
			found = found || have == k
		}
		if !found {
			t.Errorf("Keys() lacks %q: %v", k, keys)
		}
	}
}

// laughs expands to 10^9 values through nested aliases.
const laughs = `a: &a ["x","x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
logins: [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

// Aliases are expanded with care: one inside its own anchor is an error,
// and so is an expansion into a billion values.
func TestAliases(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"a: &x [*x]\n", ".sflint.yml:1: alias *x refers to itself"},
		{laughs, ".sflint.yml:"},
		{"logouts: &l [a.B]\nlogins: *l\n", ""},
	} {
		_, err := Parse(".sflint.yml", []byte(tc.src))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%.20q: %v", tc.src, err)
		case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
			t.Errorf("%.20q: error %v, want %q...", tc.src, err, tc.want)
		}
	}
}

// FuzzParse: any file content gives settings or a one-line error naming the
// file, never a panic.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"", "disable: [nologout]\n", "hardcodedtoken:\n  min-length: 12\n", "flags: {a.b: 1}\n",
		"tests: all\n", "- x\n", "a: &x [*x]\n", "logins: [\"\\xff\"]\n", "? [a]\n: 1\n", "\t\n", "enable: {a: b}\n",
		"hardcodedtoken: {min-length: 99999999999999999999}\n", "flags: {x: [1]}\n", "tests: {}\n",
		laughs,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := Parse(".sflint.yml", []byte(src))
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, ".sflint.yml") || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line starting with the file name", msg)
			}
			return
		}
		if _, err := file.Settings.Assignments(testAnalyzers, testFlags); err != nil {
			if msg := file.Error(err).Error(); !strings.HasPrefix(msg, ".sflint.yml") || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line starting with the file name", msg)
			}
		}
	})
}
