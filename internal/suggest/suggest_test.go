package suggest

import "testing"

func TestClosest(t *testing.T) {
	names := []string{"blindretry", "unhandledfault", "sessionreuse", "nologout", "hardcodedtoken", "sflintignore"}
	for _, tc := range []struct{ in, want string }{
		{"nologut", "nologout"},
		{"nolgout", "nologout"},
		{"hardcodedtokens", "hardcodedtoken"},
		{"blindretyr", "blindretry"},
		{"session", "sessionreuse"}, // a prefix
		{"printf", ""},
		{"x", ""},
		{"nologout", ""}, // itself is not a suggestion
	} {
		if got := Closest(tc.in, names); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	keys := []string{"enable", "disable", "logins", "logouts", "classifiers", "retry-helpers", "tests", "flags"}
	for _, tc := range []struct{ in, want string }{
		{"login", "logins"},
		{"retry_helpers", "retry-helpers"},
		{"test", "tests"},
		{"enabled", "enable"},
		{"color", ""},
	} {
		if got := Closest(tc.in, keys); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
