package blindretry

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/message"
	"github.com/sflint/sflint/internal/sfapi"
	"github.com/sflint/sflint/internal/sflogin"
)

// Name is the analyzer's name.
const Name = "blindretry"

//go:embed doc.go
var docSrc string

// doc is the package documentation: one source for godoc and `sflint help blindretry`.
var doc = message.Manual(docSrc, Name)

// Config configures the analyzer.
type Config struct {
	// Permanent lists functions, as import/path.Func, that mark an error as
	// final for a retry helper the way backoff.Permanent does: an operation
	// returning their result is not retried. Use it with helpers declared by
	// the shared pass's -sflogin.retry flag.
	Permanent []string `json:"permanent"`
}

// Analyzer is the blindretry analyzer built from the default configuration.
var Analyzer = New(sflogin.Analyzer, Config{})

// New returns the analyzer for a configuration, on top of the given shared
// login pass. Its flags write into the returned analyzer's own copy of cfg.
func New(login *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	inst := &instance{login: login, cfg: cfg}
	inst.cfg.Permanent = append([]string(nil), cfg.Permanent...)
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/sflint/sflint#blindretry",
		Requires: []*analysis.Analyzer{login},
		Run:      inst.run,
	}
	a.RunDespiteErrors = true // findings in declarations that do not type-check are dropped (sflogin)
	a.Flags.Var(sflogin.RefList{P: &inst.cfg.Permanent}, "permanent",
		"comma-separated `functions` (import/path.Func) that mark an error as final for a retry helper, like backoff.Permanent")
	return a
}

type instance struct {
	login *analysis.Analyzer
	cfg   Config
}

func (inst *instance) run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[inst.login].(*sflogin.Result)
	if res == nil || res.Skipped {
		return nil, nil
	}
	perm := map[sfapi.Ref]bool{}
	for _, s := range inst.cfg.Permanent {
		r, err := sfapi.ParseRef(s)
		if err != nil {
			return nil, fmt.Errorf("blindretry -permanent: %v", err)
		}
		perm[r] = true
	}
	stop := func(fn *types.Func) bool {
		pkg, recv, name := sfapi.FuncKey(fn)
		return perm[sfapi.Ref{Pkg: pkg, Recv: recv, Name: name}]
	}
	a := &checker{pass: pass, res: res}
	for _, l := range res.Flow.Logins() {
		if r := l.Retried(stop); r != nil {
			res.Report(pass, *a.diagnostic(l, r, ""))
		} else if d := a.onEveryRun(l); d != nil {
			res.Report(pass, *d)
		}
	}
	return nil, nil
}

// onEveryRun reports a login in a function that runs again and again (a
// handler, a collector, a scheduled job) whose failure leaves the function
// without a look at why: the next run logs in again with the same
// credentials, on the rhythm of the requests or scrapes.
func (a *checker) onEveryRun(l *flow.Login) *analysis.Diagnostic {
	ctx := a.res.Entry(l.Fn)
	if !ctx.Found() || l.CredsVaryPerCall() {
		return nil // credentials from the request: each user retries their own
	}
	leave := l.LeavesUnclassified()
	if leave == nil {
		return nil
	}
	if ret, ok := leave.(*ast.ReturnStmt); ok && ctx.ErrStops && a.returnsErr(ret) {
		return nil // the scheduler or API client may stop on the error
	}
	d := a.diagnostic(l, &flow.Retry{Kind: flow.ViaCaller, Node: leave}, ctx.Every)
	d.Category = "every-" + ctx.Rhythm
	return d
}

// checker holds what one package's run shares between its logins.
type checker struct {
	pass    *analysis.Pass
	res     *sflogin.Result
	apiRows map[string]*sfapi.API
}

// ---------------------------------------------------------------------------
// The diagnostic.

