package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
)

// Outcome is what a path knows of how a login went.
type Outcome uint8

// The outcomes.
const (
	// Unknown: nothing on the path has told.
	Unknown Outcome = iota
	// Failed: the login returned an error (a raw request: answered with a
	// status other than 2xx).
	Failed
	// Succeeded: the login's error was nil (a raw request: answered 2xx).
	Succeeded
	// NoAnswer: a raw request failed in transport: no answer, no session.
	NoAnswer
)

var outcomeNames = [...]string{"unknown", "failed", "succeeded", "no answer"}

func (o Outcome) String() string { return outcomeNames[o] }

// State is what one path knows at a point, as a comparable value: the
// login's outcome, which of the login's tracked variables hold what, and
// the query's own bits.
type State struct {
	Out Outcome
	// Live: variables holding the login's error itself (nil exactly when the
	// login succeeded); for a raw request, errors a helper of the program
	// made from the answer.
	Live uint64
	// Carry: variables holding a value made from the error or, for a raw
	// request, from the answer: the error wrapped, the typed fault, the
	// response, its body.
	Carry uint64
	// Trans: for a raw request, variables holding its transport error.
	Trans uint64
	// Ok: booleans that are true exactly when the login failed (the ok of
	// errors.As or of a type assertion on the error, failed := err != nil).
	Ok uint64
	// Held: variables still holding the session result of the login (nil
	// exactly when it failed).
	Held uint64
	// Bits belong to the query.
	Bits uint64
}

// Holds reports whether v holds the login's error or a value made from it.
func (l *Login) Holds(st State, v *types.Var) bool {
	bit := l.bit(v)
	return bit != 0 && (st.Live|st.Carry)&bit != 0
}

// HoldsErr reports whether v holds the login's error itself (or, for a raw
// request, an error made from its answer).
func (l *Login) HoldsErr(st State, v *types.Var) bool {
	bit := l.bit(v)
	return bit != 0 && st.Live&bit != 0
}

// HoldsTransport reports whether v holds a raw request's transport error.
func (l *Login) HoldsTransport(st State, v *types.Var) bool {
	bit := l.bit(v)
	return bit != 0 && st.Trans&bit != 0
}

// Mentions reports whether expression (or node) e reads a variable that
// holds the login's error or a value made from it, or is the login call.
func (l *Login) Mentions(st State, e ast.Node) bool {
	if e == nil {
		return false
	}
	if touch, ok := l.touches(e, st.Live|st.Carry); ok {
		return touch
	}
	return Any(e, false, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			v, ok := l.Fn.Env.Info.Uses[n].(*types.Var)
			return ok && l.Holds(st, v)
		case *ast.CallExpr:
			return n == l.Expr
		}
		return false
	})
}

// touches answers Mentions for a CFG node of the login's function from
// what the function's index recorded, without walking it: whether n names
// (reads or assigns, in a closure too) a tracked variable whose bit is in
// mask, or is the node of the login call itself (CFG nodes do not nest:
// no other holds the call). ok is false for a node that is not a CFG node
// of the function: the caller walks it.
func (l *Login) touches(n ast.Node, mask uint64) (touch, ok bool) {
	f := l.Fn
	c := f.node(n)
	if c == nil {
		return false, false
	}
	if n == l.At.Node() {
		return true, true
	}
	for _, v := range part(f.readList, c.reads) {
		if l.bit(v)&mask != 0 {
			return true, true
		}
	}
	for _, v := range part(f.assignList, c.assigns) {
		if l.bit(v)&mask != 0 {
			return true, true
		}
	}
	return false, true
}

// bit returns the bit of a tracked variable, 0 for others.
func (l *Login) bit(v *types.Var) uint64 {
	if i, ok := l.trackIdx[v]; ok {
		return 1 << i
	}
	return 0
}

