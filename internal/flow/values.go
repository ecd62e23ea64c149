package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"sync"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file answers, for a login, which values hold its session and where
// they leave the function. The answer is flow-insensitive (a session that
// escapes on one path is taken as handed over on all of them) and built
// from one graph per function and kind of session: an edge v -> w says
// that w receives a value that carries the session when v holds it, and
// each variable lists the places where its value would leave the function.
// A login's carriers are what its holder reaches in the graph.

// valueGraph is the carry graph of one function for one kind of session.
type valueGraph struct {
	f       *Func
	raw     bool
	holders []types.Type
	carry   map[types.Type]bool
	// carries is the package's record of which types carry a session of
	// these holder types, shared by the graphs of all its functions.
	carries *typeCarries
	edges   map[*types.Var][]*types.Var
	escapes map[*types.Var][]Escape
	inline  map[*ast.FuncLit]bool
	fresh   map[*types.Var]int8   // 0 unknown, 1 fresh, -1 not
	flows   map[flowKey]*Sessions // see SessionFlow (under f.mu)
}

// graph returns (building it once) the carry graph for sessions of the
// given holder types.
func (f *Func) graph(raw bool, holders []types.Type) *valueGraph {
	key := holdersKey(holders)
	if raw {
		key = "raw;" + key
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if g, ok := f.values[key]; ok {
		return g
	}
	g := f.newGraph(raw, holders)
	if f.values == nil {
		f.values = map[string]*valueGraph{}
	}
	f.values[key] = g
	return g
}

// holdersKey names a list of holder types.
func holdersKey(holders []types.Type) string {
	var key strings.Builder
	for _, t := range holders {
		key.WriteString(types.TypeString(t, nil))
		key.WriteByte(';')
	}
	return key.String()
}

// newGraph builds a carry graph (not kept: see graph).
func (f *Func) newGraph(raw bool, holders []types.Type) *valueGraph {
	g := &valueGraph{f: f, raw: raw, holders: holders, carry: map[types.Type]bool{},
		edges: map[*types.Var][]*types.Var{}, escapes: map[*types.Var][]Escape{},
		inline: f.inlineLits(), fresh: map[*types.Var]int8{}, carries: f.Env.carriesOf(holders)}
	g.build()
	return g
}

// typeCarries is which types carry a session of given holder types (see
// valueGraph.typeCarries), as asked from the top: kept per package, since
// every function that logs in asks about the same client and result types.
type typeCarries struct {
	mu sync.Mutex
	m  map[types.Type]bool
}

// carriesOf returns the package's record for the holder types.
func (e *Env) carriesOf(holders []types.Type) *typeCarries {
	key := holdersKey(holders)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.carries == nil {
		e.carries = map[string]*typeCarries{}
	}
	c := e.carries[key]
	if c == nil {
		c = &typeCarries{m: map[types.Type]bool{}}
		e.carries[key] = c
	}
	return c
}

func (g *valueGraph) info() *types.Info { return g.f.Env.Info }

func (g *valueGraph) edge(src []*types.Var, w *types.Var) {
	for _, v := range src {
		if v != w {
			g.edges[v] = append(g.edges[v], w)
		}
	}
}

func (g *valueGraph) escape(src []*types.Var, e Escape) {
	for _, v := range src {
		g.escapes[v] = append(g.escapes[v], e)
	}
}

func (g *valueGraph) build() {
	f := g.f
	for _, bn := range f.nodes {
		if bn.inGo {
			continue // captured with its go statement
		}
		switch n := bn.n.(type) {
		case *ast.FuncLit:
			if n != f.Node && !g.inline[n] {
				g.escape(usedVars(g.info(), n), Escape{Node: n, Kind: Captured})
			}
		case *ast.GoStmt:
			g.escape(usedVars(g.info(), n), Escape{Node: n, Kind: Captured})
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				g.escape(g.src(r), Escape{Node: n, Kind: Returned})
			}
		case *ast.SendStmt:
			g.escape(g.src(n.Value), Escape{Node: n, Kind: Sent})
		case *ast.AssignStmt:
			g.assign(n, n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			g.assign(n, lhs, n.Values)
		case *ast.RangeStmt:
			src := g.src(n.X)
			g.sink(n, src, n.Key)
			g.sink(n, src, n.Value)
		case *ast.CallExpr:
			g.call(n)
		}
	}
}

func (g *valueGraph) assign(n ast.Node, lhs, rhs []ast.Expr) {
	switch {
	case len(lhs) == len(rhs):
		for i := range lhs {
			g.sink(n, g.src(rhs[i]), lhs[i])
		}
	case len(rhs) == 1:
		src := g.src(rhs[0])
		tuple, _ := g.info().TypeOf(rhs[0]).(*types.Tuple)
		for i, l := range lhs {
			if tuple != nil && i < tuple.Len() && inert(tuple.At(i).Type()) {
				continue
			}
			g.sink(n, src, l)
		}
	}
}

// sink records that lhs receives a value carrying what src carries: a
// local variable then carries it; anything else (a field, a global, an
// element of a map or slice the function does not own) is an escape.
func (g *valueGraph) sink(n ast.Node, src []*types.Var, lhs ast.Expr) {
	if len(src) == 0 || lhs == nil || IsBlank(lhs) {
		return
	}
	info := g.info()
	if t := info.TypeOf(lhs); t != nil && inert(t) {
		return
	}
	var root *types.Var
	id, isIdent := ast.Unparen(lhs).(*ast.Ident)
	if isIdent {
		root, _ = info.ObjectOf(id).(*types.Var)
	} else {
		root = RootVar(info, lhs)
	}
	if root == nil || !g.f.Local(root) {
		g.escape(src, Escape{Node: n, Kind: Stored})
		return
	}
	if !isIdent && isPointerLike(root.Type()) && !g.isFresh(root) {
		// m[k] = c, p.f = c where the local m or p refers to someone
		// else's map or struct (m := s.cache).
		g.escape(src, Escape{Node: n, Kind: Stored})
		return
	}
	g.edge(src, root)
}

// call records what a call does with the values handed to it: a plain API
// call on the session is a use; handing it to a function that borrows it
// (its OwnerFact says so) is a use; handing it to any other function is an
// escape, except to the standard library's computing functions, whose
// pointer arguments then carry it on.
func (g *valueGraph) call(call *ast.CallExpr) {
	info := g.info()
	env := g.f.Env
	if env.IsLogoutCall(call) {
		return
	}
	if c := env.Lookup(call); c != nil && c.Kind == sfapi.Login {
		return // a login's arguments are its credentials and the client it logs in on
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return // a conversion: see src
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, _ := info.ObjectOf(id).(*types.Var); v != nil {
			g.escape([]*types.Var{v}, Escape{Node: call, Kind: Passed}) // a func value taken from the session (c.Logout as a value)
		}
	}
	callee := typeutil.Callee(info, call)
	if b, ok := callee.(*types.Builtin); ok {
		if b.Name() == "copy" && len(call.Args) == 2 {
			g.sink(call, g.src(call.Args[1]), call.Args[0])
		}
		return
	}
	fn, _ := callee.(*types.Func)
	var recv ast.Expr
	var recvRoot *types.Var // a method on it is a plain API call on the session
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			recv = sel.X
			recvRoot = RootVar(info, sel.X)
		}
	}
	if !computes(fn) {
		var owner *OwnerFact
		if fn != nil {
			owner = env.Owner(fn)
		}
		for i, a := range call.Args {
			if owner.Borrowed(i) {
				continue
			}
			g.escape(g.src(a), Escape{Node: call, Kind: Passed, unless: recvRoot})
		}
		return
	}
	var all []*types.Var
	for _, a := range call.Args {
		all = append(all, g.src(a)...)
	}
	if recv != nil {
		if fn != nil && mutators[fn.Name()] {
			g.sink(call, all, recv) // req.Header.Set("Authorization", "Bearer "+sid)
		}
		all = append(all, g.src(recv)...)
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			g.sink(call, all, u.X) // json.Unmarshal(body, &v)
			continue
		}
		if t := info.TypeOf(a); t != nil && isReference(t) {
			if _, isIdent := a.(*ast.Ident); isIdent {
				g.sink(call, all, a) // xml.Unmarshal(body, env), io.ReadFull(r, buf)
			}
		}
	}
}

