package driver

// Loading and analysis, one package at a time.
//
// go/packages in LoadAllSyntax mode keeps the syntax trees and the
// types.Info of every package of the build until it returns, and
// checker.Analyze keeps them until its last analysis ends: the peak memory
// of a run was that of the whole build's syntax and type information
// (3.7 GB on std). Here go list gives the metadata only (the files, the
// import graph); each package is then parsed, type-checked from source and
// analysed as soon as its imports are done, and its syntax trees and
// types.Info are dropped once its analyses have run. What stays is its
// *types.Package (its importers are type-checked against it), the facts its
// analyses exported, and, for the packages named on the command line, their
// findings. The analyses are those checker.Analyze would run: every
// analyzer (and what it requires) on the packages named on the command
// line, the analyzers with facts (and what they require) on their
// dependencies; the results are the same, as .ci/sweep.sh and the examples
// golden lists check.

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/url"
	"os"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/sflint/sflint/internal/sflogin"
)

// loadMode asks go list for metadata only: no syntax, no types (they are
// made here, package by package). NeedEmbedFiles: go list checks
// //go:embed patterns only when asked for the files, and a pattern that
// matches nothing is an error, as under go vet and go build.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes |
	packages.NeedEmbedFiles

// node is a package of the import graph waiting for, or done with, its analysis.
type node struct {
	pkg   *packages.Package
	root  bool    // named on the command line: every analyzer runs, findings are kept
	index int     // of a root: its place on the command line (go list's order)
	preds []*node // importers
	// waiting counts the imports not analysed yet.
	waiting atomic.Int32
	// failed holds the analyzers with facts that failed on the package:
	// their runs on importers fail as prerequisites (as in checker).
	failed map[*analysis.Analyzer]bool
	// module is the package's module as the passes see it, made once for
	// all the analyzers that run on the package.
	module *analysis.Module
}

// session is one run of the analyzers over a build.
type session struct {
	fset     *token.FileSet
	roots    []*analysis.Analyzer // analyzers whose findings are reported
	rootPlan []*analysis.Analyzer // roots and what they require, requirements first
	depPlan  []*analysis.Analyzer // analyzers with facts and what they require, for dependencies

	factMu       sync.Mutex
	objectFacts  map[objectFactKey]analysis.Fact
	packageFacts map[packageFactKey]analysis.Fact

	mu       sync.Mutex
	findings []*Finding
	failures []string
	failed   map[string]bool
	partial  []Partial

	// Files listed by more than one package (a package and its test
	// variant) are parsed once, and kept until the last of them is done.
	parseMu sync.Mutex
	parsed  map[string]*parsedFile
}