// Tracked returns the variables whose content the paths follow: those that
// may receive the login's error, its answer, or a value made from them.
func (l *Login) Tracked() []*types.Var { return l.track }

// track computes the variables that may receive the error (or a raw
// request's answer) or something made from it: the error variable and what
// is assigned from it, through the function's assignments.
func (l *Login) computeTrack() {
	l.trackIdx = map[*types.Var]int{}
	add := func(v *types.Var) {
		if v == nil {
			return
		}
		if _, ok := l.trackIdx[v]; ok || len(l.track) >= 64 {
			return
		}
		l.trackIdx[v] = len(l.track)
		l.track = append(l.track, v)
	}
	add(l.ErrVar)
	if l.Raw {
		add(l.HolderVar)
	}
	for i := 0; i < len(l.track); i++ {
		for _, w := range l.Fn.derived[l.track[i]] {
			add(w)
		}
	}
	if !l.Raw && l.Session >= 0 && l.HolderVar != nil && l.Holder != nil && identVar(l.Fn.Env.Info, l.Holder) == l.HolderVar {
		add(l.HolderVar)
	}
}

// start is the state just after the login call, before its own node's
// other effects: the error variable and, for a raw request, the response
// hold what the login returned.
func (l *Login) start(out Outcome) State {
	st := State{Out: out}
	if b := l.bit(l.ErrVar); b != 0 {
		if l.Raw {
			st.Trans |= b
		} else {
			st.Live |= b
		}
	}
	if l.Raw {
		st.Carry |= l.bit(l.HolderVar)
	} else if l.Session >= 0 {
		st.Held |= l.bit(l.HolderVar)
	}
	return st
}

// apply updates a path's state for CFG node n (not the login's own node):
// assignments move the error from variable to variable, and &v handed to a
// call with the error (errors.As) gives v a value made from it.
func (l *Login) apply(n ast.Node, st State, kill func(ast.Expr) bool) State {
	if len(l.track) == 0 {
		return st
	}
	before := st
	info := l.Fn.Env.Info
	for _, vd := range l.Fn.writes(n) {
		v, d := vd.v, vd.d
		b := l.bit(v)
		if b == 0 {
			continue
		}
		st = clear(st, b)
		if d.Op != token.ASSIGN && d.Op != token.DEFINE {
			continue // x += y, x++: not a carrier of the error any more
		}
		rhs := d.Rhs
		if rhs == nil {
			rhs = d.Tuple
		}
		if rhs == nil || (kill != nil && kill(rhs)) {
			continue
		}
		switch {
		case d.Rhs != nil && l.exactCopy(before, d.Rhs) == live:
			st.Live |= b
		case d.Rhs != nil && l.exactCopy(before, d.Rhs) == trans:
			st.Trans |= b
		case !l.Raw && d.Rhs != nil && l.wrapsErr(before, d.Rhs):
			st.Live |= b // fmt.Errorf("...: %w", err): still the fault
		case isBool(v.Type()) && l.failureTest(before, rhs, d.Index):
			st.Ok |= b
		case l.Raw && isError(v.Type()):
			switch {
			case l.readsAny(rhs, before.Live):
				st.Live |= b // the failure, wrapped
			case l.readsAny(rhs, before.Carry) && !stdlibCall(info, l.Fn.Env.Pkg, rhs):
				st.Live |= b // decodeToken(resp): an error made from the answer
			case l.readsAny(rhs, before.Carry|before.Trans):
				st.Trans |= b // io.ReadAll(resp.Body): reading the answer failed
			}
		case l.Mentions(before, rhs):
			st.Carry |= b
		}
	}
	// &v handed to a call with the error or the answer: v gets a value made
	// from it (errors.As(err, &fault), json.Unmarshal(body, &tok)).
	for _, m := range l.Fn.addrCalls(n) {
		if m == l.Expr {
			continue
		}
		carries := false
		for _, a := range m.Args {
			if l.Mentions(before, a) {
				carries = true
			}
		}
		if sel, ok := ast.Unparen(m.Fun).(*ast.SelectorExpr); ok && l.Mentions(before, sel.X) {
			carries = true // json.NewDecoder(resp.Body).Decode(&t)
		}
		if !carries {
			continue
		}
		for _, a := range m.Args {
			if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if v := identVar(info, u.X); v != nil {
					if b := l.bit(v); b != 0 {
						st = clear(st, b)
						st.Carry |= b
					}
				}
			}
		}
	}
	return st
}

