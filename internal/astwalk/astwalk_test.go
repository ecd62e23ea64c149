package astwalk

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSameAsInspect holds Inspect to ast.Inspect: on real files (the
// go/... packages of the standard library and this repository's own, with
// comments, generics and every kind of statement), both give the same
// calls in the same order, nil calls included, whether the callback always
// descends or prunes some subtrees.
func TestSameAsInspect(t *testing.T) {
	var files []string
	for _, root := range []string{filepath.Join(build.Default.GOROOT, "src", "go"), filepath.Join("..", "..")} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.Contains(p, "testdata") {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 100 {
		t.Fatalf("found only %d files to compare on", len(files))
	}
	prunes := map[string]func(ast.Node) bool{
		"descend":        func(ast.Node) bool { return true },
		"prune literals": func(n ast.Node) bool { _, lit := n.(*ast.FuncLit); return !lit },
		"prune blocks":   func(n ast.Node) bool { _, b := n.(*ast.BlockStmt); return !b },
		"prune calls":    func(n ast.Node) bool { _, c := n.(*ast.CallExpr); return !c },
	}
	nodes := 0
	for _, name := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for how, descend := range prunes {
			var want, got []ast.Node
			ast.Inspect(f, func(n ast.Node) bool {
				want = append(want, n)
				return n == nil || descend(n)
			})
			Inspect(f, func(n ast.Node) bool {
				got = append(got, n)
				return n == nil || descend(n)
			})
			if len(got) != len(want) {
				t.Fatalf("%s, %s: %d calls, ast.Inspect makes %d", name, how, len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%s, %s: call %d is on %T at %v, ast.Inspect's on %T at %v", name, how, i, got[i], pos(fset, got[i]), want[i], pos(fset, want[i]))
				}
			}
			nodes += len(want)
		}
	}
	t.Logf("%d files, %d calls compared", len(files), nodes)
}

func pos(fset *token.FileSet, n ast.Node) token.Position {
	if n == nil {
		return token.Position{}
	}
	return fset.Position(n.Pos())
}

// TestNil: a nil root calls nothing.
func TestNil(t *testing.T) {
	calls := 0
	Inspect(nil, func(ast.Node) bool { calls++; return true })
	if calls != 0 {
		t.Errorf("Inspect(nil) made %d calls", calls)
	}
}

// TestNoAllocation: a walk with a capturing callback allocates nothing,
// which is the point of this package.
func TestNoAllocation(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "astwalk.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	allocs := testing.AllocsPerRun(10, func() {
		n := 0
		Inspect(f, func(ast.Node) bool { n++; return true })
		count = n
	})
	if count == 0 || allocs != 0 {
		t.Errorf("walk of %d calls allocated %v times, want 0", count, allocs)
	}
}

// TestOnlyWalk keeps the analyses on Inspect: a call of ast.Inspect in the
// module's code (tests and this package aside) would bring back what this
// package removed (docs/ARCHITECTURE.md, Costs).
func TestOnlyWalk(t *testing.T) {
	root := filepath.Join("..", "..")
	checked := 0
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Base(filepath.Dir(p)) == "astwalk" {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		if strings.Contains(string(src), "ast.Inspect(") {
			t.Errorf("%s calls ast.Inspect: use astwalk.Inspect", p)
		}
		return nil
	})
	if checked < 50 {
		t.Fatalf("checked only %d files", checked)
	}
}
