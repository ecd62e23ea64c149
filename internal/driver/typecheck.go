package driver

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/types"
	"os"

	"golang.org/x/tools/go/packages"
)

// This file parses and type-checks the packages sflint loads from source.

// typeCheck parses and type-checks a package from source, as go/packages
// does in LoadAllSyntax mode: every error goes to p.Errors (parse errors,
// type errors), and the package is ill-typed when it or an import has
// errors.
func (s *session) typeCheck(p *packages.Package) {
	p.Fset = s.fset
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		p.TypesInfo = newTypesInfo()
		return
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	for _, name := range p.CompiledGoFiles {
		f, errs := s.parse(name)
		p.Errors = append(p.Errors, errs...)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}
	p.TypesInfo = newTypesInfo()
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("missing package: %q", path)
			}
			if imp.Types == nil || !imp.Types.Complete() {
				return nil, fmt.Errorf("internal error: %s has no types", path)
			}
			return imp.Types, nil
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				return
			}
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		},
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	errCount := len(p.Errors)
	err := types.NewChecker(tc, s.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if err != nil && len(p.Errors) == errCount && len(p.Errors) == 0 {
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
}

// parse parses a file once for all the packages that list it.
func (s *session) parse(name string) (*ast.File, []packages.Error) {
	s.parseMu.Lock()
	pf := s.parsed[name]
	if pf == nil { // not counted: parse for this package alone
		pf = &parsedFile{}
	}
	s.parseMu.Unlock()
	pf.once.Do(func() {
		src, err := os.ReadFile(name)
		if err != nil {
			pf.errs = []packages.Error{{Pos: name + ":1", Msg: cleanErr(err).Error(), Kind: packages.ParseError}}
			return
		}
		// The mode go/packages uses (object resolution included: some
		// analyzers still read ast.Object).
		pf.f, err = parser.ParseFile(s.fset, name, src, parser.AllErrors|parser.ParseComments)
		if err != nil {
			if list, ok := err.(scanner.ErrorList); ok {
				for _, e := range list {
					pf.errs = append(pf.errs, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
				}
			} else {
				pf.errs = []packages.Error{{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError}}
			}
		}
	})
	return pf.f, pf.errs
}

// release forgets the package's files that no other package still needs.
func (s *session) release(p *packages.Package) {
	s.parseMu.Lock()
	defer s.parseMu.Unlock()
	for _, name := range p.CompiledGoFiles {
		if pf := s.parsed[name]; pf != nil {
			if pf.uses--; pf.uses <= 0 {
				delete(s.parsed, name)
			}
		}
	}
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
