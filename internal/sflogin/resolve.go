package sflogin

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
)

// state is the per-package working state of the shared pass.
type state struct {
	pass  *analysis.Pass
	model *sfapi.Model
	res   *Result
	defs  *defIndex
	// resolved keeps the resolved calls of other packages' functions (see resolve).
	resolved map[*ast.CallExpr]*Call
	// local facts of this package, kept while they are derived to a fixpoint.
	logins      map[*types.Func]*LoginFact
	imported    flow.FactMemo[LoginFact, *LoginFact] // the wrapper facts of other packages' functions (see loginFact)
	apis        map[*types.Func]*sfapi.API           // see lookupAPI
	classifiers map[*types.Func]bool
	// rowTypeCache holds the named types of a method row found among the imports.
	rowTypeCache map[*sfapi.API][]types.Type
	// requests maps a variable holding an *http.Request built for an endpoint.
	requests map[*types.Var]*rawRequest
	testFile map[*ast.File]bool
	// nodes are those of the package's files (all of them) the package-wide walks look for.
	nodes *flow.Nodes
	// bodies holds, per function body, the nodes inspectBody visits.
	bodies map[*ast.BlockStmt][]ast.Node
}

type rawRequest struct {
	ep   *sfapi.Endpoint
	args []RoleArg
}

func newState(pass *analysis.Pass, model *sfapi.Model, res *Result, nodes *flow.Nodes) *state {
	st := &state{
		pass:        pass,
		model:       model,
		res:         res,
		nodes:       nodes,
		defs:        newDefIndex(pass, nodes),
		logins:      map[*types.Func]*LoginFact{},
		classifiers: map[*types.Func]bool{},
		requests:    map[*types.Var]*rawRequest{},
		testFile:    map[*ast.File]bool{},
		bodies:      map[*ast.BlockStmt][]ast.Node{},
		resolved:    map[*ast.CallExpr]*Call{},
	}
	res.defs = st.defs
	for _, f := range res.tests {
		st.testFile[f] = true
	}
	for _, f := range pass.Files {
		if isTestFile(pass, f) {
			st.testFile[f] = true
		}
	}
	return st
}

// collect resolves every call of every file into res.Calls / res.TestCalls.
// deriveFacts has run first: it noted the requests that a Do(req) sends and
// the wrappers of this package.
func (st *state) collect() {
	st.res.byExpr = map[*ast.CallExpr]*Call{}
	for i, call := range st.nodes.Calls {
		c := st.resolve(call)
		if c == nil {
			continue
		}
		f := st.nodes.CallFile[i]
		c.File = f
		c.Test = st.testFile[f]
		st.res.byExpr[call] = c
		if c.Test && !st.included(f) {
			st.res.TestCalls = append(st.res.TestCalls, c)
		} else {
			st.res.Calls = append(st.res.Calls, c)
		}
	}
	sortCalls(st.res.Calls)
	sortCalls(st.res.TestCalls)
}

func (st *state) included(f *ast.File) bool {
	for _, g := range st.res.files {
		if g == f {
			return true
		}
	}
	return false
}