// parsedFile is a file parsed for one or more packages.
type parsedFile struct {
	once sync.Once
	f    *ast.File
	errs []packages.Error
	uses int // packages still to be type-checked with it (under parseMu)
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

type packageFactKey struct {
	pkg *types.Package
	typ reflect.Type
}

// Partial is a package named on the command line that was not analysed, or
// not whole, because it has errors.
type Partial struct {
	ID, Path string
	// Skipped names the declarations left out (they do not type-check);
	// None is set when nothing of the package was analysed.
	Skipped []string
	None    bool
}

// Line is the one line the command prints about the package.
func (p Partial) Line() string {
	if p.None {
		return p.Path + ": not analysed: it has errors"
	}
	names := p.Skipped
	more := ""
	if len(names) > 5 {
		more = fmt.Sprintf(" and %d more", len(names)-5)
		names = names[:5]
	}
	return fmt.Sprintf("%s: analysed in part: %s with errors left out (%s%s)", p.Path,
		plural(len(p.Skipped), "declaration"), strings.Join(names, ", "), more)
}

// analyze type-checks and analyses the packages (as loaded with loadMode)
// and their dependencies, and returns the findings of the analyzers on the
// packages, de-duplicated and sorted, the distinct analysis failures, and
// the packages named that were analysed in part or not at all. Parse and
// type errors are added to each package's Errors, as go/packages does.
func analyze(analyzers []*analysis.Analyzer, pkgs []*packages.Package) ([]*Finding, []string, []Partial, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return nil, nil, nil, err
	}
	s := &session{
		fset:         token.NewFileSet(),
		roots:        analyzers,
		rootPlan:     plan(analyzers, func(*analysis.Analyzer) bool { return true }),
		objectFacts:  map[objectFactKey]analysis.Fact{},
		packageFacts: map[packageFactKey]analysis.Fact{},
		failed:       map[string]bool{},
		parsed:       map[string]*parsedFile{},
	}
	s.depPlan = plan(s.rootPlan, func(a *analysis.Analyzer) bool { return len(a.FactTypes) > 0 })

	nodes := map[*packages.Package]*node{}
	var order []*node
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		n := &node{pkg: p}
		nodes[p] = n
		order = append(order, n)
	})
	for i, p := range pkgs {
		nodes[p].root = true
		nodes[p].index = i
	}
	for _, n := range order {
		for _, name := range n.pkg.CompiledGoFiles {
			pf := s.parsed[name]
			if pf == nil {
				pf = &parsedFile{}
				s.parsed[name] = pf
			}
			pf.uses++
		}
	}
	var leaves []*node
	for _, n := range order {
		n.waiting.Store(int32(len(n.pkg.Imports)))
		for _, imp := range n.pkg.Imports {
			nodes[imp].preds = append(nodes[imp].preds, n)
		}
		if len(n.pkg.Imports) == 0 {
			leaves = append(leaves, n)
		}
	}

	// go/packages breaks import cycles, but a graph that is not a DAG would
	// leave workers waiting for good: check first.
	if n := sorted(order, leaves); n != len(order) {
		return nil, nil, nil, fmt.Errorf("internal error: import graph has a cycle (%d of %d packages can be ordered)", n, len(order))
	}

	// A package is analysed once its imports are; the pool has as many
	// workers as there are CPUs, so that at most that many packages hold
	// syntax and type information at once.
	ready := make(chan *node, len(order))
	for _, n := range leaves {
		ready <- n
	}
	var wg sync.WaitGroup
	var done atomic.Int32
	total := int32(len(order))
	for range min(runtime.GOMAXPROCS(0), len(order)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range ready {
				s.process(n, nodes)
				for _, pred := range n.preds {
					if pred.waiting.Add(-1) == 0 {
						ready <- pred
					}
				}
				if done.Add(1) == total {
					close(ready)
				}
			}
		}()
	}
	if total == 0 {
		close(ready)
	}
	wg.Wait()
	// Packages end in any order: the findings of a file that belongs to
	// a package and its test variant are kept from the one listed first.
	sort.SliceStable(s.findings, func(i, j int) bool { return s.findings[i].root < s.findings[j].root })
	sort.Slice(s.partial, func(i, j int) bool { return s.partial[i].Path < s.partial[j].Path })
	return dedupFindings(s.findings), sortedFailures(s.failures), s.partial, nil
}

// sorted returns how many of the nodes a topological sort from the leaves
// reaches: all of them unless the graph has a cycle.
func sorted(order, leaves []*node) int {
	waiting := make(map[*node]int, len(order))
	for _, n := range order {
		waiting[n] = len(n.pkg.Imports)
	}
	queue := append([]*node(nil), leaves...)
	count := 0
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		count++
		for _, pred := range n.preds {
			if waiting[pred]--; waiting[pred] == 0 {
				queue = append(queue, pred)
			}
		}
	}
	return count
}

// plan returns the analyzers of list that keep says to run, with everything
// they require, each after its requirements.
func plan(list []*analysis.Analyzer, keep func(*analysis.Analyzer) bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		out = append(out, a)
	}
	for _, a := range list {
		if keep(a) {
			visit(a)
		}
	}
	return out
}

