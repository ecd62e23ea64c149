package unhandledfault

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

// Name is the analyzer's name: the prefix of its flags and the word of its
// //sflint:ignore directive.
const Name = "unhandledfault"

//go:embed doc.go
var docFile string

// Config configures the analyzer.
type Config struct {
	// Codes replaces the fault codes a classification must handle, for each
	// vocabulary it names codes of (SOAP "INVALID_LOGIN", OAuth
	// "invalid_grant"). A vocabulary it names no code of keeps its default:
	// the codes on which a login must stop (sfapi.NonRetryable).
	Codes []string
	// DefaultCounts makes a default clause (or final else) that returns,
	// panics or exits count as handling every code, like exhaustive's
	// -default-signifies-exhaustive.
	DefaultCounts bool
}

// Analyzer is the unhandledfault analyzer built from the default configuration.
var Analyzer = New(sflogin.Analyzer, Config{})

// New returns the analyzer for a configuration, on top of the given shared
// login pass. Its flags write into the returned analyzer's own copy of cfg.
func New(login *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	inst := &instance{login: login, cfg: cfg}
	inst.cfg.Codes = slices.Clone(cfg.Codes)
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       extractDoc(docFile, Name),
		URL:       "https://github.com/sflint/sflint#unhandledfault",
		Requires:  []*analysis.Analyzer{login},
		Run:       inst.run,
		FactTypes: []analysis.Fact{new(FaultFact)},
	}
	a.Flags.Var(codesFlag{&inst.cfg.Codes}, "codes",
		"comma-separated fault `codes` a switch or if chain on a login fault must handle, replacing the default (the codes on which a login must stop) for each vocabulary the list names")
	a.Flags.BoolVar(&inst.cfg.DefaultCounts, "default-counts", cfg.DefaultCounts,
		"a default clause (or final else) that returns, panics or exits counts as handling every code")
	return a
}

// extractDoc returns the "# Analyzer <name>" section of the package doc in
// the source of doc.go: the text go doc shows, which is also Analyzer.Doc.
func extractDoc(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic("unhandledfault: doc.go has no package doc")
	}
	text := f.Doc.Text()
	_, section, ok := strings.Cut(text, "# Analyzer "+name+"\n")
	if !ok {
		panic("unhandledfault: doc.go has no \"# Analyzer " + name + "\" section")
	}
	return strings.TrimSpace(section)
}

// codesFlag is the -codes flag: each use appends; unknown codes are usage errors.
type codesFlag struct{ p *[]string }

func (f codesFlag) String() string {
	if f.p == nil {
		return ""
	}
	return strings.Join(*f.p, ",")
}

func (f codesFlag) Set(s string) error {
	var codes []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if v, _ := sfapi.CodeVocabulary(part); v == sfapi.NoCode {
			return fmt.Errorf("%q is not a Salesforce login fault code (SOAP: %s; OAuth: %s)",
				part, strings.Join(sfapi.SOAPCodes, ", "), strings.Join(sfapi.OAuthCodes, ", "))
		}
		codes = append(codes, part)
	}
	*f.p = append(*f.p, codes...)
	return nil
}

// FaultFact marks a function that hands a login error back to its caller
// (unchanged or wrapped with %w; the shared pass gives it a LoginFact): it
// says what the caller receives and whether the function already classified
// the fault. Callers of a function whose fault is Inspected are not held to
// inspect it again ("inspected once is enough").
type FaultFact struct {
	// Fault is the Go spelling of the fault type ("*soapforce.SOAPFault"),
	// "" when the code survives only in the error text or not at all.
	Fault string
	// Field is the fault type's code field; Prefix the prefix the library keeps on it.
	Field, Prefix string
	// Text: the code survives only in err.Error() (ForceCLI).
	Text bool
	// Vocab is the vocabulary of the wrapped login.
	Vocab sfapi.Vocabulary
	// Inspected: the function inspects the fault code on every path on which
	// it returns the error.
	Inspected bool
}

// AFact implements analysis.Fact.
func (*FaultFact) AFact() {}

