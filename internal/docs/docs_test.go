package docs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/suite"
)

// TestUpToDate renders every generated page and compares it with the file
// in docs/: they must be the same, so that docs/analyzers/<name>.md is the
// analyzer's doc.go and docs/config.md the settings in the code.
func TestUpToDate(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := Pages(root)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, p := range pages {
		want[filepath.ToSlash(p.Path)] = true
		got, err := os.ReadFile(filepath.Join(root, p.Path))
		if err != nil || !bytes.Equal(got, p.Data) {
			t.Errorf("%s is not what the code renders: run go generate ./internal/docs", p.Path)
		}
	}
	// No page for an analyzer that is gone.
	names, _ := filepath.Glob(filepath.Join(root, "docs", "analyzers", "*.md"))
	for _, n := range names {
		rel, _ := filepath.Rel(root, n)
		if !want[filepath.ToSlash(rel)] {
			t.Errorf("%s belongs to no analyzer: delete it", rel)
		}
	}
}

// Every analyzer page carries the manual: what, why, how to fix come from
// doc.go.
func TestAnalyzerPages(t *testing.T) {
	pages, err := Pages(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range suite.Default().Checks {
		var page string
		for _, p := range pages {
			if filepath.Base(p.Path) == a.Name+".md" {
				page = string(p.Data)
			}
		}
		_, manual := Split(a)
		first, _, _ := strings.Cut(manual, "\n")
		if !strings.HasPrefix(page, "<!-- Code generated") || !strings.Contains(page, "# "+a.Name+"\n") ||
			!strings.Contains(page, strings.TrimPrefix(first, "# ")) || strings.Contains(page, "{#hdr-") {
			t.Errorf("%s: page lacks its header, title or manual:\n%.400s", a.Name, page)
		}
	}
}

func TestMarkdown(t *testing.T) {
	got := Markdown("Intro text.\n\n# Flags\n\nA list:\n  - one\n  - two\n\nCode:\n\n\tx := 1\n", 2)
	for _, want := range []string{"Intro text.", "## Flags\n", "  - one\n", "```\nx := 1\n```"} {
		if !strings.Contains(got, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, got)
		}
	}
}