// process type-checks one package, runs its analyses, keeps the findings of
// a root package, and drops its syntax and type information.
func (s *session) process(n *node, nodes map[*packages.Package]*node) {
	p := n.pkg
	s.typeCheck(p)
	list := s.depPlan
	if n.root {
		list = s.rootPlan
	}
	results := map[*analysis.Analyzer]any{}
	errs := map[*analysis.Analyzer]error{}
	diags := map[*analysis.Analyzer][]analysis.Diagnostic{}
	for _, a := range list {
		results[a], diags[a], errs[a] = s.run(n, a, results, errs, nodes)
		if errs[a] != nil && len(a.FactTypes) > 0 {
			if n.failed == nil {
				n.failed = map[*analysis.Analyzer]bool{}
			}
			n.failed[a] = true
		}
	}
	var failures []string
	for _, a := range list {
		err := errs[a]
		if err == nil {
			continue
		}
		// On a package with errors, an analysis that did not run (it does
		// not run despite errors, or what it requires did not) is said by
		// the package's own line; one that ran and failed is a failure.
		var skip *skipError
		if (len(p.Errors) > 0 || p.IllTyped) && errors.As(err, &skip) {
			continue
		}
		failures = append(failures, fmt.Sprintf("%s: %s: %s", p.PkgPath, a.Name, oneLine(err.Error())))
	}
	var partial *Partial
	if n.root && len(p.Errors) > 0 {
		partial = s.partialOf(p, errs)
	}
	var findings []*Finding
	if n.root {
		// The fingerprint's parts are taken while the syntax is loaded.
		src := sources{}
		add := func(a *analysis.Analyzer, d analysis.Diagnostic, dir *sflogin.Directive) {
			f := s.finding(p, a, d, dir)
			f.root = n.index
			src.annotate(f, p.Syntax)
			findings = append(findings, f)
		}
		for _, a := range s.roots {
			if errs[a] != nil {
				continue
			}
			for _, d := range diags[a] {
				add(a, d, nil)
			}
			// Suppressed diagnostics live in the shared pass's result.
			for _, req := range a.Requires {
				if res, ok := results[req].(*sflogin.Result); ok && errs[req] == nil {
					for _, sup := range res.Suppressions(a.Name) {
						add(a, sup.Diag, sup.Directive)
					}
				}
			}
		}
	}
	s.mu.Lock()
	s.findings = append(s.findings, findings...)
	if partial != nil {
		s.partial = append(s.partial, *partial)
	}
	for _, f := range failures {
		if !s.failed[f] {
			s.failed[f] = true
			s.failures = append(s.failures, f)
		}
	}
	s.mu.Unlock()
	// Importers need only the package's types (and the facts kept in s).
	s.release(p)
	p.Syntax = nil
	p.TypesInfo = nil
	p.TypeErrors = nil
}

// finding resolves a diagnostic of a root package.
func (s *session) finding(p *packages.Package, a *analysis.Analyzer, d analysis.Diagnostic, dir *sflogin.Directive) *Finding {
	f := &Finding{
		Analyzer: a, PkgID: p.ID, Diag: d, Fset: s.fset,
		Posn: s.fset.Position(d.Pos), Real: s.fset.PositionFor(d.Pos, false),
		Suppressed: dir != nil, Directive: dir,
	}
	if d.End.IsValid() {
		f.End = s.fset.Position(d.End)
		f.RealEnd = s.fset.PositionFor(d.End, false)
	}
	f.fixFile = fixableFile(p, f.Real.Filename)
	if f.fixFile == "" {
		for _, file := range p.Syntax {
			if s.fset.File(file.FileStart).Name() == f.Real.Filename {
				f.generated = ast.IsGenerated(file)
			}
		}
	}
	return f
}