func (f *FaultFact) String() string {
	var b strings.Builder
	switch {
	case f.Fault != "":
		fmt.Fprintf(&b, "fault %s.%s", f.Fault, f.Field)
	case f.Text:
		b.WriteString("fault in text")
	default:
		b.WriteString("no fault code")
	}
	fmt.Fprintf(&b, " %s", f.Vocab)
	if f.Inspected {
		b.WriteString(" inspected")
	}
	return b.String()
}

// coding is how a login's fault code reaches the code that receives its error.
type coding struct {
	Fault, Field, Prefix string
	Text                 bool
	Vocab                sfapi.Vocabulary
}

// coded reports whether a fault code can be recovered from the error.
func (c coding) coded() bool { return (c.Fault != "" || c.Text) && c.Vocab != sfapi.NoCode }

func (c coding) fact(inspected bool) *FaultFact {
	return &FaultFact{Fault: c.Fault, Field: c.Field, Prefix: c.Prefix, Text: c.Text, Vocab: c.Vocab, Inspected: inspected}
}

func codingOf(f *FaultFact) coding {
	return coding{Fault: f.Fault, Field: f.Field, Prefix: f.Prefix, Text: f.Text, Vocab: f.Vocab}
}

// apiCoding is the coding of a library API's login error.
func apiCoding(m *sfapi.Model, api *sfapi.API) coding {
	switch {
	case api.Fault != nil:
		return coding{Fault: api.Fault.Name(), Field: api.Fault.CodeField, Prefix: api.Fault.Prefix, Vocab: api.Fault.Vocab}
	case m.FaultInText(api):
		return coding{Text: true, Vocab: api.Vocab}
	}
	return coding{Vocab: api.Vocab} // the vocabulary behind it, though no code survives
}

type instance struct {
	login *analysis.Analyzer
	cfg   Config
}

func (inst *instance) run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[inst.login].(*sflogin.Result)
	if res == nil || res.Skipped {
		return nil, nil
	}
	must, err := mustHandle(inst.cfg.Codes)
	if err != nil {
		return nil, err
	}
	c := newChecker(pass, res, inst.cfg, must)
	c.checkLogins()
	c.checkCodes()
	return nil, nil
}

// mustHandle returns, per vocabulary, the codes a classification must handle.
func mustHandle(codes []string) (map[sfapi.Vocabulary][]string, error) {
	m := map[sfapi.Vocabulary][]string{
		sfapi.SOAP:  sfapi.NonRetryable(sfapi.SOAP),
		sfapi.OAuth: sfapi.NonRetryable(sfapi.OAuth),
	}
	named := map[sfapi.Vocabulary][]string{}
	for _, code := range codes {
		v, bare := sfapi.CodeVocabulary(strings.TrimSpace(code))
		if v == sfapi.NoCode {
			return nil, fmt.Errorf("-%s.codes: %q is not a Salesforce login fault code", Name, code)
		}
		if !slices.Contains(named[v], bare) {
			named[v] = append(named[v], bare)
		}
	}
	for v, list := range named {
		m[v] = list
	}
	return m, nil
}

// checker is the per-package state of the analyzer.
type checker struct {
	pass *analysis.Pass
	res  *sflogin.Result
	info *types.Info
	cfg  Config
	must map[sfapi.Vocabulary][]string

	// parents holds the parents the analysis looks up (see indexLogin and
	// scan); decls the declarations of the functions holding a login call;
	// enclosed the innermost function body of each login call.
	parents  map[ast.Node]ast.Node
	decls    map[*types.Func]*ast.FuncDecl
	enclosed map[*ast.CallExpr]*ast.BlockStmt
	logins   map[*ast.BlockStmt][]*sflogin.Call // login calls by innermost enclosing body
	funcs    map[*ast.BlockStmt]*function       // by body
	sums     map[*types.Func]*FaultFact         // summaries of local functions (nil: hands no login error back)
	summed   map[*types.Func]bool
	inFlight map[*types.Func]bool
	done     map[*sflogin.Call]*outcome
	reported map[reportKey]bool
	stack    []ast.Node // reused by ancestors
}

