// Package entry knows where programs start again and again: the functions
// that run once per request, RPC, scrape or tick. HTTP handlers, methods
// that implement a callback interface (a Prometheus collector's Collect, a
// generated API client's auth writer, an http.RoundTripper), gRPC service
// methods, and functions handed to a scheduler (k8s wait.Until, cron, your
// own helpers that call a func parameter on a timer, known by fact).
//
// A login in such a function is made on every run of it: sessionreuse
// reports the new session each time, blindretry the failed login tried
// again on the next run with the same credentials. Both ask this package,
// through the shared pass, so they agree on where programs start.
package entry

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
)

// Context says why a function runs again and again.
type Context struct {
	// Every names the runs for a message: "every request served by
	// main.handle", "every request served by this http.HandlerFunc
	// literal", "every run scheduled by wait.Until", "every scrape of
	// exporter.(*Exporter).Collect".
	Every string
	// Rhythm is the word for one run: request, call, scrape, tick or run.
	Rhythm string
	// Related points at the function, saying why it runs again and again.
	Related []analysis.RelatedInformation
	// ErrStops: an error the function returns goes to code of the program
	// that may stop calling it (a scheduler that stops on an error, the
	// API client an auth writer or transport serves); a handler's error
	// goes to the client, or to no one.
	ErrStops bool
}

// Found reports whether the function runs again and again.
func (c Context) Found() bool { return c.Every != "" }

// A kind of entry point the defaults know, with the words for its runs.
type kind struct {
	ref    string // import/path.Type (a func type) or import/path.Iface.Method
	rhythm string // the word for one run
	// what names the function's runs (%s: the function) and why its role
	// makes it run again and again.
	what, why string
	errStops  bool // see Context.ErrStops
}

// served is how runs of a user's handler type (-sflogin.handlers) read.
var served = kind{rhythm: "request", what: "every request served by %s", why: "the handler: it runs once per request"}

// defaultKinds are the entry points every run knows.
var defaultKinds = []kind{
	{ref: "net/http.HandlerFunc", rhythm: served.rhythm, what: served.what, why: served.why},
	{ref: "github.com/gin-gonic/gin.HandlerFunc", rhythm: served.rhythm, what: served.what, why: served.why},
	{ref: "github.com/labstack/echo.HandlerFunc", rhythm: served.rhythm, what: served.what, why: served.why},
	{ref: "github.com/gofiber/fiber.Handler", rhythm: served.rhythm, what: served.what, why: served.why},
	{ref: "github.com/prometheus/client_golang/prometheus.Collector.Collect", rhythm: "scrape",
		what: "every scrape of %s", why: "Collect: Prometheus calls it on every scrape"},
	{ref: "github.com/go-openapi/runtime.ClientAuthInfoWriter.AuthenticateRequest", rhythm: "request",
		what: "every request authenticated by %s", why: "the auth writer: the API client calls it for every request it sends", errStops: true},
	{ref: "github.com/go-openapi/runtime.ClientAuthInfoWriterFunc", rhythm: "request",
		what: "every request authenticated by %s", why: "the auth writer: the API client calls it for every request it sends", errStops: true},
	{ref: "net/http.RoundTripper.RoundTrip", rhythm: "request",
		what: "every request sent through %s", why: "the transport: it runs once per HTTP request", errStops: true},
}

// DefaultHandlers are the handler types and callback interface methods
// every run knows, as the -sflogin.handlers flag spells them.
func DefaultHandlers() []string {
	var out []string
	for _, k := range defaultKinds {
		out = append(out, k.ref)
	}
	return out
}

// DefaultSchedulers are the schedulers every run knows.
func DefaultSchedulers() []string {
	const wait = "k8s.io/apimachinery/pkg/util/wait."
	return []string{
		wait + "Until", wait + "UntilWithContext", wait + "NonSlidingUntil", wait + "NonSlidingUntilWithContext",
		wait + "JitterUntil", wait + "JitterUntilWithContext", wait + "Forever",
		"github.com/robfig/cron.Cron.AddFunc",
		"github.com/go-co-op/gocron.Scheduler.Do",
		"github.com/go-co-op/gocron.NewTask",
		"github.com/aws/aws-lambda-go/lambda.Start",
		"github.com/aws/aws-lambda-go/lambda.StartWithOptions",
	}
}