// enter applies what entering a block does: a range loop's head assigns its
// key and value; a type switch's case on the error binds its variable to
// the typed fault.
func (l *Login) enter(b *cfg.Block, st State) State {
	switch b.Kind {
	case cfg.KindRangeLoop:
		if rs, ok := b.Stmt.(*ast.RangeStmt); ok {
			for _, e := range []ast.Expr{rs.Key, rs.Value} {
				if bit := l.bit(identVar(l.Fn.Env.Info, e)); bit != 0 {
					st = clear(st, bit)
				}
			}
		}
	case cfg.KindSwitchCaseBody:
		cc, _ := b.Stmt.(*ast.CaseClause)
		if v, ok := l.Fn.Env.Info.Implicits[cc].(*types.Var); ok && cc != nil {
			if bit := l.bit(v); bit != 0 {
				st = clear(st, bit)
				if ts := l.typeSwitchOf(cc); ts != nil && l.Mentions(st, TypeSwitchSubject(ts)) {
					st.Carry |= bit
				}
			}
		}
	}
	return st
}

func clear(st State, b uint64) State {
	st.Live &^= b
	st.Carry &^= b
	st.Trans &^= b
	st.Ok &^= b
	st.Held &^= b
	return st
}

const (
	notCopy = iota
	live
	trans
)

// exactCopy says whether e is a variable holding the error itself (or a
// raw request's transport error), so that assigning it copies that.
func (l *Login) exactCopy(st State, e ast.Expr) int {
	v := identVar(l.Fn.Env.Info, e)
	switch {
	case v == nil:
		return notCopy
	case l.HoldsErr(st, v):
		return live
	case l.HoldsTransport(st, v):
		return trans
	}
	return notCopy
}

// wrapsErr reports whether e is the error wrapped so that errors.As still
// finds the fault: fmt.Errorf with %w, errors.Join, a conversion.
func (l *Login) wrapsErr(st State, e ast.Expr) bool {
	info := l.Fn.Env.Info
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return l.exactCopy(st, call.Args[0]) == live || l.wrapsErr(st, call.Args[0])
	}
	switch {
	case isFunc(info, call, "fmt", "Errorf"):
		for _, a := range VerbArgs(info, call, 'w') {
			if l.exactCopy(st, a) == live {
				return true
			}
		}
	case isFunc(info, call, "errors", "Join"):
		for _, a := range call.Args {
			if l.exactCopy(st, a) == live {
				return true
			}
		}
	}
	return false
}

// failureTest reports whether a boolean assigned e (or the index'th part of
// e) is true exactly when the login failed: x != nil, errors.As(x, &t),
// errors.Is(x, t) on the error, the ok of x.(T).
func (l *Login) failureTest(st State, e ast.Expr, index int) bool {
	if ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr); ok && index == 1 {
		return l.Mentions(st, ta.X)
	}
	if index > 0 {
		return false
	}
	st.Out = Unknown
	next, ok := l.assume(e, true, st)
	return ok && next.Out == Failed
}

// readsAny reports whether e reads a tracked variable whose bit is in bits.
func (l *Login) readsAny(e ast.Expr, bits uint64) bool {
	return Any(e, false, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := l.Fn.Env.Info.Uses[id].(*types.Var)
		return ok && l.bit(v)&bits != 0
	})
}

// ---------------------------------------------------------------------------
// Conditions

