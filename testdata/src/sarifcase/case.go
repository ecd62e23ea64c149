// Package sarifcase is what internal/driver's SARIF test runs on.
package sarifcase

import "github.com/simpleforce/simpleforce"

func reported(c *simpleforce.Client) error {
	return c.LoginPassword("u", "p", "t")
}

func suppressed(c *simpleforce.Client) error {
	//sflint:ignore fakecheck -- the pool logs this session out
	return c.LoginPassword("u", "p", "t")
}

func wide(c *simpleforce.Client) error {
	return c.LoginPassword("héllo 𝄞", "p", "t")
}

func unused() {
	//sflint:ignore fakecheck -- stale
}
