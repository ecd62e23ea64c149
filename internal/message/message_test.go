package message

import (
	"strings"
	"testing"
)

func TestJoin(t *testing.T) {
	for _, c := range []struct{ first, fix, want string }{
		{"a is wrong", "Do b", "a is wrong. Do b."},
		{"a is wrong", "", "a is wrong."},
		{"a is wrong", "SF_PASSWORD it", "a is wrong. SF_PASSWORD it."},
		{"a is wrong", "Did you mean b?", "a is wrong. Did you mean b?"},
	} {
		if got := Join(c.first, c.fix); got != c.want {
			t.Errorf("Join(%q, %q) = %q, want %q", c.first, c.fix, got, c.want)
		}
		if err := Check(Join(c.first, c.fix)); err != nil {
			t.Error(err)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{"Defer c.Logout()": "defer c.Logout()", "POST it": "POST it", "x": "x", "": ""} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShortest(t *testing.T) {
	long := strings.Repeat("x", FirstMax+1)
	if got := Shortest(long, "short"); got != "short" {
		t.Errorf("Shortest = %q", got)
	}
	if got := Shortest(long+"yy", long); got != long {
		t.Errorf("Shortest of two long ones = %q", got)
	}
	if got := Shortest("first", "second"); got != "first" {
		t.Errorf("Shortest = %q, want the first that fits", got)
	}
}

func TestCheck(t *testing.T) {
	long := strings.Repeat("x", FirstMax+1)
	for _, bad := range []string{
		long + ". Fix it.",
		"a is wrong. " + strings.Repeat("y", Max) + ".",
		"a is wrong. Do b. Then c.",
		"a is wrong\nDo b.",
		"a is wrong. Do b",
		"a is wrong?",
		". Do b.",
	} {
		if Check(bad) == nil {
			t.Errorf("Check(%q) = nil", bad)
		}
	}
	for _, good := range []string{
		"session from soapforce.(*Client).Login is not logged out on all paths. Defer c.Logout() after the login's error check.",
		strings.Repeat("x", FirstMax) + ".",
	} {
		if err := Check(good); err != nil {
			t.Errorf("Check(%q) = %v", good, err)
		}
	}
}

func TestBare(t *testing.T) {
	for in, want := range map[string]string{
		"oauth2.(*Config).PasswordCredentialsToken": "PasswordCredentialsToken",
		"force.Create": "Create",
		"login":        "login",
		"OAuth token endpoint (/services/oauth2/token)": "OAuth token endpoint (/services/oauth2/token)",
	} {
		if got := Bare(in); got != want {
			t.Errorf("Bare(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUpper(t *testing.T) {
	for in, want := range map[string]string{"defer c.Logout()": "Defer c.Logout()", "POST it": "POST it", "": "", "élan": "Élan"} {
		if got := Upper(in); got != want {
			t.Errorf("Upper(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestManual(t *testing.T) {
	src := "// Package x reports things.\n//\n// # Analyzer x\n//\n// x: report things\n//\n// More text.\npackage x\n"
	if got, want := Manual(src, "x"), "report things\n\nMore text."; got != want {
		t.Errorf("Manual = %q, want %q", got, want)
	}
	for _, bad := range []string{
		"package x\n", // no package doc
		"// Package x reports things.\npackage x\n",                      // no heading
		"// Package x.\n//\n// # Analyzer y\n//\n// report\npackage x\n", // another analyzer's heading
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Manual(%q) did not panic", bad)
				}
			}()
			Manual(bad, "x")
		}()
	}
}