// diagnostic builds the report of a retry; every names the runs of the
// function for a retry by its callers (ViaCaller).
func (a *checker) diagnostic(c *flow.Login, r *flow.Retry, every string) *analysis.Diagnostic {
	var how, category string
	var related []analysis.RelatedInformation
	stop := "return or break on them"
	switch r.Kind {
	case flow.ViaLoop:
		switch n := r.Node.(type) {
		case *ast.LabeledStmt:
			how, category = "by goto "+n.Label.Name, "goto"
			if g := findGoto(c.Fn.Body, n.Label.Name, c.Expr.Pos()); g != nil {
				related = append(related, analysis.RelatedInformation{Pos: g.Pos(), End: g.End(), Message: "jumps back to the login"})
			}
		default:
			how, category = "in a loop", "loop"
			loop := r.Node
			if loop == nil {
				for _, n := range c.Fn.Path(c.Expr) {
					if _, ok := n.(*ast.ForStmt); ok {
						loop = n
						break
					}
					if _, ok := n.(*ast.RangeStmt); ok {
						loop = n
						break
					}
				}
			}
			if loop == nil {
				how = "by a jump back to it"
				break
			}
			related = append(related, analysis.RelatedInformation{Pos: loop.Pos(), End: loopHeadEnd(loop), Message: "this loop goes back to the login after it fails"})
		}
	case flow.ViaRecur:
		name := "the function"
		if c.Fn.Obj != nil {
			name = c.Fn.Obj.Name()
		}
		how, category = "by recursion", "recursion"
		related = append(related, analysis.RelatedInformation{Pos: r.Node.Pos(), End: r.Node.End(), Message: "calls " + name + " again with the same credentials"})
	case flow.ViaCaller:
		how, category = "on "+every, "every-run"
		stop = "remember it until the credentials change"
		related = append(related, analysis.RelatedInformation{Pos: r.Node.Pos(), End: r.Node.Pos() + 1, Message: "returns without looking at why the login failed: the next run logs in again"})
	case flow.ViaHelper:
		hname := sflogin.FuncName(r.Use.Fn)
		how, category = "by "+hname, "retry-helper"
		related = append(related, analysis.RelatedInformation{Pos: r.Use.Call.Pos(), End: r.Use.Call.End(), Message: hname + " calls the login again"})
		h := r.Use.Helper
		switch {
		case len(h.Stop) > 0:
			stop = fmt.Sprintf("return %s.%s(err) for them", pkgName(r.Use.Fn), h.Stop[0])
		case h.OnlyWrapped != "":
			stop = fmt.Sprintf("return them as they are, not wrapped in %s.%s", pkgName(r.Use.Fn), h.OnlyWrapped)
		case h.ErrorStops:
			stop = "return (false, err) for them"
		default:
			stop = "return a final error for them"
		}
	}
	name := func(n string) string { return fmt.Sprintf("%s is retried %s without classifying the fault", n, how) }
	var fix string
	if a.dropsCode(c.Call) {
		name = func(n string) string { return fmt.Sprintf("%s is retried %s without looking at why it failed", n, how) }
		fix = "The library keeps no fault code: retry only network errors (errors.As with *net.OpError, or a *url.Error whose Timeout() is true), or do not retry the login"
	} else {
		vocab := c.Vocab()
		codes := sfapi.NonRetryable(vocab)
		transient := sfapi.Transient(vocab)
		if vocab == sfapi.NoCode {
			codes = append(sfapi.NonRetryable(sfapi.SOAP), sfapi.NonRetryable(sfapi.OAuth)...)
			transient = append(sfapi.Transient(sfapi.SOAP), sfapi.Transient(sfapi.OAuth)...)
		}
		retryOnly := strings.Join(transient, ", ")
		if vocab == sfapi.OAuth {
			retryOnly += ", HTTP 5xx answers"
		}
		retryOnly += " and network errors"
		other := "every other code"
		if c.Endpoint != nil && vocab == sfapi.OAuth {
			other = `every other "error" of the 400 answer`
		} else if c.Endpoint != nil {
			other = "every other <faultcode>"
		}
		if len(codes) > 2 {
			codes = codes[:2]
		}
		fix = fmt.Sprintf("Stop on %s and %s (%s); retry only %s", strings.Join(codes, ", "), other, stop, retryOnly)
	}
	msg := message.About(c.Call, name, fix)
	for i := range related {
		related[i].End = a.end(related[i].Pos, related[i].End)
	}
	return &analysis.Diagnostic{Pos: c.Expr.Pos(), End: a.end(c.Expr.Pos(), c.Expr.End()), Category: category, Message: msg, Related: related}
}

