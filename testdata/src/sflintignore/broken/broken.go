// Package broken does not type-check. Findings in a function with errors are
// dropped, so whether a directive there was used cannot be told: it is not
// judged. The functions that type-check are judged as anywhere.
package broken

import "github.com/simpleforce/simpleforce"

func fine(c *simpleforce.Client) {
	//sflint:ignore fakelogin -- used: line above
	_ = c.LoginPassword("u", "p", "t")
}

func stale(c *simpleforce.Client) {
	// want +1 `//sflint:ignore fakelogin suppresses nothing`
	//sflint:ignore fakelogin -- nothing below
	_ = c
}

func illTyped(c *simpleforce.Client) {
	//sflint:ignore fakelogin -- the finding below is dropped: not judged
	_ = c.LoginPassword("u", "p", "t")
	var x int = "s"
	_ = x
}

// docIllTyped's doc comment covers it; it does not type-check.
//
//sflint:ignore fakelogin -- not judged either
func docIllTyped(c *simpleforce.Client) {
	_ = c.LoginPassword("u", "p", undefined)
}

func unsuppressedIllTyped(c *simpleforce.Client) {
	_ = c.LoginPassword("u", "p", "t") // dropped, though no directive covers it
	c.NoSuchMethod()
}