// Schedules marks a function that calls some of its func parameters again
// and again on a timer (in a loop that waits for a ticker, time.Tick,
// time.After or time.Sleep and goes on after a successful call), or hands
// them to another scheduler.
type Schedules struct {
	// Params are the indexes of those parameters.
	Params []int
}

// AFact implements analysis.Fact.
func (*Schedules) AFact() {}

func (f *Schedules) String() string { return fmt.Sprintf("schedules %v", f.Params) }

// handlerRef is one configured handler: a func type (Recv empty) or a
// method of an interface.
type handlerRef struct {
	sfapi.Ref
	path string // the package path, major version stripped
	kind kind
}

// Spec is the parsed configuration, shared by the passes of a run.
type Spec struct {
	handlers   []handlerRef
	schedulers []sfapi.Ref
	pkgs       pkgMemo // the packages that may declare a handler, by importer
}

// NewSpec parses the user's handlers and schedulers, added to the defaults.
func NewSpec(handlers, schedulers []string) (*Spec, error) {
	s := &Spec{}
	for i, h := range append(DefaultHandlers(), handlers...) {
		r, err := sfapi.ParseRef(h)
		if err != nil {
			return nil, err
		}
		k := served
		if i < len(defaultKinds) {
			k = defaultKinds[i]
		}
		s.handlers = append(s.handlers, handlerRef{r, sfapi.StripMajor(r.Pkg), k})
	}
	for _, h := range append(DefaultSchedulers(), schedulers...) {
		r, err := sfapi.ParseRef(h)
		if err != nil {
			return nil, err
		}
		s.schedulers = append(s.schedulers, r)
	}
	return s, nil
}

// mayDeclareHandler reports whether the package's path matches the path of
// a configured handler.
func (s *Spec) mayDeclareHandler(p *types.Package) bool {
	stripped := sfapi.StripMajor(p.Path())
	for _, h := range s.handlers {
		if pathMatches(stripped, h.path) {
			return true
		}
	}
	return false
}

// pathMatches is sfapi.MatchPath(path, suffix) on paths whose major
// versions are already stripped (see sfapi.StripMajor).
func pathMatches(path, suffix string) bool {
	return path == suffix || (len(path) > len(suffix) && strings.HasSuffix(path, suffix) && path[len(path)-len(suffix)-1] == '/')
}

// Finder answers, for one package, which functions run again and again.
type Finder struct {
	spec *Spec
	pass *analysis.Pass
	info *types.Info
	// Env returns the package's flow environment (built on first use: a
	// package with nothing to do with Salesforce may still declare a
	// scheduler).
	Env func() *flow.Env
	// IsRetry reports a retry helper: it calls its operation until it
	// succeeds, which is blindretry's business, not a schedule.
	IsRetry func(*types.Func) bool
	// MayHaveFacts reports whether a package's functions may have
	// Schedules facts (nil: any may).
	MayHaveFacts func(*types.Package) bool

	sched map[*types.Func][]int // local schedulers and the params they schedule
	// imported are the Schedules facts of other packages' functions, nil
	// for none (see schedulerOf).
	importedMu sync.Mutex
	imported   flow.FactMemo[Schedules, *Schedules]
	scheduled  map[ast.Node]string // FuncLit/FuncDecl -> the scheduler that calls it
	handlers   []resolved
	// Built on the first question. The analyzers that ask run concurrently
	// (go vet's unitchecker runs a package's analyzers in parallel).
	scheduledOnce, handlersOnce sync.Once
}

// resolved is a configured handler found in the loaded packages.
type resolved struct {
	name  string           // "http.HandlerFunc", "prometheus.Collector"
	sig   *types.Signature // a func type's signature
	iface *types.Interface // an interface's (method: ref.Name)
	ref   handlerRef
}