// resolve returns the resolved call, or nil when the call is nothing to sflint.
func (st *state) resolve(call *ast.CallExpr) *Call {
	fn, _ := typeutil.Callee(st.pass.TypesInfo, call).(*types.Func)
	var recv ast.Expr
	via := ""
	if fn == nil {
		// A call through a local variable holding a function value: a
		// method value (login := c.Login), a function (create :=
		// force.Create), or a literal that logs in (attempt := func() ...).
		var lit *ast.FuncLit
		fn, recv, lit, via = st.funcValue(call)
		if lit != nil {
			return st.literalLogin(call, lit, via)
		}
		if fn == nil {
			return nil
		}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	// A call of another package's function resolves the same way each
	// time it is asked about (the wrapper derivation asks, then collect):
	// its answer is kept. One of this package's may become a wrapper while
	// the facts are derived, and is resolved again.
	stable := via == "" && fn.Pkg() != st.pass.Pkg
	if stable {
		if c, ok := st.resolved[call]; ok {
			return c
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sig.Recv() != nil && via == "" {
		recv = sel.X
	}
	c := st.resolveFunc(call, fn, sig, recv)
	if c != nil {
		c.Via = via
		if stable {
			st.resolved[call] = c // only Salesforce calls: most calls resolve to nil, cheaply
		}
	}
	return c
}

// funcValue finds what a call through a local variable calls, when the
// variable is assigned once: a method value (with the receiver it is bound
// to), a function, or a function literal; via is the variable's name.
func (st *state) funcValue(call *ast.CallExpr) (fn *types.Func, recv ast.Expr, lit *ast.FuncLit, via string) {
	info := st.pass.TypesInfo
	v := st.defs.varOf(ast.Unparen(call.Fun))
	if v == nil || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil, nil, nil, ""
	}
	rhs := st.defs.ready().assign[v]
	if len(rhs) != 1 || rhs[0] == nil {
		return nil, nil, nil, ""
	}
	switch x := ast.Unparen(rhs[0]).(type) {
	case *ast.FuncLit:
		return nil, nil, x, v.Name()
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.MethodVal {
			fn, _ := sel.Obj().(*types.Func)
			return fn, x.X, nil, v.Name()
		}
		fn, _ := info.Uses[x.Sel].(*types.Func)
		return fn, nil, nil, v.Name()
	case *ast.Ident:
		fn, _ := info.Uses[x].(*types.Func)
		return fn, nil, nil, v.Name()
	}
	return nil, nil, nil, ""
}

// literalLogin resolves a call of a local function literal that logs in
// and hands the session or the error back (attempt := func() error {
// _, err := c.Login(u, p); return err }): it is a login too.
func (st *state) literalLogin(call *ast.CallExpr, lit *ast.FuncLit, via string) *Call {
	sig, _ := st.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if sig == nil {
		return nil
	}
	f := st.bodyFact(lit.Body, sig)
	if f == nil || f.Kind != sfapi.Login {
		return nil
	}
	c := &Call{Expr: call, Kind: sfapi.Login, Fact: f, Err: f.Err, Session: f.Session, Via: via, Lit: lit}
	if f.Session == sfapi.InReceiver {
		c.Session = sfapi.NoResult // the client the literal logs in on is its enclosing function's
	}
	// The library row behind it, for what its fault carries.
	st.inspectBody(lit.Body, func(n ast.Node) {
		if inner, ok := n.(*ast.CallExpr); ok && c.API == nil {
			if ic := st.resolve(inner); ic != nil && ic.Kind == sfapi.Login {
				c.API = ic.API // nil for raw requests: the literal's error is not a transport error
			}
		}
	})
	return c
}

// resolveFunc resolves a call of a known function or method.
func (st *state) resolveFunc(call *ast.CallExpr, fn *types.Func, sig *types.Signature, recv ast.Expr) *Call {
	if api := st.lookupAPI(fn, sig); api != nil {
		if api.When == sfapi.SalesforceTokenURL && !st.salesforceConfig(recv) && !st.oauth2Evidence(call, recv) {
			return nil
		}
		c := &Call{Expr: call, Kind: api.Kind, API: api, Callee: fn, Recv: recv,
			Err: errIndex(sig), Session: api.Session}
		c.Args = st.roleArgs(call, sig, api.Args)
		if api.ReuseField != "" && st.setsField(call, sig, api.ReuseField) {
			c.Kind = sfapi.Reuse
		}
		if api.Declared {
			c.Session = sessionIndex(sig)
			c.Args = st.namedRoleArgs(call, sig)
		}
		return c
	}
	if f := st.loginFact(fn); f != nil {
		c := &Call{Expr: call, Kind: f.Kind, Wrapper: fn, Fact: f, Callee: fn, Recv: recv,
			Err: f.Err, Session: f.Session}
		for _, cp := range f.Creds {
			if cp.Param >= len(call.Args) {
				continue
			}
			if cp.Field == "" {
				c.Args = append(c.Args, RoleArg{Role: cp.Role, Expr: call.Args[cp.Param], Param: paramName(sig, cp.Param)})
				continue
			}
			// A field of a struct argument: the values the call's argument gives it.
			for _, v := range st.defs.fieldValues(call.Args[cp.Param], strings.Split(cp.Field, "."), 0) {
				c.Args = append(c.Args, RoleArg{Role: cp.Role, Expr: v, Field: cp.Field, Param: cp.Field})
			}
		}
		return c
	}
	return st.resolveRaw(call, fn, sig)
}

// lookupAPI finds the table row for fn, resolving interface methods against
// the client types the package can see.
func (st *state) lookupAPI(fn *types.Func, sig *types.Signature) *sfapi.API {
	// A package calls the same functions again and again (fmt.Errorf):
	// the table is asked once per function.
	if api, ok := st.apis[fn]; ok {
		return api
	}
	api := st.lookupRow(fn, sig)
	if st.apis == nil {
		st.apis = map[*types.Func]*sfapi.API{}
	}
	st.apis[fn] = api
	return api
}

func (st *state) lookupRow(fn *types.Func, sig *types.Signature) *sfapi.API {
	if api := st.model.Lookup(fn); api != nil {
		return api
	}
	if sig.Recv() == nil {
		return nil
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	for _, api := range st.model.MethodRows(fn.Name()) {
		for _, t := range st.rowTypes(api) {
			if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
				return api
			}
		}
	}
	return nil
}

// rowTypes finds the named types of a method row among the packages this
// package imports, directly or not (a library and its forks may all be there).
func (st *state) rowTypes(api *sfapi.API) []types.Type {
	if st.rowTypeCache == nil {
		st.rowTypeCache = map[*sfapi.API][]types.Type{}
	}
	if ts, ok := st.rowTypeCache[api]; ok {
		return ts
	}
	var found []types.Type
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if (!api.Declared && sfapi.MatchPath(p.Path(), api.Pkg)) || (api.Declared && p.Path() == api.Pkg) {
			if tn, ok := p.Scope().Lookup(api.Recv).(*types.TypeName); ok {
				found = append(found, tn.Type())
			}
		}
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	visit(st.pass.Pkg)
	st.rowTypeCache[api] = found
	return found
}

// loginFact returns the wrapper fact of fn: derived in this package or imported.
func (st *state) loginFact(fn *types.Func) *LoginFact {
	if f, ok := st.logins[fn]; ok {
		return f
	}
	if fn.Pkg() == st.pass.Pkg {
		return nil
	}
	if !st.res.hasPackageFact(fn.Pkg()) {
		return nil
	}
	return st.imported.Get(fn.Origin(), st.pass.ImportObjectFact)
}

// roleArgs maps the row's argument roles to the call's expressions.
func (st *state) roleArgs(call *ast.CallExpr, sig *types.Signature, args []sfapi.Arg) []RoleArg {
	off := 0
	if sfapi.HasLeadingContext(sig) {
		off = 1
	}
	var out []RoleArg
	for _, a := range args {
		i := a.Index + off
		if i >= len(call.Args) {
			continue
		}
		if a.Field == "" {
			out = append(out, RoleArg{Role: a.Role, Expr: call.Args[i], Param: paramName(sig, i)})
			continue
		}
		for _, v := range st.defs.fieldValues(call.Args[i], []string{a.Field}, 0) {
			out = append(out, RoleArg{Role: a.Role, Expr: v, Field: a.Field, Param: a.Field})
		}
	}
	return out
}

// namedRoleArgs guesses roles of a user-declared login's parameters from their names.
func (st *state) namedRoleArgs(call *ast.CallExpr, sig *types.Signature) []RoleArg {
	var out []RoleArg
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		if r := RoleOfName(sig.Params().At(i).Name()); r != sfapi.RoleNone {
			out = append(out, RoleArg{Role: r, Expr: call.Args[i], Param: sig.Params().At(i).Name()})
		}
	}
	return out
}

// RoleOfName guesses the credential role of a parameter or field from its name.
func RoleOfName(name string) sfapi.Role { return sfapi.RoleOfName(name) }

func paramName(sig *types.Signature, i int) string {
	params := sig.Params()
	if sig.Variadic() && i >= params.Len()-1 {
		i = params.Len() - 1
	}
	if i < params.Len() {
		return params.At(i).Name()
	}
	return ""
}

// setsField reports whether the call's first struct argument sets field to a non-empty value.
func (st *state) setsField(call *ast.CallExpr, sig *types.Signature, field string) bool {
	if len(call.Args) == 0 {
		return false
	}
	for _, v := range st.defs.fieldValues(call.Args[0], []string{field}, 0) {
		if parts := st.defs.constParts(v, 0); len(parts) == 1 && parts[0] == "" {
			if tv, ok := st.pass.TypesInfo.Types[v]; ok && tv.Value != nil {
				continue // the empty constant sets nothing
			}
		}
		return true
	}
	return false
}

// salesforceConfig reports whether recv is an oauth2.Config whose token URL is
// a constant naming Salesforce.
func (st *state) salesforceConfig(recv ast.Expr) bool {
	for _, v := range st.defs.fieldValues(recv, []string{"Endpoint", "TokenURL"}, 0) {
		for _, p := range st.defs.constParts(v, 0) {
			if strings.Contains(p, "/services/oauth2/token") || strings.Contains(p, "salesforce.com") {
				return true
			}
		}
	}
	return false
}

// errIndex returns the index of the last result if it is an error.
func errIndex(sig *types.Signature) int {
	n := sig.Results().Len()
	if n > 0 && isError(sig.Results().At(n-1).Type()) {
		return n - 1
	}
	return sfapi.NoResult
}

// sessionIndex returns the first non-error result, or InReceiver for methods.
func sessionIndex(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if !isError(sig.Results().At(i).Type()) {
			return i
		}
	}
	if sig.Recv() != nil {
		return sfapi.InReceiver
	}
	return sfapi.NoResult
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// resolveRaw recognises raw HTTP requests to Salesforce authentication endpoints.
func (st *state) resolveRaw(call *ast.CallExpr, fn *types.Func, sig *types.Signature) *Call {
	if fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return nil
	}
	var url, body ast.Expr
	switch fn.Name() {
	case "PostForm", "Post":
		if len(call.Args) >= 2 {
			url, body = call.Args[0], call.Args[len(call.Args)-1]
		}
	case "Do":
		if len(call.Args) == 1 {
			if rq := st.requestOf(call.Args[0], 0); rq != nil {
				return &Call{Expr: call, Kind: rq.ep.Kind, Endpoint: rq.ep, Callee: fn,
					Err: errIndex(sig), Session: 0, Args: rq.args}
			}
		}
		return nil
	default:
		return nil
	}
	ep, args := st.matchEndpoint(url, body)
	if ep == nil {
		return nil
	}
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sig.Recv() != nil {
		recv = sel.X
	}
	return &Call{Expr: call, Kind: ep.Kind, Endpoint: ep, Callee: fn, Recv: recv,
		Err: errIndex(sig), Session: 0, Args: args}
}

