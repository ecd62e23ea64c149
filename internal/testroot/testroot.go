// Package testroot builds GOPATH trees for analysistest out of the
// project's testdata/src and a tree of its own: analysistest.Run takes one
// directory, and a case written against an older version of a library (the
// simpleforce of 2020, with no SalesforceError) must import the library by
// its real path. testdata/versions/<name>/src holds the older stubs and the
// cases that use them; Merge lays it over a copy of testdata/src, a package
// directory of the overlay replacing the same directory of the base.
package testroot

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Merge returns a new GOPATH directory (removed when the test ends) whose
// src is base/src with each overlay's src laid over it: a directory of an
// overlay that holds .go files replaces the base's directory of that path.
func Merge(t testing.TB, base string, overlays ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := copyTree(filepath.Join(base, "src"), filepath.Join(dir, "src"), false); err != nil {
		t.Fatal(err)
	}
	for _, o := range overlays {
		if err := copyTree(filepath.Join(o, "src"), filepath.Join(dir, "src"), true); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyTree copies the files below from into to. With replace, a directory
// holding .go files first has its .go files removed from to (the older stub
// must not mix with the newer one's files).
func copyTree(from, to string, replace bool) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return err
			}
			if replace && hasGoFiles(path) {
				return removeGoFiles(dst)
			}
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

func hasGoFiles(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && filepath.Ext(e.Name()) == ".go" {
			return true
		}
	}
	return false
}

func removeGoFiles(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() && filepath.Ext(e.Name()) == ".go" {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
