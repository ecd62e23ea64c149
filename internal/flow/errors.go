package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file answers what a node does with the login's error: whether it
// inspects the fault code, only logs the error, or hands it to code the
// model does not follow.

// Use is what a node does with the values that hold the login's error.
type Use uint8

// The uses, from weakest to strongest.
const (
	// NoUse: nothing, or a plain read (a comparison, a method call on it).
	NoUse Use = iota
	// Sunk: only logged, printed, written to an HTTP response, or passed to
	// panic: the error goes nowhere a program can act on it.
	Sunk
	// Handed: stored in a field, a global, a map or a slice, sent on a
	// channel, captured by a closure, or handed to a function that is not a
	// logger: whoever receives it deals with it.
	Handed
)

// UseOf says what CFG node n does with the values that hold the login's
// error on a path in state st, and for Sunk how ("logged", "printed",
// "written to the HTTP response", "passed to panic").
func (l *Login) UseOf(n ast.Node, st State) (Use, string) {
	if touch, ok := l.touches(n, st.Live|st.Carry); ok && !touch {
		return NoUse, "" // nothing in n holds the error
	}
	use, detail := NoUse, ""
	var stack []ast.Node
	astwalk.Inspect(n, func(m ast.Node) bool {
		if m == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if use == Handed {
			return false
		}
		if lit, ok := m.(*ast.FuncLit); ok {
			if l.Mentions(st, lit) {
				use = Handed // captured by a closure
			}
			return false
		}
		if id, ok := m.(*ast.Ident); ok {
			if v, ok := l.Fn.Env.Info.Uses[id].(*types.Var); ok && l.Holds(st, v) {
				k, d := l.useIn(id, stack)
				if k > use {
					use, detail = k, d
				} else if k == Sunk && use == Sunk && detail == "" {
					detail = d
				}
			}
		}
		stack = append(stack, m)
		return true
	})
	return use, detail
}

// useIn classifies the use of a variable holding the error by the
// expressions around it, up to the CFG node: anc are the ancestors of id
// from the node down (empty when id is the node).
func (l *Login) useIn(id *ast.Ident, anc []ast.Node) (Use, string) {
	env := l.Fn.Env
	info := env.Info
	var child ast.Node = id
	parent := func(i int) ast.Node {
		if j := len(anc) - 1 - i; j >= 0 {
			return anc[j]
		}
		return nil
	}
	for up := 0; len(anc) > 0 && child != anc[0]; up++ {
		p := parent(up)
		if p == nil {
			return Handed, ""
		}
		switch p := p.(type) {
		case *ast.ParenExpr, *ast.StarExpr, *ast.CompositeLit, *ast.KeyValueExpr:
		case *ast.SelectorExpr:
			if p.X != child {
				return NoUse, ""
			}
			if call, ok := parent(up + 1).(*ast.CallExpr); ok && call.Fun == p {
				if p.Sel.Name != "Error" && p.Sel.Name != "Unwrap" {
					return NoUse, "" // err.Temporary(), f.Is(...): a read
				}
				child = call
				up++
				continue
			}
		case *ast.CallExpr:
			if p.Fun == child {
				return NoUse, ""
			}
			if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
				break // a conversion
			}
			if b, ok := typeutil.Callee(info, p).(*types.Builtin); ok {
				switch b.Name() {
				case "panic":
					return Sunk, "passed to panic"
				case "len", "cap", "print", "println":
					return NoUse, ""
				}
				return Handed, "" // append...
			}
			fn := env.Callee(p)
			if fn == nil {
				return Handed, ""
			}
			if k := LogKind(info, fn, p); k != "" {
				return Sunk, k
			}
			if derives(fn) {
				break // fmt.Sprintf, errors.New, strings.*: a value made from it
			}
			if fn.Pkg() != nil && fn.Pkg().Path() == "errors" {
				return NoUse, "" // errors.Is, errors.As, errors.Unwrap
			}
			if env.IsClassifier(fn) || env.Model.IsClassifier(fn) {
				return NoUse, ""
			}
			if name := env.NoReturnName(p); name != "" {
				return Sunk, "passed to " + name
			}
			return Handed, ""
		case *ast.BinaryExpr:
			if p.Op != token.ADD {
				return NoUse, ""
			}
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return NoUse, ""
			}
			if call, ok := parent(up + 1).(*ast.CallExpr); ok && isFunc(info, call, "errors", "As") {
				return NoUse, ""
			}
			return Handed, ""
		case *ast.AssignStmt:
			for _, lhs := range p.Lhs {
				if lhs == child {
					return NoUse, "" // overwritten
				}
			}
			for i, r := range p.Rhs {
				if r != child {
					continue
				}
				var lhs ast.Expr
				if len(p.Lhs) == len(p.Rhs) {
					lhs = p.Lhs[i]
				} else if len(p.Lhs) > 0 {
					lhs = p.Lhs[0]
				}
				if IsBlank(lhs) || l.Fn.Own(identVar(info, lhs)) {
					return NoUse, "" // into a variable of the function: followed
				}
			}
			return Handed, "" // stored in a field, a global, a map...
		case *ast.ValueSpec, *ast.ReturnStmt, *ast.IfStmt, *ast.SwitchStmt, *ast.CaseClause,
			*ast.TypeSwitchStmt, *ast.TypeAssertExpr, *ast.ExprStmt, *ast.IncDecStmt, *ast.RangeStmt:
			return NoUse, ""
		case *ast.IndexExpr, *ast.IndexListExpr:
			return NoUse, ""
		default:
			return Handed, "" // sent on a channel, ...
		}
		child = p
	}
	return NoUse, ""
}