// requestOf returns the request built for an endpoint that e holds: a
// variable assigned from http.NewRequest, a call of a function of the
// package that returns one, or a parameter for which every call of its
// function in the package passes one (exchange(req *http.Request)).
func (st *state) requestOf(e ast.Expr, depth int) *rawRequest {
	if depth > 3 {
		return nil
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		fn := typeutil.StaticCallee(st.pass.TypesInfo, call)
		if fn == nil {
			return nil
		}
		for _, r := range st.defs.returns(fn) {
			if len(r.Results) > 0 {
				if rq := st.requestOf(r.Results[0], depth+1); rq != nil {
					return rq
				}
			}
		}
		return nil
	}
	v := st.defs.varOf(e)
	if v == nil {
		return nil
	}
	if rq := st.requests[v]; rq != nil {
		return rq
	}
	// req, err := newTokenRequest(...): the one call that sets it.
	if rhs := slices.Concat(st.defs.ready().assign[v], st.defs.ready().first[v]); len(rhs) == 1 {
		if _, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
			return st.requestOf(rhs[0], depth+1)
		}
	}
	pas := st.defs.paramArgs(e)
	if len(pas) == 0 {
		return nil
	}
	var rq *rawRequest
	for _, pa := range pas {
		r := st.requestOf(pa.arg, depth+1)
		if r == nil || (rq != nil && (r.ep.URL != rq.ep.URL || r.ep.Kind != rq.ep.Kind)) {
			return nil
		}
		rq = r
	}
	return &rawRequest{ep: rq.ep} // the form fields stay with the callers
}