// fixableFile returns "" when fixes may edit the file: it is one of the
// package's own Go source files. Otherwise it says why not: the file is the
// output of cgo (the package's source is its input, at other offsets), or
// some other file the build made.
func fixableFile(p *packages.Package, name string) string {
	if slices.Contains(p.GoFiles, name) {
		return ""
	}
	if slices.Contains(p.CompiledGoFiles, name) && len(p.CompiledGoFiles) > 0 {
		return "it is in code cgo generated from the package's source, not in the source itself"
	}
	return "it is not in one of the package's source files"
}

// run runs one analyzer on one package, as checker.Analyze does: it fails
// as a prerequisite when an analyzer it requires failed on the package, or
// (for an analyzer with facts) when it failed on an import; it does not run
// on an ill-typed package unless it says it can. A panic in the analyzer is
// its failure, not the command's.
func (s *session) run(n *node, a *analysis.Analyzer, results map[*analysis.Analyzer]any, errs map[*analysis.Analyzer]error, nodes map[*packages.Package]*node) (result any, diags []analysis.Diagnostic, err error) {
	p := n.pkg
	var failed []string
	for _, req := range a.Requires {
		if errs[req] != nil {
			failed = append(failed, req.Name+"@"+p.ID)
		}
	}
	if len(a.FactTypes) > 0 {
		for _, imp := range p.Imports {
			if nodes[imp].failed[a] {
				failed = append(failed, a.Name+"@"+imp.ID)
			}
		}
	}
	if failed != nil {
		sort.Strings(failed)
		return nil, nil, &skipError{fmt.Sprintf("failed prerequisites: %s", strings.Join(failed, ", "))}
	}
	if p.IllTyped && !a.RunDespiteErrors {
		return nil, nil, &skipError{"analysis skipped due to errors in package"}
	}
	var passErr error // a misuse of the pass: fails the analysis
	if n.module == nil {
		n.module = &analysis.Module{}
		if p.Module != nil {
			n.module = analysisModule(p.Module)
		}
	}
	module := n.module
	running := true
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         s.fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     map[*analysis.Analyzer]any{},
		Report: func(d analysis.Diagnostic) {
			if err := validateFixes(s.fset, d.SuggestedFixes); err != nil {
				if passErr == nil {
					passErr = fmt.Errorf("diagnostic at %s suggests an invalid fix: %v", s.fset.Position(d.Pos), err)
				}
				return
			}
			diags = append(diags, d)
		},
		ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
			if obj == nil {
				return false
			}
			s.factMu.Lock()
			v, ok := s.objectFacts[objectFactKey{obj, reflect.TypeOf(ptr)}]
			s.factMu.Unlock()
			if ok {
				reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
			}
			return ok
		},
		ImportPackageFact: func(pkg *types.Package, ptr analysis.Fact) bool {
			if pkg == nil {
				return false
			}
			s.factMu.Lock()
			v, ok := s.packageFacts[packageFactKey{pkg, reflect.TypeOf(ptr)}]
			s.factMu.Unlock()
			if ok {
				reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
			}
			return ok
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			switch {
			case !running:
				passErr = cmpErr(passErr, fmt.Errorf("ExportObjectFact(%s, %T) called after Run", obj, fact))
			case obj == nil || obj.Pkg() != p.Types:
				passErr = cmpErr(passErr, fmt.Errorf("ExportObjectFact(%v, %T): a fact on an object of another package", obj, fact))
			default:
				s.factMu.Lock()
				s.objectFacts[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
				s.factMu.Unlock()
			}
		},
		ExportPackageFact: func(fact analysis.Fact) {
			if !running {
				passErr = cmpErr(passErr, fmt.Errorf("ExportPackageFact(%T) called after Run", fact))
				return
			}
			s.factMu.Lock()
			s.packageFacts[packageFactKey{p.Types, reflect.TypeOf(fact)}] = fact
			s.factMu.Unlock()
		},
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact { return s.allObjectFacts(a, p) }
	pass.AllPackageFacts = func() []analysis.PackageFact { return s.allPackageFacts(a, p) }
	for _, req := range a.Requires {
		pass.ResultOf[req] = results[req]
	}
	pass.ReadFile = func(filename string) ([]byte, error) {
		if !readable(pass, filename) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", filename)
		}
		return os.ReadFile(filename)
	}

	defer func() {
		running = false
		if r := recover(); r != nil {
			result, diags, err = nil, nil, fmt.Errorf("panic: %v (%s)", r, panicSite())
		}
	}()
	result, err = a.Run(pass)
	if err != nil {
		return nil, nil, err
	}
	if passErr != nil {
		return nil, nil, passErr
	}
	if got, want := reflect.TypeOf(result), a.ResultType; got != want {
		return nil, nil, fmt.Errorf("internal error: analyzer %s returned a result of type %v, but declared ResultType %v", a.Name, got, want)
	}
	for i := range diags {
		u, err := resolveURL(a, diags[i])
		if err != nil {
			return nil, nil, err
		}
		diags[i].URL = u
	}
	return result, diags, nil
}