// loggerPkgs are logging packages (by last path element) whose functions and
// methods named like levels count as logging.
var loggerPkgs = map[string]bool{
	"klog": true, "glog": true, "logrus": true, "zap": true, "zerolog": true, "logr": true, "log15": true,
	"hclog": true, "slog": true, "kitlog": true,
}

var levelPrefixes = []string{"Print", "Info", "Warn", "Error", "Debug", "Trace", "Log", "Notice", "Crit", "Fatal", "Panic", "Exit"}

// LogKind says how a call that receives the error only reports it:
// "logged", "printed", "written to the HTTP response"; "" for other calls.
func LogKind(info *types.Info, fn *types.Func, call *ast.CallExpr) string {
	if fn.Pkg() == nil {
		return ""
	}
	path, name := fn.Pkg().Path(), fn.Name()
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if n, ok := types.Unalias(Deref(sig.Recv().Type())).(*types.Named); ok {
			recv = n.Obj().Name()
		}
	}
	switch path {
	case "log", "log/slog":
		return "logged"
	case "fmt":
		switch name {
		case "Print", "Printf", "Println":
			return "printed"
		case "Fprint", "Fprintf", "Fprintln":
			if len(call.Args) > 0 && isResponseWriter(info.TypeOf(call.Args[0])) {
				return "written to the HTTP response"
			}
			return "printed"
		}
	case "net/http":
		if name == "Error" && recv == "" {
			return "written to the HTTP response"
		}
		if name == "Write" && recv == "ResponseWriter" {
			return "written to the HTTP response"
		}
	case "testing":
		switch name {
		case "Log", "Logf", "Error", "Errorf", "Skip", "Skipf":
			return "logged"
		}
	}
	if name == "Write" || name == "WriteString" {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isResponseWriter(info.TypeOf(sel.X)) {
			return "written to the HTTP response"
		}
	}
	elem := path[strings.LastIndexByte(path, '/')+1:]
	if _, err := strconv.Atoi(strings.TrimPrefix(elem, "v")); err == nil && strings.HasPrefix(elem, "v") {
		elem = lastButOne(path)
	}
	if loggerPkgs[elem] || loggerPath(path) {
		for _, p := range levelPrefixes {
			if strings.HasPrefix(name, p) {
				return "logged"
			}
		}
		if loggerField(name) {
			return "logged" // logrus.WithError(err), zerolog's Err(err), zap.Any("err", err)
		}
	}
	return ""
}