// noteRequest remembers req := http.NewRequest(...) built for an endpoint.
func (st *state) noteRequest(as *ast.AssignStmt) {
	if len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	fn, _ := typeutil.Callee(st.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return
	}
	var url, body ast.Expr
	switch {
	case fn.Name() == "NewRequest" && len(call.Args) == 3:
		url, body = call.Args[1], call.Args[2]
	case fn.Name() == "NewRequestWithContext" && len(call.Args) == 4:
		url, body = call.Args[2], call.Args[3]
	default:
		return
	}
	ep, args := st.matchEndpoint(url, body)
	if ep == nil {
		return
	}
	if v := st.defs.varOf(as.Lhs[0]); v != nil {
		st.requests[v] = &rawRequest{ep: ep, args: args}
	}
}

// matchEndpoint matches a request's URL and body against the endpoint rows.
func (st *state) matchEndpoint(url, body ast.Expr) (*sfapi.Endpoint, []RoleArg) {
	return st.matchEndpointAt(url, body, 0)
}

// matchEndpointAt is matchEndpoint through depth calls: a URL that is a
// parameter of its function (exchange(url string, body io.Reader)) is the
// endpoint every call of the function in the package passes for it, when
// they all pass the same one. A helper some callers use for other URLs is
// no login. The form fields are not followed into the callers.
func (st *state) matchEndpointAt(url, body ast.Expr, depth int) (*sfapi.Endpoint, []RoleArg) {
	if pas := st.defs.paramArgs(url); len(pas) > 0 {
		if depth >= 3 {
			return nil, nil
		}
		var ep *sfapi.Endpoint
		for _, pa := range pas {
			b := body
			if a := st.defs.argFor(pa.call, body); a != nil {
				b = a // the body is a parameter too
			}
			e, _ := st.matchEndpointAt(pa.arg, b, depth+1)
			if e == nil || (ep != nil && (e.URL != ep.URL || e.Kind != ep.Kind)) {
				return nil, nil
			}
			ep = e
		}
		return ep, nil
	}
	urlParts := st.defs.constParts(url, 0)
	// The URL's constant pieces in order, as the request sees them
	// ("/services" + "/oauth2/token"); "//" where a piece ends and the next
	// starts with a slash.
	joined := strings.ReplaceAll(strings.Join(urlParts, ""), "//", "/")
	var bodyParts []string
	if body != nil {
		bodyParts = st.defs.constParts(body, 0)
	}
	for _, ep := range st.model.Endpoints() {
		// A SOAP logout() goes to the serverUrl the login returned, never a
		// constant: its envelope (in a sforce.com namespace) is enough.
		soapLogout := ep.Kind == sfapi.Logout && len(ep.Body) > 0 && anyContains(bodyParts, "soap.sforce.com")
		if !anyContains(urlParts, ep.URL) && !strings.Contains(joined, ep.URL) && !soapLogout {
			continue
		}
		if len(ep.Body) > 0 && !anyContainsAny(bodyParts, ep.Body) {
			continue
		}
		if ep.Kind == sfapi.Login && ep.Vocab == sfapi.OAuth && anyContains(bodyParts, "refresh_token") && !anyContains(bodyParts, "password") {
			refresh := *ep
			refresh.Kind = sfapi.Refresh
			return &refresh, nil
		}
		return ep, st.formArgs(body, ep)
	}
	return nil, nil
}

