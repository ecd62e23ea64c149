package unhandledfault

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/sflogin"
)

// This file writes the diagnostics of the login calls (cases 1, 2 and 3).

// reportOutcome reports what the path analysis of a login call found.
func (c *checker) reportOutcome(call *sflogin.Call, o *outcome) {
	name := call.Name()
	cd := o.coding
	if o.carryOn != nil {
		what := "only checked"
		if len(o.kinds) > 0 {
			what = "only " + joinWords(o.kinds)
		}
		sess := "the client"
		if v := c.sessionVarOf(call, o); v != "" {
			sess = v
		}
		msg := fmt.Sprintf("login failure ignored: when %s fails the error is %s and %s is used anyway, with no session behind it; stop on the error (return it or exit)",
			name, what, sess)
		if cd.coded() && !o.relieved {
			msg += fmt.Sprintf(" and act on its fault code (%s)", c.codeList(cd))
		}
		c.report(analysis.Diagnostic{Pos: call.Expr.Pos(), End: call.Expr.End(), Category: "discarded", Message: msg})
		return
	}
	if o.relieved {
		return
	}
	if !cd.coded() {
		if o.swallowed && cd.Upgrade != "" {
			c.reportNoCode(call, o)
		}
		return
	}
	if o.swallowed {
		what := "dropped"
		if len(o.kinds) > 0 {
			what = joinWords(o.kinds)
		}
		msg := fmt.Sprintf("login fault swallowed: the error of %s is only %s and its fault code is never read; Salesforce says why the login failed: %s and act on it (%s: stop, do not retry, tell the user), or return the error wrapped with %%w so a caller can",
			name, what, inspectHint(cd), c.codeList(cd))
		c.report(analysis.Diagnostic{Pos: call.Expr.Pos(), End: call.Expr.End(), Category: "swallowed", Message: msg})
	}
	for _, er := range o.erasures {
		var msg string
		if cd.Fault != "" {
			msg = fmt.Sprintf("login fault erased: %s the %s of %s, so no caller can errors.As it and read its %s (%s); wrap it with %%w instead, or classify the fault before replacing it",
				er.how, cd.Fault, name, cd.Field, c.codeList(cd))
		} else {
			msg = fmt.Sprintf("login fault erased: %s the error of %s, whose text is the only place its fault code (%s) survives; return it wrapped with %%w, or classify the fault before replacing it",
				er.how, name, c.codeList(cd))
		}
		c.report(analysis.Diagnostic{Pos: er.expr.Pos(), End: er.expr.End(), Category: "erased", Message: msg, SuggestedFixes: er.fix})
	}
}

// reportNoCode reports a swallowed failure of a login whose loaded library
// version keeps no fault code, when a later version does: the error itself
// is all a caller can learn, and upgrading gives the code.
func (c *checker) reportNoCode(call *sflogin.Call, o *outcome) {
	what := "dropped"
	if len(o.kinds) > 0 {
		what = joinWords(o.kinds)
	}
	cd := o.coding
	msg := fmt.Sprintf("login fault swallowed: the error of %s is only %s; %s, so it carries no fault code and the error itself is all a caller can learn why the login failed: return it (or stop on it) instead of dropping it, and %s",
		call.Name(), what, cd.Version, cd.Upgrade)
	c.report(analysis.Diagnostic{Pos: call.Expr.Pos(), End: call.Expr.End(), Category: "swallowed", Message: msg})
}

func (c *checker) sessionVarOf(call *sflogin.Call, o *outcome) string {
	if o.sessName == "" {
		return ""
	}
	if call.Session >= 0 {
		return o.sessName + " (nil after a failed login)"
	}
	return o.sessName
}

func (c *checker) reportDiscard(call *sflogin.Call, cd coding) {
	var msg string
	if cd.coded() {
		msg = fmt.Sprintf("login error discarded: when %s fails (%s) nothing notices, and the code goes on as if it had a session; check the error and act on its fault code",
			call.Name(), c.codeList(cd))
	} else {
		msg = fmt.Sprintf("login error discarded: when %s fails nothing notices, and the code goes on as if it had a session; check the error and stop on it (the library keeps no fault code, so there is nothing finer to inspect)",
			call.Name())
		if cd.Upgrade != "" {
			msg = fmt.Sprintf("login error discarded: when %s fails nothing notices, and the code goes on as if it had a session; check the error and stop on it (%s, so there is nothing finer to inspect; %s)",
				call.Name(), cd.Version, cd.Upgrade)
		}
	}
	c.report(analysis.Diagnostic{Pos: call.Expr.Pos(), End: call.Expr.End(), Category: "discarded", Message: msg})
}

// joinWords joins "a", "b", "c" as "a, b and c".
func joinWords(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}
