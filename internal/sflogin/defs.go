package sflogin

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
)

// defIndex records, for each variable of the package, the expressions
// assigned to it, and the keys and values added to it through Set/Add calls
// (url.Values, http.Header), so that the constant parts of an argument can
// be found when it is built in several statements.
type defIndex struct {
	// The index is built the first time it is read: most packages never
	// build a URL or a request for it to resolve.
	once  sync.Once
	pass  *analysis.Pass
	nodes *flow.Nodes

	info   *types.Info
	assign map[*types.Var][]ast.Expr
	// fields records assignments to x.F and x.F.G: var -> field path -> values.
	fields map[*types.Var]map[string][]ast.Expr
	// adds records x.Set(k, v) / x.Add(k, v) calls.
	adds map[*types.Var][][2]ast.Expr
	// funcs are the package's function declarations, for fieldValues to look
	// into the value a constructor returns.
	funcs map[*types.Func]*ast.FuncDecl
	// first records u of u, err := f(...) (url.Parse): the first result of
	// a call with two, for constParts only.
	first map[*types.Var][]ast.Expr
	// params records, for a parameter of a function of the package, the
	// argument of each call of the function in the package (calls with a
	// ... argument left out). For matchEndpoint and the request a Do sends
	// only, and only when every call agrees (paramArgs).
	params map[*types.Var][]paramArg
}

// paramArg is the argument a call passes for a parameter.
type paramArg struct {
	call *ast.CallExpr
	arg  ast.Expr
}

func newDefIndex(pass *analysis.Pass, nodes *flow.Nodes) *defIndex {
	return &defIndex{pass: pass, nodes: nodes, info: pass.TypesInfo}
}

// ready builds the index, once, and returns it.
func (d *defIndex) ready() *defIndex {
	d.once.Do(d.build)
	return d
}

func (d *defIndex) build() {
	pass, nodes := d.pass, d.nodes
	d.assign = map[*types.Var][]ast.Expr{}
	d.fields = map[*types.Var]map[string][]ast.Expr{}
	d.adds = map[*types.Var][][2]ast.Expr{}
	d.funcs = map[*types.Func]*ast.FuncDecl{}
	d.first = map[*types.Var][]ast.Expr{}
	d.params = map[*types.Var][]paramArg{}
	for _, fd := range nodes.FuncDecls {
		if fn, ok := d.info.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			d.funcs[fn] = fd
		}
	}
	for _, n := range nodes.Defs {
		if n, ok := n.(*ast.AssignStmt); ok && len(n.Lhs) == 2 && len(n.Rhs) == 1 {
			if v := d.varOf(n.Lhs[0]); v != nil {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					d.first[v] = append(d.first[v], call)
				}
			}
		}
		flow.OneToOne(n, d.record)
	}
	var local []*ast.CallExpr // the calls of functions of this package
	for _, n := range nodes.Calls {
		if fn := typeutil.StaticCallee(d.info, n); fn != nil && fn.Pkg() == pass.Pkg && !n.Ellipsis.IsValid() {
			local = append(local, n)
		}
		sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		if !ok || len(n.Args) != 2 || (sel.Sel.Name != "Set" && sel.Sel.Name != "Add") {
			continue
		}
		if v := d.varOf(sel.X); v != nil {
			d.adds[v] = append(d.adds[v], [2]ast.Expr{n.Args[0], n.Args[1]})
		}
	}
	for _, call := range local {
		fn := typeutil.StaticCallee(d.info, call).Origin()
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || d.funcs[fn] == nil || sig.Params().Len() != len(call.Args) {
			continue
		}
		for i, arg := range call.Args {
			p := sig.Params().At(i)
			d.params[p] = append(d.params[p], paramArg{call, arg})
		}
	}
}

// paramArgs returns the arguments the package's calls pass for e when e
// names a parameter that is never assigned in its function, nil otherwise.
func (d *defIndex) paramArgs(e ast.Expr) []paramArg {
	d.ready()
	v := d.varOf(e)
	if v == nil || len(d.assign[v]) > 0 || len(d.first[v]) > 0 {
		return nil
	}
	return d.params[v]
}

// argFor returns the argument the call passes for the parameter e names,
// or nil.
func (d *defIndex) argFor(call *ast.CallExpr, e ast.Expr) ast.Expr {
	d.ready()
	v := d.varOf(e)
	if v == nil {
		return nil
	}
	for _, pa := range d.params[v] {
		if pa.call == call {
			return pa.arg
		}
	}
	return nil
}