// NewFinder returns the finder of a pass.
func NewFinder(spec *Spec, pass *analysis.Pass) *Finder {
	return &Finder{spec: spec, pass: pass, info: pass.TypesInfo,
		sched: map[*types.Func][]int{}, scheduled: map[ast.Node]string{}}
}

// Of says whether the function runs once per request, RPC, scrape or tick,
// and names its runs for a message.
func (f *Finder) Of(fi *flow.Func) Context {
	rel := func(msg string) []analysis.RelatedInformation {
		return []analysis.RelatedInformation{{Pos: fi.Node.Pos(), End: fi.Node.Pos() + 4, Message: msg}}
	}
	f.scheduledOnce.Do(f.findScheduled)
	if name, ok := f.scheduled[fi.Node]; ok {
		if fi.Obj != nil {
			return Context{fmt.Sprintf("every run of %s scheduled by %s", flow.FuncName(fi.Obj), name), "run",
				rel("called again and again by " + name), true}
		}
		return Context{"every run scheduled by " + name, "run", rel("called again and again by " + name), true}
	}
	if h, ok := f.handlerOf(fi); ok {
		who := ""
		if fi.Obj != nil {
			who = flow.FuncName(fi.Obj)
		} else {
			who = fmt.Sprintf("this %s literal", h.name)
		}
		return Context{fmt.Sprintf(h.ref.kind.what, who), h.ref.kind.rhythm, rel(h.ref.kind.why), h.ref.kind.errStops}
	}
	if isRPCMethod(fi) {
		return Context{"every call of the gRPC method " + flow.FuncName(fi.Obj), "call", rel("the gRPC method: it runs once per call"), false}
	}
	return Context{}
}

// handlerOf returns the configured handler the function is: a function or
// literal of a handler func type, a method that implements a callback
// interface's method.
func (f *Finder) handlerOf(fi *flow.Func) (resolved, bool) {
	if fi.Sig == nil {
		return resolved{}, false
	}
	f.handlersOnce.Do(func() { f.handlers = f.findHandlers() })
	var recv types.Type
	if fi.Obj != nil && fi.Sig.Recv() != nil {
		recv = fi.Sig.Recv().Type()
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
	}
	for _, h := range f.handlers {
		switch {
		case h.sig != nil:
			if types.Identical(fi.Sig, h.sig) {
				return h, true
			}
		case recv != nil && fi.Obj.Name() == h.ref.Name:
			if types.Implements(types.NewPointer(recv), h.iface) {
				return h, true
			}
		}
	}
	return resolved{}, false
}

// findHandlers returns the configured handlers declared in the package or
// in the packages it imports, directly or not: by configuration order,
// then in depth-first order of the imports.
func (f *Finder) findHandlers() []resolved {
	matches, ok := f.spec.pkgs.of(f.pass.Pkg, f.spec.mayDeclareHandler, map[*types.Package]bool{})
	if !ok {
		matches = pkgsDFS(f.pass.Pkg, f.spec.mayDeclareHandler)
	}
	var out []resolved
	paths := make([]string, len(matches))
	for i, p := range matches {
		paths[i] = sfapi.StripMajor(p.Path())
	}
	for _, h := range f.spec.handlers {
		for i, p := range matches {
			if !pathMatches(paths[i], h.path) {
				continue
			}
			name := h.Name
			if h.Recv != "" {
				name = h.Recv
			}
			tn, ok := p.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			under := types.Unalias(tn.Type()).Underlying()
			switch u := under.(type) {
			case *types.Signature:
				if h.Recv == "" {
					out = append(out, resolved{name: p.Name() + "." + name, sig: u, ref: h})
				}
			case *types.Interface:
				if h.Recv != "" {
					out = append(out, resolved{name: p.Name() + "." + name, iface: u, ref: h})
				}
			}
		}
	}
	return out
}