// assume returns the state of a path on which condition e has the given
// truth, and false when that is impossible on the path (the condition
// contradicts what the path knows of the login).
func (l *Login) assume(e ast.Expr, truth bool, st State) (State, bool) {
	info := l.Fn.Env.Info
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return l.assume(x.X, !truth, st)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			if (x.Op == token.LAND) == truth {
				// Both operands have this truth.
				s1, ok := l.assume(x.X, truth, st)
				if !ok {
					return st, false
				}
				return l.assume(x.Y, truth, s1)
			}
			// One of the operands has it: the X one, or X the other way and Y this one.
			a, okA := l.assume(x.X, truth, st)
			b, okB := l.assume(x.X, !truth, st)
			if okB {
				b, okB = l.assume(x.Y, truth, b)
			}
			switch {
			case okA && okB:
				return join(a, b), true
			case okA:
				return a, true
			case okB:
				return b, true
			}
			return st, false
		case token.EQL, token.NEQ:
			if l.grpcCodeApart(x, st) {
				// status.Code of a login error is Unknown: == NotFound is
				// never true, != NotFound always.
				if (x.Op == token.EQL) == truth {
					return st, false
				}
				return st, true
			}
			if out, ok := l.nilTest(x, st); ok {
				if (x.Op == token.NEQ) != truth {
					out = l.negate(out)
				}
				return l.refine(st, out)
			}
			if l.Raw {
				if c, op, ok := l.statusCompare(st, x); ok {
					ok2 := statusOK(op, c)
					if ok2 == 0 {
						return st, true
					}
					if (ok2 > 0) == truth {
						return l.refine(st, Succeeded)
					}
					return l.refine(st, Failed)
				}
			}
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if l.Raw {
				if c, op, ok := l.statusCompare(st, x); ok {
					ok2 := statusOK(op, c)
					if ok2 == 0 {
						return st, true
					}
					if (ok2 > 0) == truth {
						return l.refine(st, Succeeded)
					}
					return l.refine(st, Failed)
				}
			}
		}
	case *ast.Ident:
		if v, _ := info.Uses[x].(*types.Var); v != nil && l.bit(v)&st.Ok != 0 {
			if truth {
				return l.refine(st, Failed)
			}
			if !l.Raw {
				return l.refine(st, Succeeded)
			}
		}
	case *ast.CallExpr:
		if truth && l.ownSentinel(st, x) {
			return st, false // a branch for an error the login never returns
		}
		if truth && l.errorsTest(st, x) {
			return l.refine(st, Failed)
		}
	}
	return st, true
}

// negate turns the outcome a nil test implies when true into the one it
// implies when false.
func (l *Login) negate(out Outcome) Outcome {
	switch out {
	case Failed:
		return Succeeded
	case Succeeded:
		return Failed
	case NoAnswer:
		return answered
	case answered:
		return NoAnswer
	}
	return Unknown
}

// answered is an outcome used only between nilTest and refine: the raw
// request got an answer (its transport error is nil).
const answered Outcome = 255

// refine narrows a state's outcome; false when it contradicts it.
func (l *Login) refine(st State, out Outcome) (State, bool) {
	switch {
	case out == Unknown:
		return st, true
	case out == answered:
		if st.Out == NoAnswer {
			return st, false
		}
		return st, true
	case st.Out == Unknown:
		st.Out = out
		return st, true
	case st.Out == out:
		return st, true
	}
	return st, false
}

// join is the state of either of two paths' states.
func join(a, b State) State {
	if a.Out != b.Out {
		a.Out = Unknown
	}
	a.Live &= b.Live
	a.Carry &= b.Carry
	a.Trans &= b.Trans
	a.Ok &= b.Ok
	a.Held &= b.Held
	a.Bits &= b.Bits
	return a
}