// src returns the variables whose carrying the session makes e carry it: a
// variable, a field that holds a session id or the client, a composite
// literal, concatenation or conversion of one, the session-bearing result
// of a method on it (GetSid, a builder returning the client), or a
// computation of the standard library on one. Booleans, numbers and errors
// never carry it.
func (g *valueGraph) src(e ast.Expr) []*types.Var {
	var out []*types.Var
	g.srcInto(e, &out)
	return out
}

func (g *valueGraph) srcInto(e ast.Expr, out *[]*types.Var) {
	if e == nil {
		return
	}
	info := g.info()
	e = ast.Unparen(e)
	if t := info.TypeOf(e); t != nil && inert(t) {
		return
	}
	switch e := e.(type) {
	case *ast.Ident:
		if v, _ := info.Uses[e].(*types.Var); v != nil && !v.IsField() {
			*out = append(*out, v)
		}
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok {
			// A qualified identifier: a package-level variable of another package.
			return
		}
		if sel.Kind() != types.FieldVal || g.raw || SessionName(e.Sel.Name) || g.typeCarries(sel.Type(), 0) {
			g.srcInto(e.X, out)
		}
	case *ast.StarExpr:
		g.srcInto(e.X, out)
	case *ast.UnaryExpr:
		g.srcInto(e.X, out)
	case *ast.IndexExpr:
		g.srcInto(e.X, out)
	case *ast.IndexListExpr:
		g.srcInto(e.X, out)
	case *ast.SliceExpr:
		g.srcInto(e.X, out)
	case *ast.TypeAssertExpr:
		g.srcInto(e.X, out)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			g.srcInto(e.X, out)
			g.srcInto(e.Y, out)
		}
	case *ast.KeyValueExpr:
		g.srcInto(e.Value, out)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			g.srcInto(elt, out)
		}
	case *ast.FuncLit:
		*out = append(*out, usedVars(info, e)...)
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			if len(e.Args) == 1 {
				g.srcInto(e.Args[0], out)
			}
			return
		}
		callee := typeutil.Callee(info, e)
		if b, ok := callee.(*types.Builtin); ok {
			switch b.Name() {
			case "append", "min", "max":
				for _, a := range e.Args {
					g.srcInto(a, out)
				}
			}
			return
		}
		// A method called on the session: its result carries it when it is
		// a session id (GetSid) or of a type that can hold the session.
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				if root := RootVar(info, sel.X); root != nil && g.resultCarries(e, sel) {
					*out = append(*out, root)
				}
			}
		}
		fn, _ := callee.(*types.Func)
		if !computes(fn) {
			return
		}
		for _, a := range e.Args {
			g.srcInto(a, out)
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if _, isMethod := info.Selections[sel]; isMethod {
				g.srcInto(sel.X, out)
			}
		}
	}
}

