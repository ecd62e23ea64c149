package sflogin

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestStandard: the retry-helper and scheduler derivations skip the
// standard library, found by its path and its files' place under GOROOT;
// a package of the user's (a fixture under testdata, or a module path with
// a dot) is never taken for it.
func TestStandard(t *testing.T) {
	pass := func(path, file string) *analysis.Pass {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		return &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: types.NewPackage(path, f.Name.Name)}
	}
	if gorootSrc == "" {
		t.Fatal("no GOROOT")
	}
	errorsGo := filepath.Join(gorootSrc, "errors", "errors.go")
	fixture, err := filepath.Abs(filepath.Join("..", "..", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	fixtureFile, err := filepath.Glob(filepath.Join(fixture, "blindretry", "*", "*.go"))
	if err != nil || len(fixtureFile) == 0 {
		t.Fatalf("no fixture file under %s: %v", fixture, err)
	}
	for _, c := range []struct {
		path, file string
		want       bool
	}{
		{"errors", errorsGo, true},
		{"example.com/errors", errorsGo, false}, // a dot: not the standard library
		{"helpers", fixtureFile[0], false},      // a GOPATH-style fixture: not under GOROOT
	} {
		if got := standard(pass(c.path, c.file)); got != c.want {
			t.Errorf("standard(%s in %s) = %v, want %v", c.path, c.file, got, c.want)
		}
	}
}
