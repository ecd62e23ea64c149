package unhandledfault

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/message"
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
		Doc:       message.Manual(docFile, Name),
		URL:       "https://github.com/sflint/sflint#unhandledfault",
		Requires:  []*analysis.Analyzer{login},
		Run:       inst.run,
		FactTypes: []analysis.Fact{new(FaultFact)},
	}
	a.RunDespiteErrors = true // findings in declarations that do not type-check are dropped (sflogin)
	a.Flags.Var(codesFlag{&inst.cfg.Codes}, "codes",
		"comma-separated fault `codes` a switch or if chain on a login fault must handle, replacing the default (the codes on which a login must stop) for each vocabulary the list names")
	a.Flags.BoolVar(&inst.cfg.DefaultCounts, "default-counts", cfg.DefaultCounts,
		"a default clause (or final else) that returns, panics or exits counts as handling every code")
	return a
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
	// Version, set when the loaded version of the library lacks the fault
	// type of later versions, says so ("github.com/simpleforce/simpleforce
	// as loaded (the 2020 version) has no simpleforce.SalesforceError");
	// Loaded is then the short name of that version, for messages
	// ("simpleforce as loaded (the 2020 version)"), and Upgrade the advice
	// to move to a version that has it.
	Version, Loaded, Upgrade string
	// Lost says what the error is instead, when the library keeps no code.
	Lost string
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
	if f.Version != "" {
		fmt.Fprintf(&b, " (%s)", f.Version)
	}
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
	Version, Loaded      string
	Upgrade              string
	Lost                 string
}

// coded reports whether a fault code can be recovered from the error.
func (c coding) coded() bool { return (c.Fault != "" || c.Text) && c.Vocab != sfapi.NoCode }

func (c coding) fact(inspected bool) *FaultFact {
	return &FaultFact{Fault: c.Fault, Field: c.Field, Prefix: c.Prefix, Text: c.Text, Vocab: c.Vocab,
		Version: c.Version, Loaded: c.Loaded, Upgrade: c.Upgrade, Lost: c.Lost, Inspected: inspected}
}

func codingOf(f *FaultFact) coding {
	return coding{Fault: f.Fault, Field: f.Field, Prefix: f.Prefix, Text: f.Text, Vocab: f.Vocab, Version: f.Version, Loaded: f.Loaded, Upgrade: f.Upgrade, Lost: f.Lost}
}

// apiCoding is the coding of a library API's login error, in the version of
// the library the program loaded (pkg: the package of the function called).
func apiCoding(m *sfapi.Model, api *sfapi.API, pkg *types.Package) coding {
	l := m.LoadedFault(api, pkg)
	cd := coding{Vocab: l.Vocab, Text: l.Text, Prefix: l.Prefix, Lost: api.Lost}
	if l.Fault != nil {
		cd.Fault, cd.Field = l.Fault.Name(), l.Fault.CodeField
	}
	if l.Missing != nil {
		what := l.Missing.Name()
		if l.MissingField {
			what = l.Missing.CodeField + " in " + what
		}
		cd.Loaded = lastElem(l.Lib) + " as loaded"
		if l.Older != nil {
			cd.Loaded += " (" + l.Older.Versions + ")"
		}
		cd.Version = fmt.Sprintf("%s as loaded has no %s", l.Lib, what)
		if l.Older != nil {
			cd.Version = fmt.Sprintf("%s as loaded (%s) has no %s", l.Lib, l.Older.Versions, what)
		}
		if l.Upgrade() != "" {
			// The short form of l.Upgrade(): the messages have no room
			// for the fault type the version brings (doc.go names it).
			cd.Upgrade = "upgrade " + l.Lib + " to " + l.Missing.Since + " or later"
		}
	}
	return cd
}

// calleePkg is the package of the function a call calls, or nil (a call
// through a method value the flow model resolved has no callee).
func calleePkg(call *sflogin.Call) *types.Package {
	if call.Callee == nil {
		return nil
	}
	return call.Callee.Pkg()
}

type instance struct {
	login *analysis.Analyzer
	cfg   Config

	// must is mustHandle of mustFor, kept from one package to the next
	// (read only); the flag may change between runs (tests do).
	mustMu  sync.Mutex
	mustFor []string
	must    map[sfapi.Vocabulary][]string
}

func (inst *instance) run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[inst.login].(*sflogin.Result)
	if res == nil || res.Skipped {
		return nil, nil
	}
	inst.mustMu.Lock()
	must := inst.must
	if must == nil || !slices.Equal(inst.mustFor, inst.cfg.Codes) {
		var err error
		if must, err = mustHandle(inst.cfg.Codes); err != nil {
			inst.mustMu.Unlock()
			return nil, err
		}
		inst.must, inst.mustFor = must, slices.Clone(inst.cfg.Codes)
	}
	inst.mustMu.Unlock()
	c := newChecker(pass, res, inst.cfg, must)
	c.checkLogins()
	c.checkRaw()
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

	sums     map[*types.Func]*FaultFact // summaries of local functions (nil: hands no login error back)
	summed   map[*types.Func]bool
	inFlight map[*types.Func]bool
	done     map[*flow.Login]*outcome
	reported map[reportKey]bool
	// onlyTests memoises whether only _test.go files call a function.
	onlyTests map[*types.Func]bool
}

func newChecker(pass *analysis.Pass, res *sflogin.Result, cfg Config, must map[sfapi.Vocabulary][]string) *checker {
	return &checker{
		pass: pass, res: res, info: pass.TypesInfo, cfg: cfg, must: must,
		sums:      map[*types.Func]*FaultFact{},
		summed:    map[*types.Func]bool{},
		inFlight:  map[*types.Func]bool{},
		done:      map[*flow.Login]*outcome{},
		reported:  map[reportKey]bool{},
		onlyTests: map[*types.Func]bool{},
	}
}