// returnsErr reports whether a return statement returns an error other
// than the literal nil.
func (a *checker) returnsErr(ret *ast.ReturnStmt) bool {
	for _, r := range ret.Results {
		if t := a.pass.TypesInfo.TypeOf(r); t != nil && types.Implements(t, errorType) && !isNilLit(a.pass.TypesInfo, r) {
			return true
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isNilLit(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// end returns end, or NoPos when it does not lie in pos's file after pos (a
// call left unfinished by a syntax error ends nowhere).
func (a *checker) end(pos, end token.Pos) token.Pos {
	f := a.pass.Fset.File(pos)
	if f == nil || end < pos || int(end) > f.Base()+f.Size() {
		return token.NoPos
	}
	return end
}

func pkgName(fn *types.Func) string {
	if fn.Pkg() != nil {
		return fn.Pkg().Name()
	}
	return ""
}

// loopHeadEnd is the end of a loop's header (before its body).
func loopHeadEnd(n ast.Node) token.Pos {
	switch l := n.(type) {
	case *ast.ForStmt:
		return l.Body.Lbrace
	case *ast.RangeStmt:
		return l.Body.Lbrace
	}
	return n.End()
}

func findGoto(body *ast.BlockStmt, label string, after token.Pos) *ast.BranchStmt {
	var found *ast.BranchStmt
	astwalk.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if br, ok := n.(*ast.BranchStmt); ok && found == nil && br.Tok == token.GOTO &&
			br.Label != nil && br.Label.Name == label && br.Pos() > after {
			found = br
		}
		return found == nil
	})
	return found
}

// dropsCode reports whether the library behind the call reports a failed
// login without a fault code (go-salesforce, go-sfdc).
func (a *checker) dropsCode(c *sflogin.Call) bool {
	api := c.API
	if api == nil && c.Fact != nil {
		api = a.apiNamed(c.Fact.API)
	}
	if api == nil || api.Declared {
		return false
	}
	var pkg *types.Package // the version loaded
	if c.Callee != nil {
		pkg = c.Callee.Pkg()
	}
	return !a.res.Model.LoadedFault(api, pkg).Coded()

}

// apiNamed finds the table row a wrapper's fact names, among the client
// libraries the package imports directly or not.
func (a *checker) apiNamed(name string) *sfapi.API {
	if a.apiRows == nil {
		a.apiRows = map[string]*sfapi.API{}
		seen := map[*types.Package]bool{}
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if p == nil || seen[p] {
				return
			}
			seen[p] = true
			if a.res.Model.Relevant(p.Path()) {
				scope := p.Scope()
				for _, n := range scope.Names() {
					switch obj := scope.Lookup(n).(type) {
					case *types.Func:
						if api := a.res.Model.Lookup(obj); api != nil {
							a.apiRows[api.String()] = api
						}
					case *types.TypeName:
						if named, ok := obj.Type().(*types.Named); ok {
							for i := 0; i < named.NumMethods(); i++ {
								if api := a.res.Model.Lookup(named.Method(i)); api != nil {
									a.apiRows[api.String()] = api
								}
							}
						}
					}
				}
			}
			for _, q := range p.Imports() {
				visit(q)
			}
		}
		visit(a.pass.Pkg)
	}
	return a.apiRows[name]
}