// isRPCMethod reports whether a method implements a generated RPC service
// interface: its type embeds an Unimplemented...Server (gRPC) or
// Unimplemented...Handler (Connect) that has a method of the same name.
func isRPCMethod(fi *flow.Func) bool {
	if fi.Obj == nil || fi.Sig == nil || fi.Sig.Recv() == nil {
		return false
	}
	t := fi.Sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < s.NumFields(); i++ {
		fd := s.Field(i)
		if !fd.Embedded() {
			continue
		}
		ft := fd.Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		n, ok := types.Unalias(ft).(*types.Named)
		if !ok {
			continue
		}
		name := n.Obj().Name()
		if !strings.HasPrefix(name, "Unimplemented") || (!strings.HasSuffix(name, "Server") && !strings.HasSuffix(name, "Handler")) {
			continue
		}
		if types.NewMethodSet(types.NewPointer(n)).Lookup(n.Obj().Pkg(), fi.Obj.Name()) != nil {
			return true
		}
	}
	return false
}

// schedulerArgs returns the name of a scheduler the call calls and the
// indexes of the arguments it calls again and again.
func (f *Finder) schedulerArgs(call *ast.CallExpr) (string, []int) {
	fn, _ := typeutil.Callee(f.info, call).(*types.Func)
	if fn == nil {
		return "", nil
	}
	name, idx := f.schedulerOf(fn, call)
	if len(idx) == 0 || f.IsRetry != nil && f.IsRetry(fn) {
		return "", nil // a retry helper calls its operation until it succeeds: blindretry's business
	}
	return name, idx
}

// schedulerOf is schedulerArgs for a callee, whether or not it retries.
func (f *Finder) schedulerOf(fn *types.Func, call *ast.CallExpr) (string, []int) {
	pkg, recv, name := sfapi.FuncKey(fn)
	for _, r := range f.spec.schedulers {
		if r.Name == name && r.Recv == recv && sfapi.MatchPath(pkg, r.Pkg) {
			var idx []int
			for i, a := range call.Args {
				if _, lit := ast.Unparen(a).(*ast.FuncLit); lit {
					idx = append(idx, i)
				} else if t := f.info.TypeOf(a); t != nil {
					if _, ok := t.Underlying().(*types.Signature); ok {
						idx = append(idx, i)
					}
				}
			}
			return flow.FuncName(fn), idx
		}
	}
	if fn.Pkg() == f.pass.Pkg {
		if ps := f.sched[fn]; len(ps) > 0 {
			return flow.FuncName(fn), ps
		}
		return "", nil
	}
	if fn.Pkg() == nil || f.MayHaveFacts != nil && !f.MayHaveFacts(fn.Pkg()) {
		return "", nil
	}
	// Another package's scheduler, by fact; asked once per callee.
	f.importedMu.Lock()
	fact := f.imported.Get(fn.Origin(), f.pass.ImportObjectFact)
	f.importedMu.Unlock()
	if fact == nil {
		return "", nil
	}
	return flow.FuncName(fn), fact.Params
}

