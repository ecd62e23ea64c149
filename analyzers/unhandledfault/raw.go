package unhandledfault

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/astwalk"
	"github.com/sflint/sflint/internal/flow"
	"github.com/sflint/sflint/internal/sfapi"
)

// This file checks hand-written logins, on the model of their answer
// (flow.Answer: a POST to the OAuth token endpoint or a SOAP login() made
// with net/http, whose fault is in the answer, not in the call's error):
//
//   - an answer read without a look at its status or its "error" field
//     turns a rejected login into an empty token and a nil error
//     (category "unchecked");
//   - on the failing branch of a status (or "error" field) test, an error
//     that keeps nothing of the answer (errors.New("failed to
//     authenticate"), the status alone, the description without the code)
//     erases the fault ("erased");
//   - a failing branch that only prints the answer, or returns a nil error,
//     swallows it ("swallowed").
//
// A response handed to another function (parseError(resp), returned,
// stored) is that function's to check: nothing is reported.

// rawCheck is the analysis of one hand-written login's answer.
type rawCheck struct {
	c  *checker
	l  *flow.Login
	an *flow.Answer
}

// checkRaw checks the hand-written logins of the package.
func (c *checker) checkRaw() {
	for _, l := range c.res.Flow.Logins() {
		if l.Kind != sfapi.Login {
			continue
		}
		if an := l.Answer(); an != nil && !an.Handed {
			(&rawCheck{c: c, l: l, an: an}).run()
		}
	}
}

func (r *rawCheck) run() {
	branches := r.an.FailureBranches()
	if len(branches) == 0 && !r.an.CheckedElsewhere() {
		if r.an.Read {
			r.reportUnchecked()
		}
		return
	}
	for _, b := range branches {
		r.checkBranch(b)
	}
}

// checkBranch checks what a failing branch does with the answer.
func (r *rawCheck) checkBranch(b flow.Branch) {
	env := r.l.Fn.Env
	kind, shown := "", false // how the branch reports; whether a report shows the answer
	for _, s := range b.Stmts {
		astwalk.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if fn := env.Callee(n); fn != nil {
					if k := flow.LogKind(r.c.info, fn, n); k != "" {
						if kind == "" {
							kind = k
						}
						shown = shown || r.keepsAnswer(n)
					}
				}
			}
			return true
		})
	}
	// The returns, and the calls that end the process, of the branch.
	ends := false
	for _, s := range b.Stmts {
		astwalk.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				ends = true
				r.checkReturn(n, kind)
				return false
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					if name := env.NoReturnName(call); name != "" {
						ends = true
						if !shown && !r.keepsAnswer(call) {
							r.reportSwallowed(fmt.Sprintf("the program ends with %s without showing the answer", name))
						}
					}
				}
			}
			return true
		})
	}
	if len(b.Stmts) > 0 && !ends {
		what := "the function goes on as if it succeeded"
		if kind != "" {
			what = "the answer is only " + kind + " and the function goes on as if it succeeded"
		}
		r.reportSwallowed(what)
	}
	if len(b.Stmts) == 0 {
		if _, ok := b.At.(*ast.IfStmt); ok {
			r.fallThrough(b)
		}
	}
}

// fallThrough checks an if that handles only success (if resp.StatusCode
// == 200 { ... return tok, nil }): a failure goes on after it.
func (r *rawCheck) fallThrough(b flow.Branch) {
	ifs := b.At.(*ast.IfStmt)
	// The statements after the if in its block.
	var after []ast.Stmt
	astwalk.Inspect(r.l.Fn.Body, func(n ast.Node) bool {
		if blk, ok := n.(*ast.BlockStmt); ok {
			for i, s := range blk.List {
				if s == ifs {
					after = blk.List[i+1:]
				}
			}
		}
		return after == nil
	})
	if len(after) > 0 {
		r.checkBranch(flow.Branch{Stmts: after, At: ifs})
	}
}