func sigHasRecv(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

// isResponseWriter reports whether t is (or implements) net/http.ResponseWriter.
func isResponseWriter(t types.Type) bool {
	if t == nil {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil &&
		n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "ResponseWriter" {
		return true
	}
	ms := types.NewMethodSet(t)
	has := func(name string) bool {
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == name {
				return true
			}
		}
		return false
	}
	return has("Header") && has("Write") && has("WriteHeader")
}

// derives reports whether fn makes a new value out of its arguments (a
// string or an error), so that what matters is where that value goes.
func derives(fn *types.Func) bool {
	if fn.Pkg() == nil || sigHasRecv(fn) {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt":
		switch fn.Name() {
		case "Sprint", "Sprintf", "Sprintln", "Errorf":
			return true
		}
	case "errors":
		return fn.Name() == "New" || fn.Name() == "Join"
	case "strings", "strconv":
		return true
	}
	return false
}

// NoReturnName returns how messages name the function a call calls when it
// never returns ("panic", "os.Exit", "log.Fatal", "t.Fatal"), or "".
func (e *Env) NoReturnName(call *ast.CallExpr) string {
	if b, ok := typeutil.Callee(e.Info, call).(*types.Builtin); ok {
		if b.Name() == "panic" {
			return "panic"
		}
		return ""
	}
	fn := e.Callee(call)
	if fn == nil || fn.Pkg() == nil || e.MayReturn(call) {
		return ""
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch path {
	case "os", "runtime":
		return path + "." + name
	case "log":
		if sigHasRecv(fn) {
			return "(*log.Logger)." + name
		}
		return "log." + name
	case "testing":
		return "t." + name
	}
	return fn.Pkg().Name() + "." + name
}

func lastButOne(path string) string {
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return ""
	}
	path = path[:i]
	return path[strings.LastIndexByte(path, '/')+1:]
}

// isFunc reports whether call calls the package-level function pkg.name.
func isFunc(info *types.Info, call *ast.CallExpr, pkg, name string) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name && !sigHasRecv(fn)
}

// IsFunc reports whether call calls the package-level function pkg.name.
func IsFunc(info *types.Info, call *ast.CallExpr, pkg, name string) bool {
	return isFunc(info, call, pkg, name)
}

// ---------------------------------------------------------------------------
// Inspecting the fault code