// resultCarries reports whether the result of a method called on the
// session carries it.
func (g *valueGraph) resultCarries(call *ast.CallExpr, sel *ast.SelectorExpr) bool {
	if g.raw || SessionName(strings.TrimPrefix(sel.Sel.Name, "Get")) {
		return true
	}
	t := g.info().TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok {
		for i := 0; i < tuple.Len(); i++ {
			if g.typeCarries(tuple.At(i).Type(), 0) {
				return true
			}
		}
		return false
	}
	return t != nil && g.typeCarries(t, 0)
}

// typeCarries reports whether a value of type t can hold the session: it is
// the holder's type, or a struct (or pointer, slice, map of one) with a
// session-id field or a field of such a type.
func (g *valueGraph) typeCarries(t types.Type, depth int) bool {
	if t == nil || depth > 3 {
		return false
	}
	t = types.Unalias(t)
	for _, ht := range g.holders {
		if types.Identical(Deref(t), ht) {
			return true
		}
	}
	if v, ok := g.carry[t]; ok {
		return v
	}
	if depth == 0 {
		// Asked from the top, the answer is the package's: another
		// function may have worked it out.
		g.carries.mu.Lock()
		v, ok := g.carries.m[t]
		g.carries.mu.Unlock()
		if ok {
			return v
		}
		defer func() {
			v := g.carry[t]
			g.carries.mu.Lock()
			g.carries.m[t] = v
			g.carries.mu.Unlock()
		}()
	}
	g.carry[t] = false // breaks cycles
	res := false
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		res = g.typeCarries(u.Elem(), depth)
	case *types.Struct:
		for i := 0; i < u.NumFields() && !res; i++ {
			fl := u.Field(i)
			res = (SessionName(fl.Name()) && !inert(fl.Type())) || g.typeCarries(fl.Type(), depth+1)
		}
	case *types.Slice:
		res = g.typeCarries(u.Elem(), depth+1)
	case *types.Array:
		res = g.typeCarries(u.Elem(), depth+1)
	case *types.Map:
		res = g.typeCarries(u.Elem(), depth+1) || g.typeCarries(u.Key(), depth+1)
	case *types.Chan:
		res = g.typeCarries(u.Elem(), depth+1)
	}
	g.carry[t] = res
	return res
}