// DeriveSchedulers finds the package's functions that call one of their
// func parameters in a loop that waits on a timer and goes on after the
// call succeeds, or hand it to another scheduler; and exports the facts.
// It reports whether it exported any.
func (f *Finder) DeriveSchedulers() bool {
	type cand struct {
		fd     *ast.FuncDecl
		obj    *types.Func
		params map[*types.Var]int
	}
	var cands []cand
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, _ := f.info.Defs[fd.Name].(*types.Func)
			if obj == nil {
				continue
			}
			sig := obj.Type().(*types.Signature)
			params := map[*types.Var]int{}
			for i := 0; i < sig.Params().Len(); i++ {
				p := sig.Params().At(i)
				if _, ok := p.Type().Underlying().(*types.Signature); ok {
					params[p] = i
				}
			}
			if len(params) > 0 {
				cands = append(cands, cand{fd, obj, params})
			}
		}
	}
	for round := 0; round < 4; round++ {
		changed := false
		for _, c := range cands {
			if got := f.scheduledParams(c.fd, c.params); len(got) > len(f.sched[c.obj]) {
				f.sched[c.obj] = got
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	exported := false
	for _, c := range cands {
		if ps := f.sched[c.obj]; len(ps) > 0 {
			f.pass.ExportObjectFact(c.obj, &Schedules{Params: ps})
			exported = true
		}
	}
	return exported
}

func (f *Finder) scheduledParams(fd *ast.FuncDecl, params map[*types.Var]int) []int {
	set := map[int]bool{}
	paramOf := func(e ast.Expr) (int, bool) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := f.info.Uses[id].(*types.Var); ok {
				i, ok := params[v]
				return i, ok
			}
		}
		return 0, false
	}
	var stack []ast.Node // the nodes from the body down to the one visited
	astwalk.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if i, ok := paramOf(call.Fun); ok && !set[i] && f.calledOnTimer(stack) {
			set[i] = true
		}
		if _, idx := f.schedulerArgs(call); len(idx) > 0 {
			for _, j := range idx {
				if j < len(call.Args) {
					if i, ok := paramOf(call.Args[j]); ok {
						set[i] = true
					}
				}
			}
		}
		return true
	})
	var out []int
	for i := range set {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// calledOnTimer reports whether the call (the last of the stack of nodes
// that hold it) sits in a loop that waits on a timer and begins its next
// iteration after the call succeeds.
func (f *Finder) calledOnTimer(stack []ast.Node) bool {
	if f.Env == nil {
		return false
	}
	call := stack[len(stack)-1].(*ast.CallExpr)
	env := f.Env()
	var site *flow.Login
	for i := len(stack) - 1; i >= 0; i-- {
		n := stack[i]
		if loop, ok := n.(ast.Stmt); ok && flow.WaitsOnTimer(f.info, loop) {
			if site == nil {
				if site = env.Site(call); site == nil {
					return false
				}
			}
			if r := site.SuccessRegion(loop); r.Found && r.Cont {
				return true
			}
		}
		if _, ok := n.(*ast.FuncLit); ok {
			break
		}
	}
	return false
}

// findScheduled records the function literals and functions handed to a
// scheduler in the package, in one walk of its files.
func (f *Finder) findScheduled() {
	type schedCall struct {
		call *ast.CallExpr
		name string
		idx  []int
	}
	var calls []schedCall // in source order; resolved once lits and decls are complete
	var nodes *flow.Nodes
	if f.Env != nil {
		nodes = f.Env().Nodes()
	} else {
		nodes = flow.NewNodes(f.pass.Files)
	}
	for _, n := range nodes.Calls {
		if name, idx := f.schedulerArgs(n); len(idx) > 0 {
			calls = append(calls, schedCall{n, name, idx})
		}
	}
	if len(calls) == 0 {
		return // most packages schedule nothing
	}
	lits := map[*types.Var][]*ast.FuncLit{}
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, n := range nodes.FuncDecls {
		if obj, ok := f.info.Defs[n.Name].(*types.Func); ok {
			decls[obj] = n
		}
	}
	for _, n := range nodes.Defs {
		flow.OneToOne(n, func(l, r ast.Expr) {
			lit, ok := ast.Unparen(r).(*ast.FuncLit)
			id, ok2 := l.(*ast.Ident)
			if !ok || !ok2 {
				return
			}
			if v, ok := f.info.ObjectOf(id).(*types.Var); ok { // Defs for a value spec's name
				lits[v] = append(lits[v], lit)
			}
		})
	}
	for _, sc := range calls {
		call, name := sc.call, sc.name
		for _, i := range sc.idx {
			if i >= len(call.Args) {
				continue
			}
			switch a := ast.Unparen(call.Args[i]).(type) {
			case *ast.FuncLit:
				f.scheduled[a] = name
			case *ast.Ident:
				switch obj := f.info.Uses[a].(type) {
				case *types.Func:
					if d := decls[obj]; d != nil {
						f.scheduled[d] = name
					}
				case *types.Var:
					if l := lits[obj]; len(l) == 1 {
						f.scheduled[l[0]] = name
					}
				}
			case *ast.SelectorExpr:
				if obj, ok := f.info.Uses[a.Sel].(*types.Func); ok {
					if d := decls[obj]; d != nil {
						f.scheduled[d] = name
					}
				}
			}
		}
	}
}