func (d *defIndex) record(lhs, rhs ast.Expr) {
	lhs = ast.Unparen(lhs)
	if v := d.varOf(lhs); v != nil {
		d.assign[v] = append(d.assign[v], rhs)
		return
	}
	// x.F = rhs, x.F.G = rhs
	var path []string
	e := lhs
	for {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			break
		}
		path = append([]string{sel.Sel.Name}, path...)
		e = ast.Unparen(sel.X)
	}
	if v := d.varOf(e); v != nil && len(path) > 0 {
		m := d.fields[v]
		if m == nil {
			m = map[string][]ast.Expr{}
			d.fields[v] = m
		}
		key := strings.Join(path, ".")
		m[key] = append(m[key], rhs)
	}
}

// varOf returns the variable an identifier denotes, or nil.
func (d *defIndex) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := d.info.ObjectOf(id).(*types.Var)
	return v
}

// Assigned returns every expression assigned to v in the package
// (initialisers included).
func (d *defIndex) Assigned(v *types.Var) []ast.Expr { return d.ready().assign[v] }

// constParts returns the string constants that make up e: the value of a
// constant expression, and the constant parts of concatenations, fmt.Sprint*,
// strings.Join, conversions, readers and url.Values built from them, following
// local variables through their assignments. depth bounds the search.
func (d *defIndex) constParts(e ast.Expr, depth int) []string {
	d.ready()
	if e == nil || depth > 6 {
		return nil
	}
	e = ast.Unparen(e)
	if tv, ok := d.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []string{constant.StringVal(tv.Value)}
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return append(d.constParts(e.X, depth+1), d.constParts(e.Y, depth+1)...)
		}
	case *ast.CompositeLit:
		var out []string
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				out = append(out, d.constParts(kv.Key, depth+1)...)
				out = append(out, d.constParts(kv.Value, depth+1)...)
			} else {
				out = append(out, d.constParts(elt, depth+1)...)
			}
		}
		return out
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return d.constParts(e.X, depth+1)
		}
	case *ast.CallExpr:
		return d.callParts(e, depth)
	case *ast.Ident:
		v := d.varOf(e)
		if v == nil {
			return nil
		}
		var out []string
		for _, rhs := range d.assign[v] {
			out = append(out, d.constParts(rhs, depth+1)...)
		}
		for _, rhs := range d.first[v] {
			out = append(out, d.constParts(rhs, depth+1)...) // u, err := url.Parse(...)
		}
		for _, kv := range d.adds[v] {
			out = append(out, d.constParts(kv[0], depth+1)...)
			out = append(out, d.constParts(kv[1], depth+1)...)
		}
		for _, vals := range sortedFields(d.fields[v]) {
			for _, val := range vals {
				out = append(out, d.constParts(val, depth+1)...) // u.Path = "/services/oauth2/token"
			}
		}
		return out
	}
	return nil
}

func (d *defIndex) callParts(call *ast.CallExpr, depth int) []string {
	d.ready()
	// A conversion: []byte("..."), string(b).
	if tv, ok := d.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return d.constParts(call.Args[0], depth+1)
	}
	fn, _ := typeutil.Callee(d.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	var out []string
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln", "strings.NewReader",
		"bytes.NewBufferString", "bytes.NewReader", "bytes.NewBuffer", "strings.Repeat",
		"strings.ToLower", "strings.ToUpper", "strings.TrimSpace", "strings.NewReplacer",
		"strings.ReplaceAll", "strings.Replace":
		for _, a := range call.Args {
			out = append(out, d.constParts(a, depth+1)...)
		}
	case "net/url.Encode", "net/url.String":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			out = d.constParts(sel.X, depth+1)
		}
	case "net/url.Parse", "net/url.ParseRequestURI", "net/url.ResolveReference":
		// url.Parse(raw), u.Parse(ref), u.ResolveReference(ref)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isMethod(fn) {
			out = d.constParts(sel.X, depth+1)
		}
		for _, a := range call.Args {
			out = append(out, d.constParts(a, depth+1)...)
		}
	case "net/url.JoinPath", "path.Join":
		// url.JoinPath(base, "services", "oauth2", "token"),
		// u.JoinPath("services/oauth2/token"), path.Join("/services", "oauth2/token")
		args := call.Args
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isMethod(fn) {
			out = d.constParts(sel.X, depth+1)
		} else if fn.Name() == "JoinPath" && len(args) > 0 {
			out = d.constParts(args[0], depth+1)
			args = args[1:]
		}
		out = append(out, d.joinParts(args, "/", depth)...)
	case "strings.Join":
		if len(call.Args) == 2 {
			if sep, ok := d.constString(call.Args[1]); ok {
				if lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit); ok {
					return d.joinParts(lit.Elts, sep, depth)
				}
			}
		}
		for _, a := range call.Args {
			out = append(out, d.constParts(a, depth+1)...)
		}
	default:
		// A getter of the package with one return (tokenURL(domain)
		// returning fmt.Sprintf("https://%s/services/oauth2/token", d)):
		// what it returns. One with several returns may build several URLs.
		if rets := d.returns(fn); len(rets) == 1 && len(rets[0].Results) > 0 {
			out = d.constParts(rets[0].Results[0], depth+1)
		}
	}
	return out
}

