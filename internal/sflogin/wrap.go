package sflogin

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
)

// deriveFacts computes the LoginFacts and ClassifierFacts of the package's
// functions to a fixpoint (wrappers of wrappers in the same package), then
// exports them.
func (st *state) deriveFacts() {
	info := st.pass.TypesInfo
	for _, n := range st.nodes.Defs {
		if as, ok := n.(*ast.AssignStmt); ok {
			st.noteRequest(as)
		}
	}
	type decl struct {
		fd    *ast.FuncDecl
		obj   *types.Func
		calls []*ast.CallExpr // the calls of the body, outside function literals
	}
	decls := make([]decl, 0, len(st.nodes.FuncDecls))
	callers := map[*types.Func][]int{} // a function of this package -> the decls that call it
	// The bodies' calls and visited nodes are parts of two lists, sized
	// from the package's calls, assignments and returns.
	allCalls := make([]*ast.CallExpr, 0, len(st.nodes.Calls))
	allNodes := make([]ast.Node, 0, len(st.nodes.Calls)+len(st.nodes.Defs)+st.nodes.Returns)
	for _, fd := range st.nodes.FuncDecls {
		if fd.Body == nil {
			continue
		}
		obj, ok := info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		i := len(decls)
		var seen map[*types.Func]bool // made at the first call of a function of the package
		called := func(call *ast.CallExpr) {
			if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && fn.Pkg() == st.pass.Pkg && !seen[fn] {
				if seen == nil {
					seen = map[*types.Func]bool{}
				}
				seen[fn] = true
				callers[fn] = append(callers[fn], i)
			}
		}
		c0, n0 := len(allCalls), len(allNodes)
		st.nodes.EachInBody(fd, func(n ast.Node, inLit bool) {
			switch n := n.(type) {
			case *ast.CallExpr:
				called(n)
				if !inLit { // a literal's calls count for callers, not for the body's own
					allCalls = append(allCalls, n)
					allNodes = append(allNodes, n)
				}
			case *ast.AssignStmt, *ast.ReturnStmt:
				if !inLit {
					allNodes = append(allNodes, n) // what inspectBody visits in the body
				}
			}
		})
		st.bodies[fd.Body] = allNodes[n0:len(allNodes):len(allNodes)]
		decls = append(decls, decl{fd, obj, allCalls[c0:len(allCalls):len(allCalls)]})
	}
	// A worklist: every decl once, then again only the callers of a function
	// that has just become a wrapper or a classifier (wrappers of wrappers).
	// Each function gains each fact at most once, so this terminates.
	pending := make([]bool, len(decls))
	work := make([]int, len(decls))
	for i := range decls {
		work[i] = i
		pending[i] = true
	}
	for len(work) > 0 {
		i := work[0]
		work = work[1:]
		pending[i] = false
		d := decls[i]
		changed := false
		if _, ok := st.logins[d.obj]; !ok && st.callsSalesforce(d.calls) {
			if f := st.wrapperFact(d.fd); f != nil {
				st.logins[d.obj] = f
				changed = true
			}
		}
		if !st.classifiers[d.obj] && st.isClassifierDecl(d.fd) {
			st.classifiers[d.obj] = true
			changed = true
		}
		if changed {
			for _, c := range callers[d.obj] {
				if !pending[c] {
					pending[c] = true
					work = append(work, c)
				}
			}
		}
	}
	// A client library's own functions are modelled by its rows: a
	// function that logs in again inside (go-salesforce's DoRequest on an
	// expired session) exports no wrapper fact, else every API call of its
	// users would be a login. The library's own code is still checked.
	library := st.model.IsLibrary(st.pass.Pkg)
	for _, d := range decls {
		if f, ok := st.logins[d.obj]; ok && !library {
			st.pass.ExportObjectFact(d.obj, f)
		}
		if st.classifiers[d.obj] {
			st.pass.ExportObjectFact(d.obj, new(ClassifierFact))
		}
	}
	if len(st.logins) > 0 || len(st.classifiers) > 0 {
		st.pass.ExportPackageFact(new(PackageFact))
	}
}