// formArgs finds the form fields of a url.Values body that carry roles.
func (st *state) formArgs(body ast.Expr, ep *sfapi.Endpoint) []RoleArg {
	if body == nil || len(ep.Form) == 0 {
		return nil
	}
	var out []RoleArg
	var visit func(e ast.Expr, depth int)
	visit = func(e ast.Expr, depth int) {
		if depth > 4 {
			return
		}
		e = ast.Unparen(e)
		switch e := e.(type) {
		case *ast.CompositeLit:
			for _, elt := range e.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key := st.defs.constParts(kv.Key, 0)
				if len(key) != 1 {
					continue
				}
				if r, ok := ep.Form[key[0]]; ok {
					val := kv.Value
					if cl, ok := val.(*ast.CompositeLit); ok && len(cl.Elts) == 1 {
						val = cl.Elts[0] // url.Values{"password": {x}}
					}
					out = append(out, RoleArg{Role: r, Expr: val, Field: key[0], Param: key[0]})
				}
			}
		case *ast.CallExpr:
			if args := st.sprintfFields(e, ep); args != nil {
				out = append(out, args...) // fmt.Sprintf("grant_type=password&client_secret=%s", ...)
				return
			}
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				visit(sel.X, depth+1) // form.Encode()
			}
			for _, a := range e.Args {
				visit(a, depth+1) // strings.NewReader(form.Encode())
			}
		case *ast.BinaryExpr:
			out = append(out, st.concatFields(e, ep)...) // "...&client_secret=" + secret
		case *ast.Ident:
			v := st.defs.varOf(e)
			if v == nil {
				return
			}
			for _, rhs := range st.defs.ready().assign[v] {
				visit(rhs, depth+1)
			}
			for _, kv := range st.defs.ready().adds[v] {
				key := st.defs.constParts(kv[0], 0)
				if len(key) == 1 {
					if r, ok := ep.Form[key[0]]; ok {
						out = append(out, RoleArg{Role: r, Expr: kv[1], Field: key[0], Param: key[0]})
					}
				}
			}
		}
	}
	visit(body, 0)
	return out
}

