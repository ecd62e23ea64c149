// Package fuzz runs sflint's analyzers in-process on one Go source file, the
// way a driver that runs analyzers despite errors (gopls, RunDespiteErrors)
// would: the file is parsed (a partial syntax tree on syntax errors),
// type-checked with every type error collected, and handed to the shared pass
// and every check in dependency order.
//
// Imports resolve to the analysistest stubs under testdata/src (so that
// Salesforce client calls are typed as they are in the tests) and to the
// standard library, both type-checked from source once per process. Facts are
// kept for the one package analysed; imported packages carry none. Every fact
// is round-tripped through encoding/gob, as the go vet driver does.
//
// The runner checks what a driver would: the result type of each analyzer,
// that facts are exported only for the package's own objects, and that
// diagnostics and their fixes lie in the analysed files with well-ordered
// edits. It is the engine of FuzzAnalyzers.
package fuzz

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Universe resolves imports for the runner: stubs first, then the standard
// library, each type-checked from source on first use and cached.
type Universe struct {
	Fset *token.FileSet

	stubs string // testdata/src
	ctxt  build.Context
	mu    sync.Mutex
	pkgs  map[string]*types.Package
	errs  map[string]error
	// frozen: no more packages are loaded; other imports fail at once.
	frozen bool
}

// Preload imports every package the sources import (and their
// dependencies), then freezes the universe: an input importing anything
// else gets an import error at once instead of a slow load from source.
func (u *Universe) Preload(srcs [][]byte) {
	fset := token.NewFileSet()
	for _, src := range srcs {
		f, _ := parser.ParseFile(fset, "seed.go", src, parser.ImportsOnly)
		if f == nil {
			continue
		}
		for _, imp := range f.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err == nil {
				u.Import(path)
			}
		}
	}
	u.mu.Lock()
	u.frozen = true
	u.mu.Unlock()
}

// NewUniverse returns an importer over the stub tree stubs (testdata/src).
func NewUniverse(stubs string) *Universe {
	ctxt := build.Default
	ctxt.CgoEnabled = false
	ctxt.GOPATH = ""
	return &Universe{
		Fset:  token.NewFileSet(),
		stubs: stubs,
		ctxt:  ctxt,
		pkgs:  map[string]*types.Package{},
		errs:  map[string]error{},
	}
}

// Import implements types.Importer.
func (u *Universe) Import(path string) (*types.Package, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.load(path)
}

func (u *Universe) load(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p, ok := u.pkgs[path]; ok {
		return p, nil
	}
	if err, ok := u.errs[path]; ok {
		return nil, err
	}
	if u.frozen {
		return nil, fmt.Errorf("package %q not preloaded", path)
	}
	p, err := u.check(path)
	if err != nil {
		u.errs[path] = err
		return nil, err
	}
	u.pkgs[path] = p
	return p, nil
}

// dir finds the source directory of an import path.
func (u *Universe) dir(path string) (string, bool) {
	if !build.IsLocalImport(path) && !strings.Contains(path, "..") && path != "" && !strings.HasPrefix(path, "/") {
		first, _, _ := strings.Cut(path, "/")
		if strings.Contains(first, ".") {
			d := filepath.Join(u.stubs, filepath.FromSlash(path))
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				return d, true
			}
			// vendored by the standard library (golang.org/x/net/...)
			d = filepath.Join(build.Default.GOROOT, "src", "vendor", filepath.FromSlash(path))
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				return d, true
			}
			return "", false
		}
		d := filepath.Join(build.Default.GOROOT, "src", filepath.FromSlash(path))
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d, true
		}
		// another test case of the GOPATH tree (sflogin/wrap)
		d = filepath.Join(u.stubs, filepath.FromSlash(path))
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d, true
		}
	}
	return "", false
}

