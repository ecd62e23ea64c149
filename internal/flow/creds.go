package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file answers whether a login's credentials, or the client it logs
// in on, change from one iteration of a loop (or one call of the function)
// to the next: a login per user or per org is not a repeat.

// scope is a loop or a function body, with the variables whose value
// changes from one iteration (or call) to the next.
type scope struct {
	node  ast.Node
	roots map[*types.Var]bool
	defs  map[*types.Var][]ast.Expr
	loop  bool
}

func (l *Login) loopScope(loop ast.Stmt) *scope {
	f := l.Fn
	st := f.Env
	sc := &scope{node: loop, roots: map[*types.Var]bool{}, loop: true}
	root := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := st.Info.ObjectOf(id).(*types.Var); ok {
				sc.roots[v] = true
			}
		}
	}
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if l.Key != nil {
			root(l.Key)
		}
		if l.Value != nil {
			root(l.Value)
		}
		sc.defs = f.scopeDefs(l.Body)
	case *ast.ForStmt:
		if l.Post != nil {
			for v := range f.scopeDefs(l.Post) {
				sc.roots[v] = true
			}
		}
		sc.defs = f.scopeDefs(l.Body)
	}
	return sc
}

func (l *Login) paramScope() *scope {
	f := l.Fn
	sc := &scope{node: f.Body, roots: map[*types.Var]bool{}, defs: f.scopeDefs(f.Body)}
	if f.Sig != nil {
		for i := 0; i < f.Sig.Params().Len(); i++ {
			sc.roots[f.Sig.Params().At(i)] = true
		}
	}
	return sc
}

// CredsVaryInLoops reports whether the credentials or the client of the
// login change from one iteration of one of the loops to the next.
func (l *Login) CredsVaryInLoops(loops []ast.Stmt) bool {
	for _, loop := range loops {
		if l.varies(l.loopScope(loop)) {
			return true
		}
	}
	return false
}

// CredsVaryPerCall reports whether the credentials or the client of the
// login come from the function's parameters (a session per caller).
func (l *Login) CredsVaryPerCall() bool { return l.varies(l.paramScope()) }

// varies reports whether the login's credentials or client change within sc.
func (l *Login) varies(sc *scope) bool {
	st := l.Fn.Env
	s := l
	for _, e := range l.credExprs() {
		if st.exprVaries(e, sc, map[*types.Var]bool{}) {
			return true
		}
	}
	if s.Recv != nil {
		if r, _, ok := st.Key(s.Recv); ok && sc.roots[r] {
			return true // for _, c := range clients { c.Login(...) }
		}
		if st.indexVaries(s.Recv, sc) {
			return true
		}
		if r, _, ok := st.Key(s.Recv); ok {
			for _, rhs := range sc.defs[r] {
				if rhs != nil && st.indexVaries(rhs, sc) {
					return true // c := clients[i]
				}
				if rhs != nil {
					if rr, _, ok := st.Key(rhs); ok && sc.roots[rr] {
						return true
					}
				}
			}
		}
	}
	return false
}