// returns returns the return statements of fn's body, function literals
// aside, when fn is declared in this package (nil otherwise).
func (d *defIndex) returns(fn *types.Func) []*ast.ReturnStmt {
	d.ready()
	fd := d.funcs[fn.Origin()]
	if fd == nil {
		return nil
	}
	var out []*ast.ReturnStmt
	astwalk.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			out = append(out, n)
		}
		return true
	})
	return out
}

// joinParts returns the constant parts of elements joined with sep: runs of
// constant elements are joined into one part, each led by sep (the elements
// join a base before them).
func (d *defIndex) joinParts(elems []ast.Expr, sep string, depth int) []string {
	d.ready()
	var out []string
	run := ""
	flush := func() {
		if run != "" {
			out = append(out, run)
			run = ""
		}
	}
	for _, e := range elems {
		if s, ok := d.constString(e); ok {
			if !strings.HasPrefix(s, sep) {
				s = sep + s
			}
			run += s
			continue
		}
		flush()
		out = append(out, d.constParts(e, depth+1)...)
	}
	flush()
	return out
}

func (d *defIndex) constString(e ast.Expr) (string, bool) {
	d.ready()
	tv, ok := d.info.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func isMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

// sortedFields returns the values of a variable's field assignments in the
// order of the field paths (a map's order would make parts unstable).
func sortedFields(m map[string][]ast.Expr) [][]ast.Expr {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([][]ast.Expr, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// fieldValues returns the expressions a field path ("Endpoint.TokenURL") of
// the struct value e is given: in composite literals e is built from, and in
// assignments to fields of the variable e names.
func (d *defIndex) fieldValues(e ast.Expr, path []string, depth int) []ast.Expr {
	d.ready()
	if e == nil || depth > 6 || len(path) == 0 {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return d.fieldValues(x.X, path, depth+1)
		}
	case *ast.CompositeLit:
		var out []ast.Expr
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == path[0] {
				if len(path) == 1 {
					out = append(out, kv.Value)
				} else {
					out = append(out, d.fieldValues(kv.Value, path[1:], depth+1)...)
				}
			}
		}
		return out
	case *ast.Ident:
		v := d.varOf(x)
		if v == nil {
			return nil
		}
		var out []ast.Expr
		for _, rhs := range d.assign[v] {
			out = append(out, d.fieldValues(rhs, path, depth+1)...)
		}
		for i := 1; i <= len(path); i++ {
			vals := d.fields[v][strings.Join(path[:i], ".")]
			for _, val := range vals {
				if i == len(path) {
					out = append(out, val)
				} else {
					out = append(out, d.fieldValues(val, path[i:], depth+1)...)
				}
			}
		}
		return out
	case *ast.SelectorExpr:
		// A package-level variable of another package has no visible definition.
		if _, ok := d.info.Uses[x.Sel].(*types.Var); ok {
			if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
				if _, isPkg := d.info.Uses[id].(*types.PkgName); isPkg {
					return nil
				}
			}
		}
	case *ast.CallExpr:
		// A constructor of this package: conf := c.oauthConfig(), where
		// oauthConfig returns &oauth2.Config{...}.
		fn, _ := typeutil.Callee(d.info, x).(*types.Func)
		if fn == nil {
			return nil
		}
		var out []ast.Expr
		for _, r := range d.returns(fn) {
			if len(r.Results) == 1 {
				out = append(out, d.fieldValues(r.Results[0], path, depth+1)...)
			}
		}
		return out
	}
	return nil
}

// Assigned returns every expression assigned to v in the package: its
// initialiser, the right side of plain assignments and of +=. Tuple
// assignments (a, b := f()) are not recorded.
func (r *Result) Assigned(v *types.Var) []ast.Expr {
	if r == nil || r.defs == nil {
		return nil
	}
	return r.defs.Assigned(v)
}

// FieldValues returns the expressions the field path ("Endpoint", "TokenURL")
// of the struct value e is given: in the composite literals e is built from,
// and in assignments to fields of the variable e names.
func (r *Result) FieldValues(e ast.Expr, path ...string) []ast.Expr {
	if r == nil || r.defs == nil {
		return nil
	}
	return r.defs.fieldValues(e, path, 0)
}