func (u *Universe) check(path string) (*types.Package, error) {
	dir, ok := u.dir(path)
	if !ok {
		return nil, fmt.Errorf("package %q not found", path)
	}
	bp, err := u.ctxt.ImportDir(dir, 0)
	if err != nil {
		return nil, fmt.Errorf("package %q: %v", path, err)
	}
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(u.Fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{
		Importer: importerFunc(u.load), // the lock is held
		Sizes:    types.SizesFor("gc", "amd64"),
		Error:    func(error) {},
	}
	pkg, _ := conf.Check(path, u.Fset, files, nil)
	if pkg == nil {
		return nil, fmt.Errorf("package %q: type-checking failed", path)
	}
	return pkg, nil
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// Result is what one run produced.
type Result struct {
	Diagnostics map[string][]analysis.Diagnostic // by analyzer name
	TypeErrors  []types.Error
	SyntaxError error
}

// Run parses src as file name, type-checks it and runs the analyzers (and
// everything they require) on it. It returns an error for what a driver
// would reject: a wrong result type, a fact exported for another package's
// object or one that gob cannot encode, a diagnostic or fix outside the file.
// Panics are not recovered: they are what fuzzing looks for. Positions in
// the result are no longer resolvable once Run returns.
func (u *Universe) Run(name string, src []byte, analyzers []*analysis.Analyzer) (*Result, error) {
	u.mu.Lock()
	fset := u.Fset
	u.mu.Unlock()
	res := &Result{Diagnostics: map[string][]analysis.Diagnostic{}}

	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if f == nil {
		return res, nil // nothing to analyse (e.g. no package clause)
	}
	res.SyntaxError = err
	files := []*ast.File{f}
	// The universe's file set outlives the input: drop the input's file
	// from it when done, so that a long fuzzing run does not grow it.
	defer fset.RemoveFile(fset.File(f.FileStart))

	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	sizes := types.SizesFor("gc", "amd64")
	conf := types.Config{
		Importer: u,
		Sizes:    sizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				res.TypeErrors = append(res.TypeErrors, te)
			}
		},
	}
	path := "fuzz/" + f.Name.Name
	if f.Name.Name == "_" || f.Name.Name == "" {
		path = "fuzz/p"
	}
	pkg, _ := conf.Check(path, fset, files, info)
	if pkg == nil {
		return res, nil
	}

	// Facts of this package only; imports carry none.
	type objKey struct {
		obj types.Object
		t   reflect.Type
	}
	objFacts := map[objKey]analysis.Fact{}
	pkgFacts := map[reflect.Type]analysis.Fact{}

	results := map[*analysis.Analyzer]any{}
	var order []*analysis.Analyzer
	visited := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if visited[a] {
			return
		}
		visited[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		order = append(order, a)
	}
	for _, a := range analyzers {
		visit(a)
	}

	tokFile := fset.File(f.FileStart)
	var problems []string
	problem := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	inFile := func(pos token.Pos) bool {
		return pos.IsValid() && int(pos) >= tokFile.Base() && int(pos) <= tokFile.Base()+tokFile.Size()
	}

	for _, a := range order {
		a := a
		factType := map[reflect.Type]bool{}
		for _, ft := range a.FactTypes {
			factType[reflect.TypeOf(ft)] = true
		}
		checkFact := func(verb string, fact analysis.Fact) {
			if !factType[reflect.TypeOf(fact)] {
				problem("%s: %s of fact type %T not in FactTypes", a.Name, verb, fact)
			}
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			Files:      files,
			Pkg:        pkg,
			TypesInfo:  info,
			TypesSizes: sizes,
			TypeErrors: res.TypeErrors,
			ResultOf:   map[*analysis.Analyzer]any{},
			ReadFile: func(filename string) ([]byte, error) {
				if filename == name {
					return src, nil
				}
				return nil, fmt.Errorf("ReadFile %s: not a file of the package", filename)
			},
			Report: func(d analysis.Diagnostic) {
				if !inFile(d.Pos) {
					problem("%s: diagnostic %q at invalid or foreign position %d", a.Name, d.Message, d.Pos)
				}
				if d.End.IsValid() && (d.End < d.Pos || !inFile(d.End)) {
					problem("%s: diagnostic %q has bad End", a.Name, d.Message)
				}
				if strings.TrimSpace(d.Message) == "" {
					problem("%s: diagnostic with empty message", a.Name)
				}
				for _, sf := range d.SuggestedFixes {
					for _, e := range sf.TextEdits {
						end := e.End
						if !end.IsValid() {
							end = e.Pos
						}
						if !inFile(e.Pos) || !inFile(end) || end < e.Pos {
							problem("%s: fix %q has an edit [%d,%d) outside the file or reversed", a.Name, sf.Message, e.Pos, e.End)
						}
					}
				}
				for _, r := range d.Related {
					if !r.Pos.IsValid() || fset.File(r.Pos) == nil {
						problem("%s: related information %q at invalid position", a.Name, r.Message)
					}
				}
				res.Diagnostics[a.Name] = append(res.Diagnostics[a.Name], d)
			},
			ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
				if obj == nil {
					panic(fmt.Sprintf("%s: ImportObjectFact(nil)", a.Name)) // as the checker does
				}
				checkFact("ImportObjectFact", fact)
				got, ok := objFacts[objKey{obj, reflect.TypeOf(fact)}]
				if ok {
					reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
				if obj == nil || obj.Pkg() != pkg {
					// The checker panics here too.
					panic(fmt.Sprintf("%s: ExportObjectFact(%v, %T): can't set fact on object belonging to another package", a.Name, obj, fact))
				}
				checkFact("ExportObjectFact", fact)
				objFacts[objKey{obj, reflect.TypeOf(fact)}] = roundTrip(problem, a, fact)
			},
			ImportPackageFact: func(p *types.Package, fact analysis.Fact) bool {
				checkFact("ImportPackageFact", fact)
				if p != pkg {
					return false
				}
				got, ok := pkgFacts[reflect.TypeOf(fact)]
				if ok {
					reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportPackageFact: func(fact analysis.Fact) {
				checkFact("ExportPackageFact", fact)
				pkgFacts[reflect.TypeOf(fact)] = roundTrip(problem, a, fact)
			},
			AllObjectFacts: func() []analysis.ObjectFact {
				var out []analysis.ObjectFact
				for k, v := range objFacts {
					if factType[k.t] {
						out = append(out, analysis.ObjectFact{Object: k.obj, Fact: v})
					}
				}
				sort.Slice(out, func(i, j int) bool { return out[i].Object.Pos() < out[j].Object.Pos() })
				return out
			},
			AllPackageFacts: func() []analysis.PackageFact {
				var out []analysis.PackageFact
				for t, v := range pkgFacts {
					if factType[t] {
						out = append(out, analysis.PackageFact{Package: pkg, Fact: v})
					}
				}
				return out
			},
		}
		for _, r := range a.Requires {
			pass.ResultOf[r] = results[r]
		}
		result, err := a.Run(pass)
		if err != nil {
			// An analyzer may fail on a package (a driver prints it as one
			// line); that is not a crash. Its dependents do not run.
			return res, nil
		}
		if got, want := reflect.TypeOf(result), a.ResultType; got != want {
			if !(want == nil && result == nil) {
				problem("%s: result of type %v, want %v", a.Name, got, want)
			}
		}
		results[a] = result
	}
	if len(problems) > 0 {
		return res, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return res, nil
}

// roundTrip encodes and decodes a fact as the go vet driver does.
func roundTrip(problem func(string, ...any), a *analysis.Analyzer, fact analysis.Fact) analysis.Fact {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(fact); err != nil {
		problem("%s: fact %T does not gob-encode: %v", a.Name, fact, err)
		return fact
	}
	out := reflect.New(reflect.TypeOf(fact).Elem()).Interface().(analysis.Fact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		problem("%s: fact %T does not gob-decode: %v", a.Name, fact, err)
		return fact
	}
	return out
}