// callsSalesforce reports whether one of the calls logs in or out: only a
// body that makes one can be a wrapper.
func (st *state) callsSalesforce(calls []*ast.CallExpr) bool {
	for _, call := range calls {
		if c := st.resolve(call); c != nil && (c.Kind == sfapi.Login || c.Kind == sfapi.Logout) {
			return true
		}
	}
	return false
}

// wrapperFact returns the fact for a function that logs in and hands the
// session, the client or the login error back to its caller; or that logs out
// the session its receiver or a parameter holds. It returns nil otherwise.
func (st *state) wrapperFact(fd *ast.FuncDecl) *LoginFact {
	sig, _ := st.pass.TypesInfo.Defs[fd.Name].Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	return st.bodyFact(fd.Body, sig)
}

// bodyFact is wrapperFact for a function body (of a declaration or a
// literal) and its signature.
func (st *state) bodyFact(body *ast.BlockStmt, sig *types.Signature) *LoginFact {
	owners := map[*types.Var]bool{} // receiver and parameters: the caller's objects
	params := map[*types.Var]int{}
	if sig.Recv() != nil {
		owners[sig.Recv()] = true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		owners[sig.Params().At(i)] = true
		params[sig.Params().At(i)] = i
	}
	// Every login handed back counts: a wrapper may log in twice (a
	// metadata client, then a SOAP client) and hand both back; the session
	// that must be ended is the one the fact records.
	var fact *LoginFact
	st.inspectBody(body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok || (fact != nil && (fact.Kind == sfapi.Logout || fact.Logout != "")) {
			return
		}
		c := st.resolve(call)
		if c == nil || (c.Kind != sfapi.Login && c.Kind != sfapi.Logout) {
			return
		}
		if c.Kind == sfapi.Logout {
			if v := flow.RootVar(st.pass.TypesInfo, c.Recv); v != nil && owners[v] && fact == nil {
				fact = &LoginFact{API: c.APIName(), Kind: sfapi.Logout, Err: sfapi.NoResult, Session: sfapi.InReceiver}
			}
			return
		}
		f := st.handsBack(body, sig, call, c, owners)
		if f == nil {
			return
		}
		for _, ra := range c.Args {
			for _, src := range credSources(st.pass.TypesInfo, ra.Expr, 0) {
				if i, ok := params[src.v]; ok {
					cp := CredParam{Param: i, Role: ra.Role, Field: src.field}
					if !slices.Contains(f.Creds, cp) {
						f.Creds = append(f.Creds, cp)
					}
				}
			}
		}
		if fact == nil || (fact.Logout == "" && f.Logout != "" && f.Session != sfapi.NoResult) {
			fact = f
		}
	})
	if fact != nil && fact.Kind == sfapi.Login && st.sharedSession(body, sig, fact) {
		fact.Shared = true
	}
	return fact
}

// sharedSession reports whether a wrapper hands out a cached session: it
// returns a package-level variable, or a field of its receiver or a
// parameter, as the session, and also stores a new session there (if
// cached != nil { return cached }; ...; cached = c).
func (st *state) sharedSession(body *ast.BlockStmt, sig *types.Signature, f *LoginFact) bool {
	if f.Session < 0 || f.Session >= sig.Results().Len() {
		return false
	}
	info := st.pass.TypesInfo
	cacheOf := func(e ast.Expr) (string, bool) {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.Ident:
			if v, ok := info.Uses[x].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				return x.Name, true
			}
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
				if root := flow.RootVar(info, x.X); root != nil && (root == sig.Recv() || isParam(sig, root)) {
					return types.ExprString(x), true
				}
			}
		}
		return "", false
	}
	returned, stored := map[string]bool{}, map[string]bool{}
	st.inspectBody(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			if f.Session < len(n.Results) && len(n.Results) == sig.Results().Len() {
				if k, ok := cacheOf(n.Results[f.Session]); ok {
					returned[k] = true
				}
			}
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if k, ok := cacheOf(lhs); ok {
					stored[k] = true
				}
				// cached, err := login() declares a local that shadows the
				// package-level cache: a store meant for it (sessionreuse
				// reports the broken cache), so the session is still the
				// shared one, not the caller's to end.
				if id, ok := lhs.(*ast.Ident); ok && n.Tok == token.DEFINE && info.Defs[id] != nil {
					if g, ok := st.pass.Pkg.Scope().Lookup(id.Name).(*types.Var); ok && g != info.Defs[id] {
						stored[id.Name] = true
					}
				}
			}
		}
	})
	for k := range returned {
		if stored[k] {
			return true
		}
	}
	return false
}

