package unhandledfault

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/message"
	"github.com/sflint/sflint/internal/sflogin"
)

// This file writes the diagnostics of the login calls (cases 1, 2 and 3).

// reportOutcome reports what the path analysis of a login call found.
func (c *checker) reportOutcome(call *sflogin.Call, o *outcome) {
	cd := o.coding
	if o.carryOn != nil {
		what := "only checked"
		if len(o.kinds) > 0 {
			what = "only " + joinWords(o.kinds)
		}
		sess, bare := "the client", "the client"
		if v := c.sessionVarOf(call, o); v != "" {
			sess, bare = v, o.sessName
		}
		fixes := []string{"Stop on the error: return it or exit"}
		if cd.coded() && !o.relieved {
			fixes = []string{
				fmt.Sprintf("Stop on the error (return it or exit) and act on its fault code (%s)", c.someCodes(cd)),
				"Stop on the error (return it or exit) and act on its fault code",
			}
		}
		msg := say(call, []func(string) string{
			func(n string) string {
				return fmt.Sprintf("the login error of %s is %s and %s is used anyway", n, what, sess)
			},
			func(n string) string {
				return fmt.Sprintf("the login error of %s is %s and %s is used anyway", n, what, bare)
			},
		}, fixes...)
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
		msg := say(call, []func(string) string{
			func(n string) string {
				return fmt.Sprintf("the login error of %s is only %s and its fault code is never read", n, what)
			},
			func(n string) string { return fmt.Sprintf("the login error of %s is only %s", n, what) },
			func(n string) string {
				return fmt.Sprintf("the login error of %s is swallowed: its fault code is never read", n)
			},
		},
			fmt.Sprintf("%s and stop on %s; or return the error wrapped with %%w", inspectHint(cd, false), c.someCodes(cd)),
			fmt.Sprintf("%s and stop on %s; or return it wrapped with %%w", inspectHint(cd, true), c.someCodes(cd)),
			fmt.Sprintf("%s and act on it, or return it wrapped with %%w", inspectHint(cd, true)),
		)
		c.report(analysis.Diagnostic{Pos: call.Expr.Pos(), End: call.Expr.End(), Category: "swallowed", Message: msg})
	}
	for _, er := range o.erasures {
		var msg string
		if cd.Fault != "" {
			msg = say(call, []func(string) string{
				func(n string) string {
					return fmt.Sprintf("%s the %s of %s, so no caller can read its %s", er.how, cd.Fault, n, cd.Field)
				},
				func(n string) string { return fmt.Sprintf("%s the %s of %s", er.how, cd.Fault, n) },
			},
				fmt.Sprintf("Wrap it with %%w so a caller can errors.As it and act on %s, or classify the fault before replacing it", c.someCodes(cd)),
				"Wrap it with %w, or classify the fault before replacing it",
			)
		} else {
			msg = say(call, []func(string) string{
				func(n string) string {
					return fmt.Sprintf("%s the error of %s, whose text is the only place its fault code survives", er.how, n)
				},
				func(n string) string {
					return fmt.Sprintf("%s the error of %s, which keeps its fault code in its text", er.how, n)
				},
				func(n string) string { return fmt.Sprintf("%s the error of %s", er.how, n) },
			},
				fmt.Sprintf("Return it wrapped with %%w so a caller can find the code (%s) in it, or classify the fault before replacing it", c.someCodes(cd)),
				"Return it wrapped with %w, or classify the fault before replacing it",
			)
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
	msg := say(call, []func(string) string{
		func(n string) string { return fmt.Sprintf("the login error of %s is only %s", n, what) },
		func(n string) string { return fmt.Sprintf("the login error of %s is swallowed", n) },
	},
		fmt.Sprintf("Return it or stop on it, and %s: %s keeps no fault code", cd.Upgrade, cd.Loaded),
		fmt.Sprintf("Return it or stop on it, and %s", cd.Upgrade),
	)
	c.report(analysis.Diagnostic{Pos: call.Expr.Pos(), End: call.Expr.End(), Category: "swallowed", Message: msg})
}

// say writes the message about a call with the first of the fixes, and
// of the first sentences, that gives it the shape message.Check wants: the
// first sentence with the call's full name ("sfconn.Connect (which calls
// simpleforce.(*Client).LoginPassword)"), else with the name written at the
// call and the fix opened with the API it calls (message.Via); failing
// both, as message.About writes it (down to the bare name of the function,
// "PasswordCredentialsToken"). The last message tried when none fits.
func say(call *sflogin.Call, firsts []func(name string) string, fixes ...string) string {
	full, short := call.Name(), call.ShortName()
	var m string
	for _, fix := range fixes {
		for _, first := range firsts {
			if m = message.Join(first(full), fix); message.Check(m) == nil {
				return m
			}
			if short != full {
				if m = message.Join(first(short), message.Via(call, fix)); message.Check(m) == nil {
					return m
				}
			}
		}
		for _, first := range firsts {
			if m = message.About(call, first, fix); message.Check(m) == nil {
				return m
			}
		}
	}
	return m
}

// pick is say for a message about no call: the first of the fixes, and of
// the first sentences, that gives the message its shape.
func pick(firsts []string, fixes ...string) string {
	var m string
	for _, fix := range fixes {
		for _, first := range firsts {
			m = message.Join(first, fix)
			if message.Check(m) == nil {
				return m
			}
		}
	}
	return m
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
	var fixes []string
	switch {
	case cd.coded():
		fixes = []string{fmt.Sprintf("Check it and act on its fault code (%s)", c.someCodes(cd))}
	case cd.Upgrade != "":
		fixes = []string{
			fmt.Sprintf("Check it and stop on it, and %s: %s keeps no fault code", cd.Upgrade, cd.Loaded),
			fmt.Sprintf("Check it and stop on it, and %s", cd.Upgrade),
		}
	default:
		fixes = []string{"Check it and stop on it: the library keeps no fault code to inspect"}
	}
	msg := say(call, []func(string) string{
		func(n string) string {
			return fmt.Sprintf("the login error of %s is discarded: nothing notices when the login fails", n)
		},
		func(n string) string { return fmt.Sprintf("the login error of %s is discarded", n) },
	}, fixes...)
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