// nilTest evaluates x == nil or x != nil: the outcome implied when the
// comparison is != nil... true.
func (l *Login) nilTest(b *ast.BinaryExpr, st State) (Outcome, bool) {
	info := l.Fn.Env.Info
	x := b.X
	if isNil(info, x) {
		x = b.Y
	} else if !isNil(info, b.Y) {
		return Unknown, false
	}
	x = ast.Unparen(x)
	if x == l.Expr && l.Err == ErrTested {
		if l.Raw {
			return NoAnswer, true
		}
		return Failed, true
	}
	v := identVar(info, x)
	if v == nil {
		return Unknown, false
	}
	switch {
	case l.HoldsTransport(st, v):
		return NoAnswer, true
	case l.HoldsErr(st, v):
		return Failed, true
	case st.Out == Failed && st.Carry&l.bit(v) != 0 && isError(v.Type()):
		// A value made from a failure is a non-nil error.
		return Failed, true
	case st.Held&l.bit(v) != 0:
		// The session result is nil exactly when the login failed.
		return Succeeded, true
	}
	return Unknown, false
}

// errorsTest reports whether call is errors.As or errors.Is on the error
// (true only when the error is not nil).
func (l *Login) errorsTest(st State, call *ast.CallExpr) bool {
	fn := l.Fn.Env.Callee(call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || len(call.Args) != 2 {
		return false
	}
	switch fn.Name() {
	case "As":
		return l.Mentions(st, call.Args[0])
	case "Is":
		return l.Mentions(st, call.Args[0]) && !isNil(l.Fn.Env.Info, call.Args[1])
	}
	return false
}

// ownSentinel reports whether call is errors.Is(err, S) on the login's
// error with S a sentinel of the program's own (declared outside the
// standard library and the Salesforce libraries) that the program never
// wraps another error with (%w, errors.Join): the login never returns it,
// so the branch where it matches is not one where the login failed.
func (l *Login) ownSentinel(st State, call *ast.CallExpr) bool {
	env := l.Fn.Env
	if !isFunc(env.Info, call, "errors", "Is") || len(call.Args) != 2 || !l.Mentions(st, call.Args[0]) {
		return false
	}
	v := RootVar(env.Info, call.Args[1])
	if v == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() || !isError(v.Type()) {
		return false
	}
	path := v.Pkg().Path()
	if first, _, _ := strings.Cut(path, "/"); !strings.Contains(first, ".") && v.Pkg() != env.Pkg {
		return false // the standard library's (context.DeadlineExceeded, io.EOF...)
	}
	if env.Model.Relevant(path) {
		return false // a Salesforce library's own sentinel
	}
	return !env.wrapping()[v]
}

// wrapping returns the package's sentinels that it wraps other errors with
// (fmt.Errorf("%w: %w", ErrLogin, err), errors.Join(ErrLogin, err)).
func (e *Env) wrapping() map[*types.Var]bool {
	e.wrapOnce.Do(func() {
		e.wrapped = map[*types.Var]bool{}
		for _, f := range e.Files {
			astwalk.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var args []ast.Expr
				switch {
				case isFunc(e.Info, call, "fmt", "Errorf"):
					args = VerbArgs(e.Info, call, 'w')
				case isFunc(e.Info, call, "errors", "Join"):
					args = call.Args
				}
				for _, a := range args {
					if v := RootVar(e.Info, a); v != nil {
						e.wrapped[v] = true
					}
				}
				return true
			})
		}
	})
	return e.wrapped
}

// grpcCodeApart reports whether b compares status.Code of the login's
// error with a gRPC code other than OK and Unknown: a login error is no
// gRPC status, its code is Unknown.
func (l *Login) grpcCodeApart(b *ast.BinaryExpr, st State) bool {
	info := l.Fn.Env.Info
	for _, p := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		call, ok := ast.Unparen(p[0]).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !l.Mentions(st, call.Args[0]) {
			continue
		}
		fn := l.Fn.Env.Callee(call)
		if fn == nil || fn.Name() != "Code" || fn.Pkg() == nil || !strings.HasSuffix(fn.Pkg().Path(), "grpc/status") {
			continue
		}
		tv := info.Types[ast.Unparen(p[1])]
		if tv.Value == nil {
			continue
		}
		c, ok := constant.Uint64Val(tv.Value)
		return ok && c != 0 && c != 2 // OK, Unknown
	}
	return false
}