func newChecker(pass *analysis.Pass, res *sflogin.Result, cfg Config, must map[sfapi.Vocabulary][]string) *checker {
	return &checker{
		pass: pass, res: res, info: pass.TypesInfo, cfg: cfg, must: must,
		parents:  map[ast.Node]ast.Node{},
		decls:    map[*types.Func]*ast.FuncDecl{},
		enclosed: map[*ast.CallExpr]*ast.BlockStmt{},
		logins:   map[*ast.BlockStmt][]*sflogin.Call{},
		funcs:    map[*ast.BlockStmt]*function{},
		sums:     map[*types.Func]*FaultFact{},
		summed:   map[*types.Func]bool{},
		inFlight: map[*types.Func]bool{},
		done:     map[*sflogin.Call]*outcome{},
		reported: map[reportKey]bool{},
	}
}

// indexLogin finds where a login call sits: the innermost function body
// enclosing it (enclosed), the parents of the call and of the parentheses
// around it, the parent of that body (its function), and the function of a
// declaration holding it (decls). Only the path from the top-level
// declaration down to the call is walked: declarations without a login call
// are never looked at. The analysis finds the other parents it needs by
// walking the function (scan) or a CFG node (ancestors).
func (c *checker) indexLogin(call *sflogin.Call) {
	pos := call.Expr.Pos()
	file := call.File
	if file == nil || pos < file.FileStart || pos >= file.FileEnd {
		file = nil
		for _, f := range c.res.Files() {
			if f.FileStart <= pos && pos < f.FileEnd {
				file = f
				break
			}
		}
		if file == nil {
			return
		}
	}
	decls := file.Decls
	i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > pos })
	if i < len(decls) && decls[i].Pos() <= pos {
		if c.pathTo(file, decls[i], call.Expr, true) || c.pathTo(file, decls[i], call.Expr, false) {
			return
		}
	}
	// Not inside a declaration, or positions that do not nest: the whole file.
	if !c.pathTo(nil, file, call.Expr, true) {
		c.pathTo(nil, file, call.Expr, false)
	}
}

// pathTo walks root (a top-level declaration of file, or a whole file) down
// to the call and records what indexLogin says. With prune, it enters only
// the nodes whose range holds the call's. It reports whether it found the call.
func (c *checker) pathTo(file *ast.File, root ast.Node, call *ast.CallExpr, prune bool) bool {
	var stack []ast.Node
	if file != nil {
		stack = append(stack, file)
	}
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if found || (prune && (call.Pos() < n.Pos() || n.End() < call.End())) {
			return false
		}
		if n != call {
			stack = append(stack, n)
			return true
		}
		found = true
		var child ast.Node = n
		for i := len(stack) - 1; i >= 0; i-- {
			c.parents[child] = stack[i]
			pe, ok := stack[i].(*ast.ParenExpr)
			if !ok {
				break
			}
			child = pe
		}
		// The innermost function (declaration or literal) on the path,
		// signature included, whose body encloses the call.
		for i := len(stack) - 1; i >= 0; i-- {
			if body := funcBody(stack[i]); body != nil {
				c.enclosed[call] = body
				c.parents[body] = stack[i]
				break
			}
		}
		for _, a := range stack {
			if fd, ok := a.(*ast.FuncDecl); ok && fd.Body != nil {
				if obj, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					c.decls[obj] = fd
				}
			}
		}
		return false
	})
	return found
}

// ancestors is ast.Inspect over the subtree of root that also hands f the
// ancestors of each node under root (root first, the node's parent last;
// empty for root itself). f must not keep the slice.
func (c *checker) ancestors(root ast.Node, f func(n ast.Node, anc []ast.Node) bool) {
	stack := c.stack[:0]
	c.stack = nil // in case f walks too
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if !f(n, stack) {
			return false
		}
		stack = append(stack, n)
		return true
	})
	c.stack = stack
}

// parentIn returns the parent of a node from its ancestors, nil for the root.
func parentIn(anc []ast.Node) ast.Node {
	if len(anc) == 0 {
		return nil
	}
	return anc[len(anc)-1]
}

func funcBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}