// checkReturn checks a return on a failing branch.
func (r *rawCheck) checkReturn(ret *ast.ReturnStmt, kind string) {
	sig := r.l.Fn.Sig
	if sig == nil || sig.Results().Len() == 0 {
		return
	}
	i := sig.Results().Len() - 1
	if !flow.ImplementsError(sig.Results().At(i).Type()) {
		return
	}
	if len(ret.Results) != sig.Results().Len() {
		return // a bare return of named results, or a call's results: not followed
	}
	x := ast.Unparen(ret.Results[i])
	if flow.IsNil(r.c.info, x) {
		what := "the function returns a nil error"
		if kind != "" {
			what = "the answer is only " + kind + " and the function returns a nil error"
		}
		r.reportSwallowed(what)
		return
	}
	if how := r.erases(x); how != "" {
		r.reportErased(x, how)
	}
}

// keepsAnswer reports whether e carries what the answer says.
func (r *rawCheck) keepsAnswer(e ast.Node) bool {
	return r.an.Keeps(e) == flow.KeptAnswer
}

// erases says how an error returned on a failing branch loses the answer,
// or "".
func (r *rawCheck) erases(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		v, ok := r.c.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() == nil {
			return ""
		}
		if v.Parent() == v.Pkg().Scope() {
			return "returning " + v.Name() + " replaces the answer"
		}
		return "" // a local error made elsewhere: not followed
	case *ast.CallExpr:
		switch flow.PathName(r.l.Fn.Env.Callee(x)) {
		case "fmt.Errorf", "errors.New":
			return erasedHow[r.an.Keeps(x)]
		}
		return "" // a constructor of the package's own: not followed
	}
	return ""
}

// erasedHow says how an error that keeps less than the answer loses it.
var erasedHow = [...]string{
	flow.KeptDescription: "an error with only the error_description replaces the answer",
	flow.KeptStatus:      "an error with only the status replaces the answer",
	flow.KeptNothing:     "a fixed error replaces the answer",
}

// endpoint names the endpoint for messages, in full ("the OAuth token
// endpoint (/services/oauth2/token)") and short ("the OAuth token
// endpoint"); codes are the first codes a caller should act on, keep what
// an error must keep of the answer.
func (r *rawCheck) endpoint() (name, short, codes, keep string) {
	ep := r.l.Endpoint
	base, _, _ := strings.Cut(ep.Name, " (")
	name, short = ep.Name, base
	if strings.HasSuffix(base, "endpoint") {
		name, short = "the "+ep.Name, "the "+base
	}
	if ep.Vocab == sfapi.SOAP {
		return name, short, firstCodes(r.c.must[sfapi.SOAP], "sf:"),
			"the <faultcode> and <faultstring> of its <soapenv:Fault>"
	}
	return name, short, firstCodes(r.c.must[sfapi.OAuth], ""), `its "error" and "error_description" fields`
}

func (r *rawCheck) reportUnchecked() {
	look := `its status or its "error" field`
	if r.l.Endpoint.Vocab == sfapi.SOAP {
		look = "its status or for a fault"
	}
	r.reportAbout(r.l.Expr, "unchecked", func(endpoint string) string {
		return fmt.Sprintf("the answer of %s is read without a look at %s", endpoint, look)
	}, func(keep string) string {
		return "Check resp.StatusCode (200) and, on failure, return an error that keeps " + keep
	}, "")
}

func (r *rawCheck) reportSwallowed(what string) {
	r.reportAbout(r.l.Expr, "swallowed", rejects(what), func(keep string) string {
		return "Return an error that keeps " + keep
	}, ", so the caller can act on the code")
}

func (r *rawCheck) reportErased(x ast.Expr, how string) {
	r.reportAbout(x, "erased", rejects(how), func(keep string) string {
		return "Keep " + keep + " in the error"
	}, ", so a caller learns the code")
}

// rejects is the first sentence "when <endpoint> rejects the login, <what>".
func rejects(what string) func(endpoint string) string {
	return func(endpoint string) string { return fmt.Sprintf("when %s rejects the login, %s", endpoint, what) }
}

// reportAbout reports at the node a message whose first sentence names the
// endpoint (in full, else shortened) and whose fix says what of the answer
// the error must keep: fix(keep)+why and the codes, else fix(keep) alone.
func (r *rawCheck) reportAbout(at ast.Node, category string, first func(endpoint string) string, fix func(keep string) string, why string) {
	name, short, codes, keep := r.endpoint()
	msg := pick([]string{first(name), first(short)}, fix(keep)+why+" ("+codes+")", fix(keep))
	r.c.report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: category, Message: msg})
}
