// Package citest tests the CI scripts under .ci that decide on their own
// whether a run passed.
package citest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeGo is a go command for .ci/fuzz.sh: `go test` of the seeds passes;
// `go test -fuzz` does what $FAKE says.
const fakeGo = `#!/usr/bin/env bash
case "$*" in
*-fuzz*) ;;
*) exit 0 ;;
esac
case "$FAKE" in
ok) echo PASS; exit 0 ;;
race) printf -- '--- FAIL: FuzzAnalyzers (63.05s)\n    context deadline exceeded\nFAIL\n'; exit 1 ;;
crash)
	printf -- '--- FAIL: FuzzAnalyzers (3.10s)\n    --- FAIL: FuzzAnalyzers (0.10s)\n        panic: boom\n    Failing input written to testdata/fuzz/FuzzAnalyzers/0123abcd\nFAIL\n'
	: > internal/fuzz/testdata/fuzz/FuzzAnalyzers/0123abcd
	exit 1 ;;
racecrash)
	printf -- '--- FAIL: FuzzAnalyzers (63.05s)\n    context deadline exceeded\nFAIL\n'
	: > internal/fuzz/testdata/fuzz/FuzzAnalyzers/0123abcd
	exit 1 ;;
build) echo 'internal/fuzz/run.go:1:1: expected package'; exit 2 ;;
esac
exit 3
`

// TestFuzzScript runs .ci/fuzz.sh in a copy of its tree with a fake go
// command: Go 1.26's coordinator race (golang/go#75804) alone passes; a
// crasher, or any other failure, fails.
func TestFuzzScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	script, err := os.ReadFile(filepath.Join("..", "..", ".ci", "fuzz.sh"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		fake string
		ok   bool
		say  string
	}{
		{"ok", true, "fuzz: ok"},
		{"race", true, "golang/go#75804"},
		{"crash", false, "new crasher internal/fuzz/testdata/fuzz/FuzzAnalyzers/0123abcd"},
		{"racecrash", false, "new crasher internal/fuzz/testdata/fuzz/FuzzAnalyzers/0123abcd"},
		{"build", false, "without writing a crasher"},
	} {
		t.Run(tc.fake, func(t *testing.T) {
			root := t.TempDir()
			for _, dir := range []string{".ci", "bin", "internal/fuzz/testdata/fuzz/FuzzAnalyzers"} {
				if err := os.MkdirAll(filepath.Join(root, dir), 0o777); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(root, ".ci", "fuzz.sh"), script, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, "bin", "go"), []byte(fakeGo), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("bash", filepath.Join(root, ".ci", "fuzz.sh"), "1s")
			cmd.Env = append(os.Environ(), "FAKE="+tc.fake, "PATH="+filepath.Join(root, "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			if got := err == nil; got != tc.ok {
				t.Fatalf("passed = %v, want %v; output:\n%s", got, tc.ok, out)
			}
			if !strings.Contains(string(out), tc.say) {
				t.Errorf("output does not say %q:\n%s", tc.say, out)
			}
		})
	}
}