// credExprs returns the expressions the login's credentials come from: the
// arguments of known roles, and every argument but a context (an OAuth
// authorization code in a raw token request is no role, but it changes).
func (l *Login) credExprs() []ast.Expr {
	st, s := l.Fn.Env, l
	var out []ast.Expr
	for _, a := range s.Args {
		out = append(out, a.Expr)
	}
	for _, a := range s.Expr.Args {
		if t := st.Info.TypeOf(a); t != nil {
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// iterPrefixes name calls that return the next item of something.
var iterPrefixes = []string{"next", "pop", "dequeue", "recv", "receive", "take", "shift", "read", "scan", "fetch"}

func (st *Env) exprVaries(e ast.Expr, sc *scope, seen map[*types.Var]bool) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		case *ast.CallExpr:
			if sc.loop {
				if fn, _ := typeutil.Callee(st.Info, n).(*types.Func); fn != nil && HasPrefix(fn.Name(), iterPrefixes) {
					found = true
				}
			}
		case *ast.Ident:
			v, ok := st.Info.Uses[n].(*types.Var)
			if !ok || v.IsField() {
				break
			}
			if sc.roots[v] {
				found = true
				break
			}
			if seen[v] {
				break
			}
			seen[v] = true
			rhss, ok := sc.defs[v]
			if !ok {
				// Declared inside with no value we can see: it may change.
				found = within(sc.node, v.Pos())
				break
			}
			for _, r := range rhss {
				if r == nil || st.exprVaries(r, sc, seen) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// indexVaries reports whether e indexes something with a changing index.
func (st *Env) indexVaries(e ast.Expr, sc *scope) bool {
	return Any(e, false, func(n ast.Node) bool {
		ix, ok := n.(*ast.IndexExpr)
		return ok && st.exprVaries(ix.Index, sc, map[*types.Var]bool{})
	})
}

// scopeDefs returns the assignments (as collectDefs finds them) of a
// statement of the function's body, read from the body's index and
// memoised: each login asks about its loops and the whole body, and a
// function with many logins would otherwise walk its body once per login.
// The map is shared: callers must not change it.
func (f *Func) scopeDefs(n ast.Node) map[*types.Var][]ast.Expr {
	if f.Body == nil || n.Pos() < f.Body.Pos() || n.End() > f.Body.End() {
		return f.Env.collectDefs(n)
	}
	f.scopeMu.Lock()
	defer f.scopeMu.Unlock()
	if d, ok := f.scopes[n]; ok {
		return d
	}
	c := f.Env.newDefCollector()
	// The body's nodes are in the order of ast.Inspect, so by position:
	// those of n follow one another from the first at or after its start.
	pos, end := n.Pos(), n.End()
	i := sort.Search(len(f.nodes), func(i int) bool { return f.nodes[i].n.Pos() >= pos })
	for ; i < len(f.nodes) && f.nodes[i].n.Pos() < end; i++ {
		if bn := f.nodes[i]; !bn.lit && bn.n.End() <= end {
			c.visit(bn.n)
		}
	}
	if f.scopes == nil {
		f.scopes = map[ast.Node]map[*types.Var][]ast.Expr{}
	}
	f.scopes[n] = c.defs
	return c.defs
}

// collectDefs returns the variables assigned in n, outside function
// literals, each with the values it is given (nil for x += y, x++, a range
// variable or &x handed to a call; the call itself for &x handed to a
// function that fills it from the configuration).
func (st *Env) collectDefs(n ast.Node) map[*types.Var][]ast.Expr {
	c := st.newDefCollector()
	astwalk.Inspect(n, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		c.visit(n)
		return true
	})
	return c.defs
}

// defCollector gathers assignments node by node, in the order of
// ast.Inspect (see collectDefs).
type defCollector struct {
	env    *Env
	defs   map[*types.Var][]ast.Expr
	filled map[*ast.UnaryExpr]bool // &x handed to a config filler
}

func (st *Env) newDefCollector() *defCollector {
	return &defCollector{env: st, defs: map[*types.Var][]ast.Expr{}}
}

func (c *defCollector) add(id ast.Expr, rhs ast.Expr) {
	ident, ok := ast.Unparen(id).(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := c.env.Info.ObjectOf(ident).(*types.Var); ok {
		c.defs[v] = append(c.defs[v], rhs)
	}
}

// visit records what node n assigns (not what its children do).
func (c *defCollector) visit(n ast.Node) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			switch {
			case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
				c.add(l, nil) // x += y
			case len(n.Lhs) == len(n.Rhs):
				c.add(l, n.Rhs[i])
			case len(n.Rhs) == 1:
				c.add(l, n.Rhs[0])
			}
		}
	case *ast.ValueSpec:
		for i, id := range n.Names {
			switch {
			case len(n.Names) == len(n.Values):
				c.add(id, n.Values[i])
			case len(n.Values) == 1:
				c.add(id, n.Values[0])
			case len(n.Values) == 0 && n.Type != nil:
				c.add(id, n.Type) // the zero value: reads no variable
			}
		}
	case *ast.IncDecStmt:
		c.add(n.X, nil)
	case *ast.RangeStmt:
		if n.Key != nil {
			c.add(n.Key, nil)
		}
		if n.Value != nil {
			c.add(n.Value, nil)
		}
	case *ast.CallExpr:
		if c.env.fillsFromConfig(n) {
			for _, a := range n.Args {
				if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
					c.add(u.X, n) // the same values on every call
					if c.filled == nil {
						c.filled = map[*ast.UnaryExpr]bool{}
					}
					c.filled[u] = true
				}
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND && !c.filled[n] {
			c.add(n.X, nil)
		}
	}
}

// configFillers are functions that fill the struct (or variable) their
// pointer argument points to from the environment, a configuration file
// or the command line: the same values on every request. By package path
// (major version suffix stripped) and name; a method is Type.Method.
var configFillers = map[string][]string{
	"github.com/kelseyhightower/envconfig": {"Process", "MustProcess"},
	"github.com/sethvargo/go-envconfig":    {"Process", "ProcessWith", "MustProcess"},
	"github.com/caarlos0/env":              {"Parse", "ParseWithOptions", "ParseWithFuncs"},
	"github.com/ilyakaznacheev/cleanenv":   {"ReadEnv", "ReadConfig", "UpdateEnv"},
	"github.com/spf13/viper":               {"Unmarshal", "UnmarshalKey", "UnmarshalExact", "Viper.Unmarshal", "Viper.UnmarshalKey", "Viper.UnmarshalExact"},
	"github.com/knadh/koanf":               {"Koanf.Unmarshal", "Koanf.UnmarshalWithConf"},
	"github.com/jessevdk/go-flags":         {"Parse", "ParseArgs", "Parser.Parse"},
	"github.com/alecthomas/kong":           {"Parse"},
	"flag": {"StringVar", "BoolVar", "IntVar", "Int64Var", "UintVar", "Uint64Var", "Float64Var", "DurationVar", "TextVar", "Var",
		"FlagSet.StringVar", "FlagSet.BoolVar", "FlagSet.IntVar", "FlagSet.Int64Var", "FlagSet.UintVar", "FlagSet.Uint64Var",
		"FlagSet.Float64Var", "FlagSet.DurationVar", "FlagSet.TextVar", "FlagSet.Var"},
	"github.com/spf13/pflag": {"StringVar", "StringVarP", "BoolVar", "BoolVarP", "IntVar", "IntVarP", "DurationVar",
		"FlagSet.StringVar", "FlagSet.StringVarP", "FlagSet.BoolVar", "FlagSet.BoolVarP", "FlagSet.IntVar", "FlagSet.IntVarP", "FlagSet.DurationVar"},
}

// fillsFromConfig reports whether the call fills its pointer arguments
// from the environment, a configuration file or the command line.
func (st *Env) fillsFromConfig(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(st.Info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	pkg, recv, name := sfapi.FuncKey(fn)
	if recv != "" {
		name = strings.TrimPrefix(recv, "*") + "." + name
	}
	return slices.Contains(configFillers[sfapi.StripMajor(pkg)], name)
}
