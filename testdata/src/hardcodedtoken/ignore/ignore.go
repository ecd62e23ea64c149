// Package ignore checks //sflint:ignore directives for hardcodedtoken.
package ignore

import (
	"os"

	"github.com/simpleforce/simpleforce"
)

func sameLine(c *simpleforce.Client) error {
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), "Hf3LmQ8zT1xW6cN9bR4kV7pJs") //sflint:ignore hardcodedtoken -- the sandbox token of a throw-away org, reset nightly
}

func lineAbove(c *simpleforce.Client) error {
	//sflint:ignore hardcodedtoken -- the sandbox token of a throw-away org, reset nightly
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), "Hf3LmQ8zT1xW6cN9bR4kV7pJs")
}

// wholeFunction logs in to the throw-away org.
//
//sflint:ignore hardcodedtoken -- the sandbox credentials of a throw-away org, reset nightly
func wholeFunction(c *simpleforce.Client) error {
	return c.LoginPassword("qa@example.com", "Passw0rd!2024", "Hf3LmQ8zT1xW6cN9bR4kV7pJs")
}

func otherAnalyzer(c *simpleforce.Client) error {
	//sflint:ignore blindretry -- names another analyzer
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), "Hf3LmQ8zT1xW6cN9bR4kV7pJs") // want `^security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal`
}
