// Package leak holds known secrets for the test that runs every output
// format of the driver and checks that none of their characters is printed.
package leak

import "github.com/simpleforce/simpleforce"

var fallbackToken = "Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U"

// Login logs in with literals.
func Login(c *simpleforce.Client) error {
	if err := c.LoginPassword("qa@example.com", "Vb6Nm5!Xc4Za", "Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U"); err != nil { // want `^password for` `^security token for`
		return err
	}
	return c.LoginPassword("qa@example.com", "Vb6Nm5!Xc4Za"+fallbackToken, "") // want `^password for .* starts with a 12-char string literal` `^password for LoginPassword has a 25-char string literal appended via package variable fallbackToken`
}

// Suppressed is silenced, but SARIF lists suppressed findings too.
func Suppressed(c *simpleforce.Client) error {
	//sflint:ignore hardcodedtoken -- checks that suppressed findings do not print the secret either
	return c.LoginPassword("qa@example.com", "Vb6Nm5!Xc4Za", "Lk9Jh8Gf7Ds6Aa5Qw4Er3Ty2U")
}

// Session sets a session id.
func Session(c *simpleforce.Client) {
	c.SetSidLoc("00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8.Aa7Ss6Dd5_Ff4", "https://acme.my.salesforce.com") // want `^session id for`
}