func isParam(sig *types.Signature, v *types.Var) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return true
		}
	}
	return false
}

// handsBack works out whether the login call's error or session reaches the
// function's results (or its receiver and parameters).
func (st *state) handsBack(body *ast.BlockStmt, sig *types.Signature, call *ast.CallExpr, c *Call, owners map[*types.Var]bool) *LoginFact {
	info := st.pass.TypesInfo
	errVars := map[*types.Var]bool{}
	sessVars := map[*types.Var]bool{}
	f := &LoginFact{API: c.APIName(), Kind: sfapi.Login, Err: sfapi.NoResult, Session: sfapi.NoResult,
		Logout: c.Logout(), Vocab: c.Vocab()}

	// Where do the call's results go?
	nres := 0
	if cs, ok := info.TypeOf(call).(*types.Tuple); ok {
		nres = cs.Len()
	} else if info.TypeOf(call) != nil {
		nres = 1
	}
	directReturn := false
	st.inspectBody(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == call && len(n.Lhs) == nres {
				for i, lhs := range n.Lhs {
					v := lhsVar(info, lhs)
					if v == nil {
						continue
					}
					if i == c.Err {
						errVars[v] = true
					} else if i == c.Session {
						sessVars[v] = true
					}
				}
			}
		case *ast.ReturnStmt:
			for i, r := range n.Results {
				if ast.Unparen(r) != call {
					continue
				}
				directReturn = true
				if len(n.Results) == 1 && nres > 1 {
					if c.Err >= 0 {
						f.Err = c.Err
					}
					if c.Session >= 0 {
						f.Session = c.Session
					}
				} else if c.Err >= 0 && nres == 1 {
					f.Err = i
				} else if c.Session >= 0 && nres == 1 {
					f.Session = i
				}
			}
		}
	})
	if c.Session == sfapi.InReceiver {
		if v := flow.RootVar(info, c.Recv); v != nil {
			if owners[v] {
				f.Session = sfapi.InReceiver
			} else {
				sessVars[v] = true
			}
		}
	}
	st.propagate(body, info, errVars)
	st.propagate(body, info, sessVars)
	if c.Endpoint != nil {
		// A hand-written login: the session is in the response's body, and
		// the login fault too; the call's error is a transport error,
		// whose wrapping (%v or %w) says nothing about the login.
		st.rawHandsBack(body, sig, call, f, sessVars, owners)
	}

	// Results reached through variables; sessions stored on the caller's objects.
	st.inspectBody(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			if len(n.Results) == 0 && sig.Results().Len() > 0 {
				for i := 0; i < sig.Results().Len(); i++ {
					v := sig.Results().At(i)
					if errVars[v] && f.Err < 0 {
						f.Err = i
					}
					if sessVars[v] && f.Session == sfapi.NoResult {
						f.Session = i
					}
				}
				return
			}
			for i, r := range n.Results {
				if f.Err < 0 && flowsFrom(info, r, errVars) {
					f.Err = i
				}
				if f.Session == sfapi.NoResult && flowsFrom(info, r, sessVars) {
					f.Session = i
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if i >= len(n.Rhs) || len(n.Lhs) != len(n.Rhs) {
					break
				}
				if _, isSel := ast.Unparen(lhs).(*ast.SelectorExpr); !isSel {
					continue
				}
				if v := flow.RootVar(info, lhs); v != nil && owners[v] && flowsFrom(info, n.Rhs[i], sessVars) && f.Session == sfapi.NoResult {
					f.Session = sfapi.InReceiver
				}
			}
		}
	})
	_ = directReturn
	if f.Err == sfapi.NoResult && f.Session == sfapi.NoResult {
		return nil
	}
	return f
}

// propagate closes the set of variables under assignments whose right side flows from one of them.
func (st *state) propagate(body *ast.BlockStmt, info *types.Info, vars map[*types.Var]bool) {
	for changed := true; changed; {
		changed = false
		st.inspectBody(body, func(n ast.Node) {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return
			}
			for i, lhs := range as.Lhs {
				v := lhsVar(info, lhs)
				if v != nil && !vars[v] && flowsFrom(info, as.Rhs[i], vars) {
					vars[v] = true
					changed = true
				}
			}
		})
	}
}

