package sflogin

import (
	"go/ast"
	goimporter "go/importer"
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

// TestCanHoldError: a function is read for a fault classification only
// when one of its parameters can be handed the login error.
func TestCanHoldError(t *testing.T) {
	src := `package p
import ("context"; "io")
type errorish interface{ Error() string }
func f[E error](e E, a any, x errorish, err error, ctx context.Context, r io.Reader, s string) {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: goimporter.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sig := pkg.Scope().Lookup("f").Type().(*types.Signature)
	want := map[string]bool{"e": true, "a": true, "x": true, "err": true, "ctx": false, "r": false, "s": false}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if got := canHoldError(p.Type()); got != want[p.Name()] {
			t.Errorf("canHoldError(%s %s) = %v, want %v", p.Name(), p.Type(), got, want[p.Name()])
		}
	}
}