// function is a function body under analysis, with its control-flow graph.
type function struct {
	body *ast.BlockStmt
	decl *ast.FuncDecl // nil for a function literal
	sig  *types.Signature
	g    *cfg.CFG // see graph

	// What one walk of the body (function literals left out) found, shared
	// by the logins of the function (see scan). It also records the parents
	// of the function's case clauses and switch bodies.
	scanned bool
	// flows are the nodes through which a value derived from a login error
	// can reach a variable (assignments, declarations, errors.As calls, type
	// switches), in source order.
	flows []ast.Node
	// typeSwitches are the type switches, in source order.
	typeSwitches []*ast.TypeSwitchStmt
	// caseOf maps the case expressions of tag switches to their switch.
	caseOf map[ast.Expr]*ast.SwitchStmt
	// codeRead are the variables whose fault code field the function reads.
	codeRead map[*types.Var]bool
}

// clauses records the parents of a switch's body and of its case clauses,
// which the CFG's blocks name.
func (c *checker) clauses(sw ast.Stmt, body *ast.BlockStmt) {
	if body == nil {
		return
	}
	c.parents[body] = sw
	for _, s := range body.List {
		if cc, ok := s.(*ast.CaseClause); ok {
			c.parents[cc] = body
		}
	}
}

// scan walks the body of f once for what the analysis of each of its logins needs.
func (c *checker) scan(f *function) {
	if f.scanned {
		return
	}
	f.scanned = true
	inspectBody(f.body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			f.flows = append(f.flows, n)
		case *ast.CallExpr:
			if len(n.Args) == 2 && calledName(n) == "As" && isFunc(c.info, n, "errors", "As") {
				f.flows = append(f.flows, n)
			}
		case *ast.TypeSwitchStmt:
			f.flows = append(f.flows, n)
			f.typeSwitches = append(f.typeSwitches, n)
			c.clauses(n, n.Body)
		case *ast.SelectorExpr:
			if sflogin.IsCodeField(c.info, c.res.Model, n) {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					if v := c.identVar(id); v != nil {
						if f.codeRead == nil {
							f.codeRead = map[*types.Var]bool{}
						}
						f.codeRead[v] = true
					}
				}
			}
		case *ast.SwitchStmt:
			c.clauses(n, n.Body)
			if n.Tag == nil {
				return
			}
			for _, s := range n.Body.List {
				if cc, ok := s.(*ast.CaseClause); ok {
					for _, x := range cc.List {
						if f.caseOf == nil {
							f.caseOf = map[ast.Expr]*ast.SwitchStmt{}
						}
						f.caseOf[x] = n
					}
				}
			}
		}
	})
}

// function returns the analysed function whose body is body.
func (c *checker) function(body *ast.BlockStmt) *function {
	if f, ok := c.funcs[body]; ok {
		return f
	}
	f := &function{body: body}
	switch p := c.parents[body].(type) {
	case *ast.FuncDecl:
		f.decl = p
		if obj, ok := c.info.Defs[p.Name].(*types.Func); ok {
			f.sig, _ = obj.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		f.sig, _ = c.info.TypeOf(p).(*types.Signature)
	}
	if f.sig == nil {
		f.sig = types.NewSignatureType(nil, nil, nil, nil, nil, false)
	}
	c.funcs[body] = f
	return f
}

// graph returns the control-flow graph of f, built on first use, once f's
// body has been scanned (the analysis of its blocks looks up the parents of
// their case clauses).
func (c *checker) graph(f *function) *cfg.CFG {
	if f.g == nil {
		c.scan(f)
		f.g = cfg.New(f.body, func(call *ast.CallExpr) bool { return noReturn(c.info, call) == "" })
	}
	return f.g
}

// checkLogins analyses every login call of the package. Functions are
// summarised on demand, so that a wrapper declared in this package is known
// before its callers are checked; the facts are exported at the end. Only
// the declarations holding a login call are walked: a function without one
// hands no login error back (its summary is nil) and has nothing to check.
func (c *checker) checkLogins() {
	var logins []*sflogin.Call
	for _, call := range c.res.Calls {
		if call.Kind == sfapi.Login {
			logins = append(logins, call)
		}
	}
	if len(logins) == 0 {
		return
	}
	for _, call := range logins {
		c.indexLogin(call)
		if body := c.enclosed[call.Expr]; body != nil {
			c.logins[body] = append(c.logins[body], call)
		}
	}
	var objs []*types.Func
	for _, f := range c.res.Files() {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && c.logins[fd.Body] != nil {
				if obj, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					objs = append(objs, obj)
				}
			}
		}
	}
	for _, obj := range objs {
		c.summary(obj)
	}
	for _, call := range logins {
		c.analyze(call) // logins in function literals and package-level initialisers
	}
	for _, obj := range objs {
		if f := c.sums[obj]; f != nil {
			c.pass.ExportObjectFact(obj, f)
		}
	}
}

