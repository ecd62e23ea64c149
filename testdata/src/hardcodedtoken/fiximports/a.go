// Package fiximports checks how the fix imports os: after a single import,
// after the package clause of a file with no imports, under an alias, and
// not at all when the name os is taken or the type is not plain string.
package fiximports

import "github.com/simpleforce/simpleforce"

func single(c *simpleforce.Client) error {
	return c.LoginPassword("qa@example.com", "Winter2024!x", sandboxToken) // want `^password for simpleforce.\(\*Client\).LoginPassword is a 12-char string literal` `^security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal via package variable sandboxToken`
}