// isFresh reports whether every value the function assigns to v is a new
// one (see Func.Fresh).
func (g *valueGraph) isFresh(v *types.Var) bool {
	switch g.fresh[v] {
	case 1:
		return true
	case -1:
		return false
	}
	ok := g.f.Fresh(v)
	g.fresh[v] = -1
	if ok {
		g.fresh[v] = 1
	}
	return ok
}

// Fresh reports whether every value the function assigns to the local v
// is a new one: a composite literal, new(T), nil, or a call of a
// constructor (a function named New..., or declared in the package of v's
// type). A client taken from a field, a parameter or a pool belongs to
// someone else.
func (f *Func) Fresh(v *types.Var) bool {
	defs := f.defs[v]
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		e := d.Rhs
		if e == nil {
			e = d.Tuple
		}
		switch n := d.Node.(type) {
		case *ast.AssignStmt:
			if e == nil || !f.freshExpr(e, v) {
				return false
			}
		case *ast.ValueSpec:
			switch {
			case e != nil:
				if !f.freshExpr(e, v) {
					return false
				}
			case len(n.Values) == 0:
				if isPointerLike(v.Type()) {
					return false
				}
			}
		case *ast.UnaryExpr:
			// &v handed to a call: it may fill v with anything.
		default:
			return false
		}
	}
	return true
}

func (f *Func) freshExpr(e ast.Expr, v *types.Var) bool {
	info := f.Env.Info
	e = ast.Unparen(e)
	if isNil(info, e) {
		return true // c = nil after the logout
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		switch fn := typeutil.Callee(info, e).(type) {
		case *types.Builtin:
			return fn.Name() == "new"
		case *types.Func:
			if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
				return false
			}
			name := fn.Name()
			if strings.HasPrefix(name, "New") || strings.HasPrefix(name, "new") {
				return true
			}
			if n, ok := types.Unalias(Deref(v.Type())).(*types.Named); ok && n.Obj().Pkg() != nil && fn.Pkg() == n.Obj().Pkg() {
				return true
			}
		}
	}
	return false
}

// inlineLits returns the function literals under n that run before the
// function returns: deferred ones and ones called on the spot (not in a go
// statement).
func inlineLits(n ast.Node) map[*ast.FuncLit]bool {
	inline := map[*ast.FuncLit]bool{}
	astwalk.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.GoStmt:
			return false
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(m.Fun).(*ast.FuncLit); ok {
				inline[lit] = true
			}
		}
		return true
	})
	return inline
}

// inlineLits is inlineLits of the body, from the nodes index gathered.
func (f *Func) inlineLits() map[*ast.FuncLit]bool {
	inline := map[*ast.FuncLit]bool{}
	for _, bn := range f.nodes {
		if call, ok := bn.n.(*ast.CallExpr); ok && !bn.inGo {
			if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
				inline[lit] = true
			}
		}
	}
	return inline
}

// InlineLits returns the function literals under n that run before the
// function returns: deferred ones and ones called on the spot.
func InlineLits(n ast.Node) map[*ast.FuncLit]bool { return inlineLits(n) }