// statusCompare matches `resp.StatusCode OP constant` (either way round) on
// a raw login's response, and returns the operator as if the status were on
// the left.
func (l *Login) statusCompare(st State, b *ast.BinaryExpr) (int64, token.Token, bool) {
	info := l.Fn.Env.Info
	op := b.Op
	x, y := b.X, b.Y
	isStatus := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "StatusCode" && l.readsAny(sel.X, st.Carry)
	}
	if !isStatus(x) {
		x, y = y, x
		switch op {
		case token.LSS:
			op = token.GTR
		case token.GTR:
			op = token.LSS
		case token.LEQ:
			op = token.GEQ
		case token.GEQ:
			op = token.LEQ
		}
	}
	if !isStatus(x) {
		return 0, 0, false
	}
	tv, ok := info.Types[ast.Unparen(y)]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, 0, false
	}
	c, exact := constant.Int64Val(tv.Value)
	return c, op, exact
}

// statusOK says what `status OP c` being true tells: 1 the answer is a
// success (2xx), -1 it is not, 0 nothing.
func statusOK(op token.Token, c int64) int {
	switch op {
	case token.EQL:
		if c >= 200 && c < 300 {
			return 1
		}
		return -1
	case token.NEQ:
		if c >= 200 && c < 300 {
			return -1
		}
		return 0
	}
	// Turn it into status >= t or status < t.
	t := c
	if op == token.GTR || op == token.LEQ {
		t = c + 1
	}
	if t <= 200 || t > 400 {
		return 0
	}
	if op == token.GEQ || op == token.GTR {
		return -1 // status >= 300 (or 400): a failure
	}
	return 1 // status < 300: a success
}

// typeSwitchOf returns the type switch a case clause belongs to.
func (l *Login) typeSwitchOf(cc *ast.CaseClause) *ast.TypeSwitchStmt {
	if body, ok := l.Fn.Env.Parent(cc).(*ast.BlockStmt); ok {
		ts, _ := l.Fn.Env.Parent(body).(*ast.TypeSwitchStmt)
		return ts
	}
	return nil
}

// TypeSwitchSubject returns x of `switch x.(type)` or `switch v := x.(type)`, or nil.
func TypeSwitchSubject(ts *ast.TypeSwitchStmt) ast.Expr {
	var e ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		if len(a.Rhs) == 1 {
			e = a.Rhs[0]
		}
	case *ast.ExprStmt:
		e = a.X
	}
	if ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr); ok {
		return ast.Unparen(ta.X)
	}
	return nil
}

var errorType = types.Universe.Lookup("error").Type()

func isError(t types.Type) bool { return t != nil && types.Identical(t, errorType) }

// IsError reports whether t is the error interface.
func IsError(t types.Type) bool { return isError(t) }

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// stdlibCall reports whether e is a call of a standard-library function
// (io.ReadAll, json.Decoder.Decode): they fail on transport or syntax only.
func stdlibCall(info *types.Info, pkg *types.Package, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == pkg {
		return false
	}
	first, _, _ := strings.Cut(fn.Pkg().Path(), "/")
	return !strings.Contains(first, ".")
}

// FailedIf reports whether condition e having the given truth just after
// the login means the login failed (or, for a raw request, got no answer).
func (l *Login) FailedIf(e ast.Expr, truth bool) bool {
	st, ok := l.assume(e, truth, l.start(Unknown))
	return !ok || st.Out == Failed || st.Out == NoAnswer
}