// sprintfFields returns the fields of a form body written with fmt.Sprintf
// ("grant_type=password&client_id=%s&client_secret=%s"): the argument of
// each verb right after key= of a field that carries a role. nil when the
// call is not fmt.Sprintf with a constant format.
func (st *state) sprintfFields(call *ast.CallExpr, ep *sfapi.Endpoint) []RoleArg {
	fn, _ := typeutil.Callee(st.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(call.Args) == 0 {
		return nil
	}
	tv, ok := st.pass.TypesInfo.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	format := constant.StringVal(tv.Value)
	if strings.ContainsAny(format, "[*") {
		return nil // argument indexes: not followed
	}
	out := []RoleArg{}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			break
		}
		if format[j] == '%' {
			i = j
			continue
		}
		if key := formKey(format[:i]); key != "" && arg+1 < len(call.Args) {
			if r, ok := ep.Form[key]; ok {
				out = append(out, RoleArg{Role: r, Expr: call.Args[arg+1], Field: key, Param: key})
			}
		}
		arg++
		i = j
	}
	return out
}

// concatFields returns the fields of a form body built by concatenation
// ("grant_type=password&client_secret=" + secret): the operand right after
// a constant ending in key=.
func (st *state) concatFields(e *ast.BinaryExpr, ep *sfapi.Endpoint) []RoleArg {
	var ops []ast.Expr
	var flatten func(x ast.Expr)
	flatten = func(x ast.Expr) {
		if b, ok := ast.Unparen(x).(*ast.BinaryExpr); ok && b.Op == token.ADD {
			if tv, ok := st.pass.TypesInfo.Types[b]; !ok || tv.Value == nil {
				flatten(b.X)
				flatten(b.Y)
				return
			}
		}
		ops = append(ops, x)
	}
	if e.Op != token.ADD {
		return nil
	}
	flatten(e)
	var out []RoleArg
	for i := 0; i+1 < len(ops); i++ {
		tv, ok := st.pass.TypesInfo.Types[ast.Unparen(ops[i])]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		if key := formKey(constant.StringVal(tv.Value)); key != "" {
			if r, ok := ep.Form[key]; ok {
				out = append(out, RoleArg{Role: r, Expr: ops[i+1], Field: key, Param: key})
			}
		}
	}
	return out
}

// formKey returns the form field s ends in the middle of: the key of a
// trailing "key=" after the start, "&" or "?"; "" otherwise.
func formKey(s string) string {
	if !strings.HasSuffix(s, "=") {
		return ""
	}
	s = s[:len(s)-1]
	if i := strings.LastIndexAny(s, "&?"); i >= 0 {
		s = s[i+1:]
	}
	if s == "" || strings.ContainsAny(s, "=/ ") {
		return ""
	}
	return s
}

func anyContains(parts []string, s string) bool {
	for _, p := range parts {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}

func anyContainsAny(parts, subs []string) bool {
	for _, s := range subs {
		if anyContains(parts, s) {
			return true
		}
	}
	return false
}
