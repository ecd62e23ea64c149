package sfapi

import (
	"fmt"
	"go/types"
	"strings"
	"sync"
)

// Model is the table of Salesforce APIs in force for one run: the built-in
// rows plus the user's declarations. A Model is immutable once built and safe
// for concurrent use.
type Model struct {
	apis        map[string][]*API // by name
	retries     map[string][]*RetryHelper
	classifiers map[Ref]bool
	userPkgs    map[string]bool // exact import paths named by user declarations
	forks       sync.Map        // *types.Package -> *API: the base row of a fork, or nil
	relevant    sync.Map        // import path -> bool (see Relevant)
}

// Decls are the user's additions to the table, as written on the command line
// or in plugin settings: references of the form "import/path.Func" or
// "import/path.Type.Method".
type Decls struct {
	Logins      []string // functions that log in
	Logouts     []string // functions that end a session (their first argument or receiver)
	Classifiers []string // functions that inspect a login fault code
	Retries     []string // functions that retry their first func argument
}

// Default returns the built-in table.
func Default() *Model {
	m, err := New(Decls{})
	if err != nil {
		panic(err) // unreachable: no declarations to parse
	}
	return m
}

// New returns the built-in table extended with the user's declarations.
func New(d Decls) (*Model, error) {
	m := &Model{
		apis:        map[string][]*API{},
		retries:     map[string][]*RetryHelper{},
		classifiers: map[Ref]bool{},
		userPkgs:    map[string]bool{},
	}
	for _, a := range apis {
		m.apis[a.Name] = append(m.apis[a.Name], a)
	}
	for _, r := range retryHelpers {
		m.retries[r.Name] = append(m.retries[r.Name], r)
	}
	add := func(list []string, f func(Ref)) error {
		for _, s := range list {
			r, err := ParseRef(s)
			if err != nil {
				return err
			}
			m.userPkgs[r.Pkg] = true
			f(r)
		}
		return nil
	}
	errs := []error{
		add(d.Logins, func(r Ref) {
			m.apis[r.Name] = append(m.apis[r.Name], &API{Pkg: r.Pkg, Recv: r.Recv, Name: r.Name, Kind: Login, Declared: true})
		}),
		add(d.Logouts, func(r Ref) {
			m.apis[r.Name] = append(m.apis[r.Name], &API{Pkg: r.Pkg, Recv: r.Recv, Name: r.Name, Kind: Logout, Declared: true})
		}),
		add(d.Classifiers, func(r Ref) { m.classifiers[r] = true }),
		add(d.Retries, func(r Ref) {
			m.retries[r.Name] = append(m.retries[r.Name], &RetryHelper{Pkg: r.Pkg, Name: r.Name, Op: 0})
		}),
	}
	for _, s := range d.Retries {
		if r, _ := ParseRef(s); r.Recv != "" {
			errs = append(errs, fmt.Errorf("%q: a retry helper is a function, import/path.Func: a method never matches", s))
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

func matches(pkg string, declared bool, path string) bool {
	if declared {
		return pkg == path
	}
	return MatchPath(path, pkg)
}

// Lookup returns the row for a function or method, or nil. Interface methods
// never match here: see [Model.LookupMethod]. In a package that matches a
// library's path suffix but declares none of its rows' functions (a fork
// that renamed them), the row is inferred from the function's parameter
// names (see infer.go); an inferred row has Inferred and Declared set.
func (m *Model) Lookup(fn *types.Func) *API {
	pkg, recv, name := FuncKey(fn)
	if pkg == "" {
		return nil
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && recv == "" {
		return nil // interface method
	}
	if a := m.lookup(pkg, recv, name); a != nil {
		return a
	}
	return m.inferred(fn, pkg, recv)
}

// LookupMethod returns the row for a method of the named type declared in
// package path, or nil.
func (m *Model) LookupMethod(path, recv, name string) *API { return m.lookup(path, recv, name) }

func (m *Model) lookup(pkg, recv, name string) *API {
	for _, a := range m.apis[name] {
		if a.Recv == recv && matches(a.Pkg, a.Declared, pkg) {
			return a
		}
	}
	return nil
}

// MethodRows returns the rows of methods with the given name (for resolving
// calls through interfaces).
func (m *Model) MethodRows(name string) []*API {
	var out []*API
	for _, a := range m.apis[name] {
		if a.Recv != "" {
			out = append(out, a)
		}
	}
	return out
}

// Retry returns the retry-helper row for a function, or nil.
func (m *Model) Retry(fn *types.Func) *RetryHelper {
	pkg, recv, name := FuncKey(fn)
	if recv != "" || pkg == "" {
		return nil
	}
	for _, r := range m.retries[name] {
		if MatchPath(pkg, r.Pkg) {
			return r
		}
	}
	return nil
}

// IsClassifier reports whether the user declared fn as a fault classifier.
func (m *Model) IsClassifier(fn *types.Func) bool {
	if len(m.classifiers) == 0 {
		return false
	}
	pkg, recv, name := FuncKey(fn)
	return m.classifiers[Ref{Pkg: pkg, Recv: recv, Name: name}]
}

// Fault returns the fault description for an error's dynamic type t (T or
// *T), or nil when t is not a known fault type.
func (m *Model) Fault(t types.Type) *Fault {
	ptr := false
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	for _, f := range []*Fault{soapFault, sfError, forceErr, oauthErr} {
		if f.Type == n.Obj().Name() && f.Pointer == ptr && MatchPath(n.Obj().Pkg().Path(), f.Pkg) {
			return f
		}
	}
	return nil
}

// FaultNamed is like [Model.Fault] but ignores whether t is a pointer: it
// finds the fault row for the named type behind t.
func (m *Model) FaultNamed(t types.Type) *Fault {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	for _, f := range []*Fault{soapFault, sfError, forceErr, oauthErr} {
		if f.Type == n.Obj().Name() && MatchPath(n.Obj().Pkg().Path(), f.Pkg) {
			return f
		}
	}
	return nil
}

// FaultInText reports whether the API's fault code survives only in
// err.Error(), whatever the version loaded (see [Model.LoadedFault]).
func (m *Model) FaultInText(a *API) bool { return a.FaultText }

// CredStruct returns the credential-struct row for a named struct type, or nil.
func (m *Model) CredStruct(t types.Type) *CredStruct {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	for _, c := range credStructs {
		if c.Type == n.Obj().Name() && MatchPath(n.Obj().Pkg().Path(), c.Pkg) {
			return c
		}
	}
	return nil
}

// Endpoints returns the raw HTTP login and logout endpoints.
func (m *Model) Endpoints() []*Endpoint { return endpoints }

// Relevant reports whether importing path makes a package worth analysing:
// it is a client library of the table, a retry helper, or a package the
// user's declarations name.
func (m *Model) Relevant(path string) bool {
	if m.userPkgs[path] {
		return true
	}
	// Asked for every import of every package and every session type: the
	// answer is kept per path.
	if r, ok := m.relevant.Load(path); ok {
		return r.(bool)
	}
	r := m.relevantPath(path)
	m.relevant.Store(path, r)
	return r
}

func (m *Model) relevantPath(path string) bool {
	for _, list := range m.apis {
		for _, a := range list {
			if !a.Declared && MatchPath(path, a.Pkg) {
				return true
			}
		}
	}
	for _, c := range credStructs {
		if MatchPath(path, c.Pkg) {
			return true
		}
	}
	return false
}

// Declares reports whether the user's declarations name the package path itself.
func (m *Model) Declares(path string) bool { return m.userPkgs[path] }

// Describe lists the table for documentation: one line per row.
func (m *Model) Describe() string {
	var b strings.Builder
	for _, a := range apis {
		fmt.Fprintf(&b, "%-45s %-7s", a.String(), a.Kind)
		for _, x := range a.Args {
			if x.Field != "" {
				fmt.Fprintf(&b, " %s=%s", x.Field, x.Role)
			} else {
				fmt.Fprintf(&b, " arg%d=%s", x.Index, x.Role)
			}
		}
		if a.Fault != nil {
			fmt.Fprintf(&b, " fault=%s.%s", a.Fault.Name(), a.Fault.CodeField)
			if a.Fault.Prefix != "" {
				fmt.Fprintf(&b, "(%q prefix)", a.Fault.Prefix)
			}
		} else if a.Kind == Login {
			b.WriteString(" fault=none")
		}
		if a.Logout != "" && a.Kind == Login {
			fmt.Fprintf(&b, " logout=%s", a.Logout)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