// skipError is an analysis that did not run: the package has errors and the
// analyzer does not run despite them, or an analysis it requires failed.
type skipError struct{ msg string }

func (e *skipError) Error() string { return e.msg }

// partialOf says what of a package with errors was left out: nothing was
// analysed when it has no syntax or no root analysis ran on it; otherwise
// the declarations that do not type-check (their findings are dropped by
// the shared pass). nil when nothing was left out.
func (s *session) partialOf(p *packages.Package, errs map[*analysis.Analyzer]error) *Partial {
	out := &Partial{ID: p.ID, Path: p.PkgPath}
	ran := false // a check (not only the shared pass) ran
	for _, a := range s.roots {
		if errs[a] == nil && a.Name != sflogin.Name {
			ran = true
		}
	}
	if len(p.CompiledGoFiles) == 0 {
		return nil // no package: the load error says so
	}
	if len(p.Syntax) == 0 || !ran {
		out.None = true
		return out
	}
	out.Skipped = sflogin.FindBroken(s.fset, p.Syntax, p.TypesInfo, p.TypeErrors, nil).Names()
	if len(out.Skipped) == 0 {
		return nil
	}
	return out
}

func cmpErr(prev, err error) error {
	if prev != nil {
		return prev
	}
	return err
}

// panicSite names the function that panicked: the first frame below the
// runtime's panic machinery.
func panicSite() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		fr, more := frames.Next()
		if !strings.HasPrefix(fr.Function, "runtime.") {
			return fmt.Sprintf("in %s at %s:%d", fr.Function, fr.File, fr.Line)
		}
		if !more {
			return "site unknown"
		}
	}
}

// readable reports whether the analysis may read the file (as checker's
// Pass.ReadFile allows): a file of the package, or one of its other or
// ignored files.
func readable(pass *analysis.Pass, filename string) bool {
	if slices.Contains(pass.OtherFiles, filename) || slices.Contains(pass.IgnoredFiles, filename) {
		return true
	}
	for _, f := range pass.Files {
		if pass.Fset.File(f.FileStart).Name() == filename {
			return true
		}
	}
	return false
}

// allObjectFacts returns the object facts of a's fact types on objects of p
// and of its dependencies, in a stable order.
func (s *session) allObjectFacts(a *analysis.Analyzer, p *packages.Package) []analysis.ObjectFact {
	deps := dependencies(p)
	types := factTypes(a)
	var out []analysis.ObjectFact
	s.factMu.Lock()
	for k, f := range s.objectFacts {
		if types[k.typ] && k.obj.Pkg() != nil && deps[k.obj.Pkg()] {
			out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
		}
	}
	s.factMu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i].Object, out[j].Object
		if x.Pkg().Path() != y.Pkg().Path() {
			return x.Pkg().Path() < y.Pkg().Path()
		}
		if x.Pos() != y.Pos() {
			return x.Pos() < y.Pos()
		}
		return fmt.Sprintf("%T", out[i].Fact) < fmt.Sprintf("%T", out[j].Fact)
	})
	return out
}