// usedVars returns the variables (not fields) n reads.
func usedVars(info *types.Info, n ast.Node) []*types.Var {
	var out []*types.Var
	astwalk.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok {
			if v, _ := info.Uses[id].(*types.Var); v != nil && !v.IsField() {
				out = append(out, v)
			}
		}
		return true
	})
	return out
}

// inert reports whether values of type t cannot carry a session: booleans,
// numbers, errors and untyped nil.
func inert(t types.Type) bool {
	if t == nil {
		return false
	}
	if isError(t) {
		return true
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&(types.IsBoolean|types.IsNumeric) != 0 || b.Kind() == types.UntypedNil
	}
	return false
}

// Inert reports whether values of type t cannot carry a session: booleans,
// numbers, errors and untyped nil.
func Inert(t types.Type) bool { return inert(t) }

// SessionName reports whether a field or method name denotes a session id
// or token (SessionId, Sid, AccessToken, RefreshToken, Token).
func SessionName(name string) bool {
	switch RoleOfName(name) {
	case sfapi.SessionID, sfapi.RefreshToken:
		return true
	}
	n := strings.ToLower(name)
	return n == "token" || n == "session" || n == "sessiontoken"
}

// RoleOfName guesses the credential role of a parameter or field from its name.
func RoleOfName(name string) sfapi.Role {
	n := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	switch {
	case n == "":
		return sfapi.RoleNone
	case strings.Contains(n, "securitytoken") || n == "token" || n == "sectoken":
		return sfapi.SecurityToken
	case strings.Contains(n, "clientsecret") || strings.Contains(n, "consumersecret"):
		return sfapi.ClientSecret
	case strings.Contains(n, "sessionid") || n == "sid" || strings.Contains(n, "accesstoken"):
		return sfapi.SessionID
	case strings.Contains(n, "refreshtoken"):
		return sfapi.RefreshToken
	case strings.Contains(n, "password") || n == "pass" || n == "pwd" || n == "passwd":
		return sfapi.Password
	case strings.Contains(n, "username") || n == "user" || n == "login":
		return sfapi.Username
	}
	return sfapi.RoleNone
}

// computing lists the standard-library packages whose functions only
// compute with their arguments (format, parse, build a request, read a
// response): passing the session to them is not handing it over.
var computing = map[string]bool{
	"bufio": true, "bytes": true, "context": true, "encoding/base64": true, "encoding/hex": true,
	"encoding/json": true, "encoding/xml": true, "errors": true, "fmt": true, "html": true,
	"io": true, "io/ioutil": true, "log": true, "log/slog": true, "maps": true, "mime": true,
	"net/http": true, "net/url": true, "path": true, "regexp": true, "slices": true,
	"sort": true, "strconv": true, "strings": true, "time": true, "unicode/utf8": true,
}

// sinkNames are functions and methods of those packages that write their
// argument somewhere (a writer, a cookie, the environment): handing it over.
var sinkNames = map[string]bool{
	"Write": true, "WriteString": true, "WriteAt": true, "WriteTo": true, "WriteByte": true,
	"WriteRune": true, "Encode": true, "EncodeElement": true, "EncodeToken": true, "SetCookie": true,
	"Fprint": true, "Fprintf": true, "Fprintln": true, "Copy": true, "CopyN": true, "CopyBuffer": true,
	"Redirect": true, "Serve": true, "ServeContent": true, "Handle": true, "HandleFunc": true,
}

// mutators are methods of those packages that store an argument in their receiver.
var mutators = map[string]bool{"Set": true, "Add": true, "SetBasicAuth": true, "AddCookie": true, "Store": true}

func computes(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && computing[fn.Pkg().Path()] && !sinkNames[fn.Name()]
}

// Deref returns the element type of a pointer type, t itself otherwise.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// isReference reports whether a value of type t lets a callee store into
// memory the caller sees: a pointer, a slice or a map.
func isReference(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map:
		return true
	}
	return false
}

func isPointerLike(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface, *types.Chan, *types.Signature:
		return true
	}
	return false
}
