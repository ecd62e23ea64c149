// Package directives exercises //sflint:ignore in every form. The test's
// fakelogin check reports every login call ("login here"); fakeother reports
// nothing; disabledcheck exists but is disabled.
package directives

import "github.com/simpleforce/simpleforce"

func sameLine(c *simpleforce.Client) {
	_ = c.LoginPassword("u", "p", "t") //sflint:ignore fakelogin -- used: same line
}

func lineAbove(c *simpleforce.Client) {
	//sflint:ignore fakelogin -- used: line above
	_ = c.LoginPassword("u", "p", "t")
}

// wholeFunction logs in twice; its doc comment covers both.
//
//sflint:ignore fakelogin -- used: function doc comment
func wholeFunction(c *simpleforce.Client) {
	_ = c.LoginPassword("u", "p", "t")
	if c != nil {
		_ = c.LoginPassword("u", "p", "t")
	}
}

func twoNames(c *simpleforce.Client) {
	// want +1 `//sflint:ignore names fakeother, which reports nothing on its line or the next\. Remove it from the directive`
	//sflint:ignore fakelogin,fakeother -- fakeother finds nothing here
	_ = c.LoginPassword("u", "p", "t")
}

func noReason(c *simpleforce.Client) {
	// want +1 `//sflint:ignore fakelogin gives no reason\. Say why the finding does not apply after " -- "`
	//sflint:ignore fakelogin
	_ = c.LoginPassword("u", "p", "t")
}

func emptyReason(c *simpleforce.Client) {
	// want +1 `gives no reason`
	//sflint:ignore fakelogin --
	_ = c.LoginPassword("u", "p", "t")
}

func noName(c *simpleforce.Client) {
	// want +1 `//sflint:ignore names no analyzer, so it suppresses nothing\. Write //sflint:ignore <analyzer>\[,<analyzer>\] -- <reason>; analyzers: disabledcheck, fakelogin, fakeother, sflintignore\.`
	//sflint:ignore -- a reason but no name
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func typo(c *simpleforce.Client) {
	// want +1 `//sflint:ignore names "fakelogn", which is not an sflint analyzer, so it suppresses nothing\. Did you mean fakelogin\?`
	//sflint:ignore fakelogn -- typo
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func wrongCase(c *simpleforce.Client) {
	// want +1 `//sflint:ignore names "FakeLogin", which is not an sflint analyzer, so it suppresses nothing\. Did you mean fakelogin\?`
	//sflint:ignore FakeLogin -- capitals
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func cutShort(c *simpleforce.Client) {
	// want +1 `//sflint:ignore names "fakel", which is not an sflint analyzer, so it suppresses nothing\. Did you mean fakelogin\?`
	//sflint:ignore fakel -- cut short
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func unknown(c *simpleforce.Client) {
	// want +1 `//sflint:ignore names "gosec", which is not an sflint analyzer, so it suppresses nothing\. The analyzers are disabledcheck, fakelogin, fakeother, sflintignore\.$`
	//sflint:ignore gosec -- wrong tool
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func reasonWithoutDashes(c *simpleforce.Client) {
	// want +1 `//sflint:ignore "fakelogin because the pool logs…" is not an analyzer name\. Separate names with commas and put the reason after " -- ": //sflint:ignore fakelogin -- <reason>\.$`
	//sflint:ignore fakelogin because the pool logs out
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func spaceSeparated(c *simpleforce.Client) {
	// want +1 `"fakelogin fakeother" is not an analyzer name`
	//sflint:ignore fakelogin fakeother -- names need commas
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func unusedAlone(c *simpleforce.Client) {
	// want +1 `//sflint:ignore fakelogin suppresses nothing: no fakelogin finding on its line or the next\. Remove it`
	//sflint:ignore fakelogin -- nothing below
	_, _ = c.Query("SELECT Id FROM Account")
}

func unusedTrailing(c *simpleforce.Client) {
	_, _ = c.Query("SELECT Id FROM Account") /* want `suppresses nothing` */ //sflint:ignore fakelogin -- nothing here
}

func tooFarAbove(c *simpleforce.Client) {
	// want +1 `suppresses nothing`
	//sflint:ignore fakelogin -- two lines above the login: covers nothing

	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

// want +2 `//sflint:ignore fakelogin suppresses nothing: no fakelogin finding in function quiet`
//
//sflint:ignore fakelogin -- function doc comment, nothing inside
func quiet(c *simpleforce.Client) {
	_, _ = c.Query("SELECT Id FROM Account")
}

func disabled(c *simpleforce.Client) {
	// A disabled analyzer is known, and not judged: nothing is reported.
	//sflint:ignore disabledcheck -- disabled in this configuration
	_, _ = c.Query("SELECT Id FROM Account")
}

func disabledAndUsed(c *simpleforce.Client) {
	//sflint:ignore fakelogin,disabledcheck -- both named, fakelogin used
	_ = c.LoginPassword("u", "p", "t")
}

func silenced(c *simpleforce.Client) {
	// A directive may silence sflintignore itself; it is then used.
	//sflint:ignore sflintignore -- the next directive is deliberately malformed
	//sflint:ignore -- no name
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func selfUnused(c *simpleforce.Client) {
	// want +1 `//sflint:ignore sflintignore suppresses nothing`
	//sflint:ignore sflintignore -- nothing to silence
	_, _ = c.Query("SELECT Id FROM Account")
}

func nearMiss(c *simpleforce.Client) {
	// want +1 `this comment is not a //sflint:ignore directive and suppresses nothing\. Remove the space after //`
	// sflint:ignore fakelogin -- written with a space
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func notNearMiss(c *simpleforce.Client) {
	// sflint:ignore directives are explained in the README (no analyzer named: not reported).
	_, _ = c.Query("SELECT Id FROM Account")
}