// summary returns the fact of a local function: what its callers receive
// when it hands a login error back; nil when it does not.
func (c *checker) summary(obj *types.Func) *FaultFact {
	if c.summed[obj] {
		return c.sums[obj]
	}
	decl := c.decls[obj]
	if decl == nil || c.inFlight[obj] {
		return nil
	}
	c.inFlight[obj] = true
	var uninspected, inspected *coding
	for _, call := range c.logins[decl.Body] {
		o := c.analyze(call)
		if o == nil {
			continue
		}
		if o.propagatedRaw && uninspected == nil {
			uninspected = &o.coding
		}
		if o.propagatedInspected && inspected == nil {
			inspected = &o.coding
		}
	}
	delete(c.inFlight, obj)
	var f *FaultFact
	switch {
	case uninspected != nil:
		f = uninspected.fact(false)
	case inspected != nil:
		f = inspected.fact(true)
	}
	c.summed[obj], c.sums[obj] = true, f
	return f
}

// callCoding returns how the fault of a login call reaches its caller, and
// whether the callee already inspected it (so the caller need not). ok is
// false for calls this analyzer does not follow (raw HTTP).
func (c *checker) callCoding(call *sflogin.Call) (cd coding, relieved, ok bool) {
	switch {
	case call.API != nil:
		return apiCoding(c.res.Model, call.API), false, true
	case call.Wrapper != nil:
		fn := call.Wrapper.Origin()
		if fn.Pkg() == c.pass.Pkg {
			if c.inFlight[fn] {
				// Recursion: the call's error is the function's own result,
				// produced by its other logins; it adds no duty of its own.
				return coding{}, true, true
			}
			f := c.summary(fn)
			if f == nil {
				return coding{}, true, true
			}
			return codingOf(f), f.Inspected, true
		}
		f := new(FaultFact)
		if !c.pass.ImportObjectFact(fn, f) {
			// A wrapper this analyzer saw no error come out of (it escaped
			// into a value of the wrapper's own): nothing to hold callers to.
			return coding{}, true, true
		}
		return codingOf(f), f.Inspected, true
	}
	return coding{}, false, false
}

type reportKey struct {
	pos      token.Pos
	category string
}

// report reports a diagnostic once per position and category, through the
// shared pass so that //sflint:ignore applies.
func (c *checker) report(d analysis.Diagnostic) {
	k := reportKey{d.Pos, d.Category}
	if c.reported[k] {
		return
	}
	c.reported[k] = true
	c.res.Report(c.pass, d)
}

// codeList names the codes of a vocabulary a caller should handle, with the
// prefix the library keeps ("sf:INVALID_LOGIN").
func (c *checker) codeList(cd coding) string {
	codes := c.must[cd.Vocab]
	out := make([]string, len(codes))
	for i, code := range codes {
		out[i] = cd.Prefix + code
	}
	return strings.Join(out, ", ")
}

// inspectHint says how to read the code of a coding: "*soapforce.SOAPFault's Code".
func inspectHint(cd coding) string {
	switch {
	case cd.Fault != "":
		return fmt.Sprintf("read the %s of the %s (errors.As)", cd.Field, cd.Fault)
	case cd.Text:
		return "find the code in err.Error() (the library keeps it only in the text)"
	}
	return ""
}