// checkLogins analyses every login call of the package. Functions are
// summarised on demand, so that a wrapper declared in this package is known
// before its callers are checked; the facts are exported at the end.
func (c *checker) checkLogins() {
	var objs []*types.Func
	for _, f := range c.res.Flow.Funcs {
		if f.Obj != nil {
			objs = append(objs, f.Obj)
		}
	}
	for _, obj := range objs {
		c.summary(obj)
	}
	for _, l := range c.res.Flow.Logins() {
		c.analyze(l) // logins in function literals
	}
	for _, call := range c.res.Logins() {
		if c.res.Flow.Login(call.Expr) == nil {
			c.packageLevel(call)
		}
	}
	for _, obj := range objs {
		if f := c.sums[obj]; f != nil {
			c.pass.ExportObjectFact(obj, f)
		}
	}
}

// packageLevel checks a login in a package-level declaration: only a
// discarded error can be seen there (var client, _ = force.Create(...)).
func (c *checker) packageLevel(call *sflogin.Call) {
	if call.Err < 0 {
		return
	}
	vs, ok := c.res.Env.Parent(call.Expr).(*ast.ValueSpec)
	if !ok || len(vs.Values) != 1 || ast.Unparen(vs.Values[0]) != call.Expr || call.Err >= len(vs.Names) {
		return
	}
	if vs.Names[call.Err].Name == "_" {
		if cd, _, ok := c.callCoding(call); ok {
			c.reportDiscard(call, cd)
		}
	}
}

// endsProcess reports whether printing the error and ending the process
// is handling it in function f: in a command (package main, which nothing
// imports), in a test, or in a function only tests call. A library that
// ends its host on a login error has not handled it: its callers cannot
// classify the fault.
func (c *checker) endsProcess(f *flow.Func) bool {
	if c.pass.Pkg.Name() == "main" {
		return true
	}
	decl, _ := f.Node.(*ast.FuncDecl)
	for n := f.Node; decl == nil && n != nil; n = c.res.Env.Parent(n) {
		decl, _ = n.(*ast.FuncDecl)
	}
	if decl == nil {
		return false
	}
	if c.testFile(decl.Pos()) {
		return true
	}
	obj, _ := c.info.Defs[decl.Name].(*types.Func)
	if obj == nil {
		return false
	}
	if v, ok := c.onlyTests[obj]; ok {
		return v
	}
	// Unexported, and called from _test.go files only (or from none, in
	// the package built without its tests).
	only := !obj.Exported()
	for id, o := range c.info.Uses {
		if o == obj && !c.testFile(id.Pos()) {
			only = false
			break
		}
	}
	c.onlyTests[obj] = only
	return only
}

func (c *checker) testFile(pos token.Pos) bool {
	return strings.HasSuffix(c.pass.Fset.File(pos).Name(), "_test.go")
}

// summary returns the fact of a local function: what its callers receive
// when it hands a login error back; nil when it does not.
func (c *checker) summary(obj *types.Func) *FaultFact {
	if c.summed[obj] {
		return c.sums[obj]
	}
	decl := c.res.Env.Decl(obj)
	f := c.res.Flow.Func(decl)
	if decl == nil || f == nil || c.inFlight[obj] {
		return nil
	}
	c.inFlight[obj] = true
	var uninspected, inspected *coding
	for _, l := range f.Logins {
		o := c.analyze(l)
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
	var fact *FaultFact
	switch {
	case uninspected != nil:
		fact = uninspected.fact(false)
	case inspected != nil:
		fact = inspected.fact(true)
	}
	c.summed[obj], c.sums[obj] = true, fact
	return fact
}

// callCoding returns how the fault of a login call reaches its caller, and
// whether the callee already inspected it (so the caller need not). ok is
// false for calls this analyzer does not follow (raw HTTP).
func (c *checker) callCoding(call *sflogin.Call) (cd coding, relieved, ok bool) {
	switch {
	case call.API != nil:
		return apiCoding(c.res.Model, call.API, calleePkg(call)), false, true
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

// someCodes names the first of the codes of a vocabulary a caller should
// handle, with the prefix the library keeps: messages have no room for all
// six SOAP codes ("sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT, ...").
func (c *checker) someCodes(cd coding) string {
	return firstCodes(c.must[cd.Vocab], cd.Prefix)
}

// firstCodes writes the first two codes with a prefix, and "..." for the others.
func firstCodes(codes []string, prefix string) string {
	var out []string
	for i, code := range codes {
		if i == 2 {
			out = append(out, "...")
			break
		}
		out = append(out, prefix+code)
	}
	return strings.Join(out, ", ")
}

// inspectHint says how to read the code of a coding, as the start of a
// fix: "Read the Code of the *soapforce.SOAPFault (errors.As)"; a hint that
// ends in a clause ends with its comma, so that " and stop on ..." can
// follow any hint. short leaves out what is not needed to follow it.
func inspectHint(cd coding, short bool) string {
	switch {
	case cd.Fault != "" && short:
		return fmt.Sprintf("Read its %s (errors.As)", cd.Field)
	case cd.Fault != "":
		return fmt.Sprintf("Read the %s of the %s (errors.As)", cd.Field, cd.Fault)
	case cd.Text && cd.Loaded != "" && !short:
		return fmt.Sprintf("Find the code in err.Error(), the only place %s keeps it,", cd.Loaded)
	case cd.Text:
		return "Find the code in err.Error()"
	}
	return ""
}

// lastElem is the last element of an import path, before a major version
// ("github.com/k-capehart/go-salesforce/v3": "go-salesforce").
func lastElem(path string) string {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last
}