// allPackageFacts returns the package facts of a's fact types on p and its
// dependencies, in a stable order.
func (s *session) allPackageFacts(a *analysis.Analyzer, p *packages.Package) []analysis.PackageFact {
	deps := dependencies(p)
	types := factTypes(a)
	var out []analysis.PackageFact
	s.factMu.Lock()
	for k, f := range s.packageFacts {
		if types[k.typ] && deps[k.pkg] {
			out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
		}
	}
	s.factMu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Package.Path() != out[j].Package.Path() {
			return out[i].Package.Path() < out[j].Package.Path()
		}
		return fmt.Sprintf("%T", out[i].Fact) < fmt.Sprintf("%T", out[j].Fact)
	})
	return out
}

func dependencies(p *packages.Package) map[*types.Package]bool {
	deps := map[*types.Package]bool{}
	packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool {
		if deps[q.Types] {
			return false
		}
		deps[q.Types] = true
		return true
	}, nil)
	return deps
}

func factTypes(a *analysis.Analyzer) map[reflect.Type]bool {
	m := map[reflect.Type]bool{}
	for _, f := range a.FactTypes {
		m[reflect.TypeOf(f)] = true
	}
	return m
}

// validateFixes checks what checker checks of a suggested fix (and panics
// on): distinct messages; edits within one file, in order, not
// overlapping. An edit without an End gets End = Pos.
func validateFixes(fset *token.FileSet, fixes []analysis.SuggestedFix) error {
	messages := map[string]bool{}
	for i := range fixes {
		fix := &fixes[i]
		if messages[fix.Message] {
			return fmt.Errorf("two fixes with the same message (%s)", fix.Message)
		}
		messages[fix.Message] = true
		slices.SortStableFunc(fix.TextEdits, func(x, y analysis.TextEdit) int {
			if x.Pos != y.Pos {
				return int(x.Pos - y.Pos)
			}
			return int(x.End - y.End)
		})
		var prev *analysis.TextEdit
		for j := range fix.TextEdits {
			e := &fix.TextEdits[j]
			file := fset.File(e.Pos)
			if file == nil {
				return fmt.Errorf("fix %q: edit #%d has no file", fix.Message, j)
			}
			fileEnd := token.Pos(file.Base() + file.Size())
			if !e.End.IsValid() {
				e.End = e.Pos
			}
			if e.End < e.Pos {
				return fmt.Errorf("fix %q: edit #%d ends before it starts", fix.Message, j)
			}
			if e.End > fileEnd {
				if e.End < fileEnd+10 { // an End computed past EOF (golang/go#71659)
					e.End = fileEnd
				} else {
					return fmt.Errorf("fix %q: edit #%d ends past the end of %s", fix.Message, j, file.Name())
				}
			}
			if prev != nil && e.Pos < prev.End {
				return fmt.Errorf("fix %q: edits #%d and #%d overlap", fix.Message, j-1, j)
			}
			prev = e
		}
	}
	return nil
}

// resolveURL is checker's: a diagnostic's URL, or its category, resolved
// against the analyzer's URL.
func resolveURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	raw := d.URL
	if d.URL == "" && d.Category != "" {
		raw = "#" + d.Category
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %s", raw, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %s", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}

func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return nil
	}
	out := &analysis.Module{
		Path: m.Path, Version: m.Version, Replace: analysisModule(m.Replace), Time: m.Time,
		Main: m.Main, Indirect: m.Indirect, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion,
	}
	if m.Error != nil {
		out.Error = &analysis.ModuleError{Err: m.Error.Err}
	}
	return out
}