// Inspects reports whether n inspects the login's fault on a path in state
// st: a test of the fault code (or a classifier call) on a value made from
// the error, a type switch on the error that names a fault type, or
// errors.As into a fault whose code the function reads.
func (l *Login) Inspects(n ast.Node, st State) bool {
	if touch, ok := l.touches(n, st.Live|st.Carry); ok && !touch {
		// Nothing in n holds the error; n is not the assignment of a type
		// switch on it either (the switch's subject would be in n).
		return false
	}
	env := l.Fn.Env
	if ts, ok := n.(ast.Stmt); ok && l.faultSwitch(ts, st) {
		return true
	}
	if !l.Mentions(st, n) {
		return false
	}
	if Inspects(env, n) {
		return true
	}
	found := false
	astwalk.Inspect(n, func(m ast.Node) bool {
		if call, ok := m.(*ast.CallExpr); ok && isFunc(env.Info, call, "errors", "As") && len(call.Args) == 2 {
			if u, ok := ast.Unparen(call.Args[1]).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if v := identVar(env.Info, u.X); v != nil && l.Fn.CodeRead(v) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// faultSwitch reports whether s is the Assign statement of a type switch
// on the error that names a fault type.
func (l *Login) faultSwitch(s ast.Stmt, st State) bool {
	ts, ok := l.Fn.Env.Parent(s).(*ast.TypeSwitchStmt)
	if !ok || ts.Assign != s || !l.Mentions(st, TypeSwitchSubject(ts)) {
		return false
	}
	for _, c := range ts.Body.List {
		if cc, ok := c.(*ast.CaseClause); ok && l.Fn.Env.faultCase(cc) {
			return true
		}
	}
	return false
}

// InspectsCase reports whether entering a case body of a type switch on
// the error inspects the fault (the case names a fault type).
func (l *Login) InspectsCase(cc *ast.CaseClause, st State) bool {
	ts := l.typeSwitchOf(cc)
	return ts != nil && l.Mentions(st, TypeSwitchSubject(ts)) && l.Fn.Env.faultCase(cc)
}

func (e *Env) faultCase(cc *ast.CaseClause) bool { return faultCase(e.Info, e.Model, cc) }

func faultCase(info *types.Info, model *sfapi.Model, cc *ast.CaseClause) bool {
	for _, t := range cc.List {
		if model.FaultNamed(info.TypeOf(t)) != nil {
			return true
		}
	}
	return false
}

// InspectsWhen reports whether evaluating condition x to truth certainly
// inspected the fault: the operands of && and || that may not have been
// evaluated do not count.
func (l *Login) InspectsWhen(x ast.Expr, truth bool, st State) bool {
	switch b := ast.Unparen(x).(type) {
	case *ast.BinaryExpr:
		switch b.Op {
		case token.LAND:
			if truth {
				return l.InspectsWhen(b.X, true, st) || l.InspectsWhen(b.Y, true, st)
			}
			return l.InspectsWhen(b.X, false, st) && (l.InspectsWhen(b.X, true, st) || l.InspectsWhen(b.Y, false, st))
		case token.LOR:
			if truth {
				return l.InspectsWhen(b.X, true, st) && (l.InspectsWhen(b.X, false, st) || l.InspectsWhen(b.Y, true, st))
			}
			return l.InspectsWhen(b.X, false, st) || l.InspectsWhen(b.Y, false, st)
		}
	case *ast.UnaryExpr:
		if b.Op == token.NOT {
			return l.InspectsWhen(b.X, !truth, st)
		}
	}
	return l.Inspects(x, st)
}

// CodeRead reports whether the function reads the fault-code field of the
// fault in variable v (var f *soapforce.SOAPFault; ... f.Code).
func (f *Func) CodeRead(v *types.Var) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.codeRead == nil {
		f.codeRead = map[*types.Var]bool{}
		astwalk.Inspect(f.Body, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && IsCodeField(f.Env, sel) {
				if w := identVar(f.Env.Info, sel.X); w != nil {
					f.codeRead[w] = true
				}
			}
			return true
		})
	}
	return f.codeRead[v]
}

// Inspects reports whether the subtree n inspects a login fault code: it
// reads the code field of a known fault type, asserts or switches on a
// fault type, compares a value with a known code constant (==, switch,
// strings.Contains, HasPrefix, HasSuffix, EqualFold, Index, Compare), or
// calls a classifier.
func Inspects(e *Env, root ast.Node) bool {
	return InspectsCode(e.Info, e.Model, e.Callee, func(fn *types.Func) bool {
		return e.IsClassifier(fn) || e.Model.IsClassifier(fn)
	}, root)
}

// InspectsCode is Inspects without an Env (the shared pass deriving
// classifier facts has none yet): callee resolves a call, isClassifier
// says whether calling a function classifies the fault.
func InspectsCode(info *types.Info, model *sfapi.Model, callee func(*ast.CallExpr) *types.Func, isClassifier func(*types.Func) bool, root ast.Node) bool {
	found := false
	astwalk.Inspect(root, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if IsCodeFieldOf(info, model, n) {
				found = true
			}
		case *ast.TypeAssertExpr:
			if n.Type != nil && model.FaultNamed(info.TypeOf(n.Type)) != nil {
				found = true
			}
		case *ast.TypeSwitchStmt:
			for _, c := range n.Body.List {
				if cc, ok := c.(*ast.CaseClause); ok && faultCase(info, model, cc) {
					found = true
				}
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isCodeConst(info, n.X) || isCodeConst(info, n.Y)) {
				found = true
			}
		case *ast.CaseClause:
			for _, x := range n.List {
				if isCodeConst(info, x) {
					found = true
				}
			}
		case *ast.CallExpr:
			fn := callee(n)
			if fn == nil {
				return true
			}
			if isClassifier(fn) {
				found = true
				return false
			}
			if fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
				switch fn.Name() {
				case "Contains", "HasPrefix", "HasSuffix", "EqualFold", "Index", "Compare":
					for _, a := range n.Args {
						if isCodeConst(info, a) {
							found = true
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// IsCodeField reports whether sel reads the fault-code field of a known fault type.
func IsCodeField(e *Env, sel *ast.SelectorExpr) bool { return IsCodeFieldOf(e.Info, e.Model, sel) }

// IsCodeFieldOf is IsCodeField without an Env.
func IsCodeFieldOf(info *types.Info, model *sfapi.Model, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	f := model.FaultNamed(s.Recv())
	if f == nil {
		return false
	}
	if sel.Sel.Name == f.CodeField {
		return true
	}
	// go-force's ApiError carries OAuth codes in ErrorName and REST codes in ErrorCode.
	return f.Type == "ApiError" && sel.Sel.Name == "ErrorCode"
}

// isCodeConst reports whether e is a string constant that mentions a known fault code.
func isCodeConst(info *types.Info, e ast.Expr) bool {
	s, ok := ConstString(info, e)
	return ok && sfapi.ContainsCode(s)
}

// ConstString returns the value of a string constant expression.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// IsErr reports whether expression e is the login's error itself, or the
// error wrapped so that errors.As still finds the fault (%w, errors.Join,
// a composite literal holding it, a conversion).
func (l *Login) IsErr(st State, e ast.Expr) bool {
	info := l.Fn.Env.Info
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v != nil && l.HoldsErr(st, v)
	case *ast.UnaryExpr:
		return x.Op == token.AND && l.IsErr(st, x.X)
	case *ast.StarExpr:
		return l.IsErr(st, x.X)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if l.IsErr(st, elt) {
				return true
			}
		}
	case *ast.CallExpr:
		if x == l.Expr {
			return true
		}
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return l.IsErr(st, x.Args[0])
		}
		switch {
		case isFunc(info, x, "fmt", "Errorf"):
			for _, a := range VerbArgs(info, x, 'w') {
				if l.IsErr(st, a) {
					return true
				}
			}
		case isFunc(info, x, "errors", "Join"):
			for _, a := range x.Args {
				if l.IsErr(st, a) {
					return true
				}
			}
		}
	}
	return false
}

// ErrNeverRead reports whether the variable the login's error is assigned
// to is overwritten, or forgotten, before anything reads it on every path:
// a dead store, as good as discarding the error. A result parameter, a
// variable a closure uses or whose address is taken is taken as read.
func (l *Login) ErrNeverRead() bool {
	v := l.ErrVar
	if l.Err != ErrAssigned || v == nil || !l.Fn.Local(v) {
		return false
	}
	if l.Fn.Addressed(v) {
		return false // &err
	}
	if l.Fn.Captured(v) {
		return false
	}
	_, read := l.Search(Query{
		Node: func(n ast.Node, st *State) Step {
			if n == l.At.Node() {
				return Stop
			}
			for _, r := range l.Fn.reads(n) {
				if l.Holds(*st, r) {
					return Found
				}
			}
			if st.Live == 0 && st.Carry == 0 {
				return Stop
			}
			return Next
		},
	})
	return !read
}

// SessionUse is what a node does with a variable holding the session.
type SessionUse uint8

// The uses of a session variable (a set).
const (
	// SessionCalled: a method is called on it (other than a login or a logout).
	SessionCalled SessionUse = 1 << iota
	// SessionReturned: it is returned.
	SessionReturned
	// SessionRead: any other use but a comparison with nil, an assignment
	// to it and a logout.
	SessionRead
)

// SessionUses says how CFG node n uses the session variable v: methods
// called and returns outside function literals, other reads anywhere in it.
// A deferred call uses nothing yet.
func (f *Func) SessionUses(n ast.Node, v *types.Var) SessionUse {
	if v == nil {
		return 0
	}
	if _, ok := n.(*ast.DeferStmt); ok {
		return 0
	}
	info := f.Env.Info
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	var use SessionUse
	astwalk.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range m.Results {
				if is(r) {
					use |= SessionReturned
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(m.Fun).(*ast.SelectorExpr)
			if !ok || !is(sel.X) {
				break
			}
			if c := f.Env.Lookup(m); c != nil && (c.Kind == sfapi.Logout || c.Kind == sfapi.Login) {
				break
			}
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				use |= SessionCalled
			}
		}
		return true
	})
	// Reads: every use but the receiver of a logout, a comparison with nil
	// and the left of an assignment.
	skip := map[ast.Node]bool{}
	astwalk.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.CallExpr:
			if c := f.Env.Lookup(m); c != nil && c.Kind == sfapi.Logout && c.Recv != nil {
				skip[ast.Unparen(c.Recv)] = true
			}
		case *ast.BinaryExpr:
			if (m.Op == token.EQL || m.Op == token.NEQ) && (isNil(info, m.X) || isNil(info, m.Y)) {
				skip[ast.Unparen(m.X)] = true
				skip[ast.Unparen(m.Y)] = true
			}
		case *ast.AssignStmt:
			for _, l := range m.Lhs {
				skip[ast.Unparen(l)] = true
			}
		case *ast.Ident:
			if info.Uses[m] == v && !skip[m] {
				use |= SessionRead
			}
		}
		return true
	})
	return use
}
