package suite_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQueriesStaySmall holds the analyzers to the shape issue 12 gave them:
// queries on the model in internal/flow, not engines of their own. The Go
// files of analyzers/ (tests and testdata aside, manuals included) hold at
// most 6,800 lines, half of the 13,600 they held before, and no source
// file of the module is over 800 lines. A rule that needs more should
// ask the model a new question (docs/ARCHITECTURE.md).
func TestQueriesStaySmall(t *testing.T) {
	const (
		maxAnalyzers = 6800
		maxFile      = 800
	)
	root := filepath.Join("..", "..")
	analyzers, files := 0, 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (d.Name() == "testdata" || d.Name() == "examples" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n := bytes.Count(src, []byte("\n"))
		files++
		if n > maxFile {
			t.Errorf("%s has %d lines (at most %d): split it by what its parts answer", p, n, maxFile)
		}
		if rel, _ := filepath.Rel(root, p); strings.HasPrefix(rel, "analyzers"+string(filepath.Separator)) {
			analyzers += n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 || analyzers < 1000 {
		t.Fatalf("read only %d files, %d lines in analyzers/: is the walk rooted at the module?", files, analyzers)
	}
	if analyzers > maxAnalyzers {
		t.Errorf("analyzers/ holds %d lines of non-test Go (at most %d): move the flow questions into internal/flow", analyzers, maxAnalyzers)
	}
}