// flowsFrom reports whether the value of e carries one of vars: the variable
// itself, its address, a field of it, a composite literal holding it, or an
// error wrapping it with %w (fmt.Errorf) or errors.Join.
func flowsFrom(info *types.Info, e ast.Expr, vars map[*types.Var]bool) bool {
	if len(vars) == 0 || e == nil {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.ObjectOf(e).(*types.Var)
		return v != nil && vars[v]
	case *ast.UnaryExpr:
		return e.Op == token.AND && flowsFrom(info, e.X, vars)
	case *ast.StarExpr:
		return flowsFrom(info, e.X, vars)
	case *ast.SelectorExpr:
		return flowsFrom(info, e.X, vars)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if flowsFrom(info, elt, vars) {
				return true
			}
		}
	case *ast.CallExpr:
		if WrapsWithW(info, e) {
			for _, a := range e.Args[1:] {
				if flowsFrom(info, a, vars) {
					return true
				}
			}
		}
		if fn, _ := typeutil.Callee(info, e).(*types.Func); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && fn.Name() == "Join" {
			for _, a := range e.Args {
				if flowsFrom(info, a, vars) {
					return true
				}
			}
		}
	}
	return false
}

// WrapsWithW reports whether call is fmt.Errorf with a %w verb in a constant format.
func WrapsWithW(info *types.Info, call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Errorf" || len(call.Args) < 2 {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && strings.Contains(constant.StringVal(tv.Value), "%w")
}

// inspectBody visits, in source order, the calls, assignments and return
// statements of a function body, not entering function literals: every
// question the wrapper derivation asks of a body is about those. A body is
// walked once; later visits read the nodes then recorded.
func (st *state) inspectBody(body *ast.BlockStmt, f func(ast.Node)) {
	nodes, ok := st.bodies[body]
	if !ok {
		astwalk.Inspect(body, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr, *ast.AssignStmt, *ast.ReturnStmt:
				nodes = append(nodes, n)
			}
			return true
		})
		st.bodies[body] = nodes
	}
	for _, n := range nodes {
		f(n)
	}
}

// lhsVar returns the variable assigned by an identifier on the left of an assignment.
func lhsVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// credSource is a variable a credential is read from, or a field of it.
type credSource struct {
	v     *types.Var
	field string // "ClientSecret", "Creds.Password"; "" for the variable itself
}

// credSources returns where a credential expression reads its value from:
// variables and their struct fields (c.ClientSecret), through +
// concatenation, fmt.Sprint/Sprintf (fmt.Sprintf("%v%v", c.Password,
// c.Token)), strings.Join, strings.TrimSpace and conversions.
func credSources(info *types.Info, e ast.Expr, depth int) []credSource {
	if depth > 6 {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok && !v.IsField() {
			return []credSource{{v: v}}
		}
	case *ast.SelectorExpr:
		var path []string
		var x ast.Expr = e
		for {
			sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
			if !ok {
				break
			}
			if s, ok := info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
				return nil
			}
			path = append([]string{sel.Sel.Name}, path...)
			x = sel.X
		}
		if id, ok := ast.Unparen(x).(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok && !v.IsField() {
				return []credSource{{v: v, field: strings.Join(path, ".")}}
			}
		}
	case *ast.StarExpr:
		return credSources(info, e.X, depth+1)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return append(credSources(info, e.X, depth+1), credSources(info, e.Y, depth+1)...)
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return credSources(info, e.Args[0], depth+1)
		}
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return nil
		}
		args := e.Args
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "fmt.Sprintf":
			if len(args) > 0 {
				args = args[1:]
			}
		case "fmt.Sprint", "strings.TrimSpace", "strings.Clone":
		case "strings.Join":
			if len(args) != 2 {
				return nil
			}
			lit, ok := ast.Unparen(args[0]).(*ast.CompositeLit)
			if !ok {
				return nil
			}
			args = lit.Elts
		default:
			return nil
		}
		var out []credSource
		for _, a := range args {
			out = append(out, credSources(info, a, depth+1)...)
		}
		return out
	}
	return nil
}
