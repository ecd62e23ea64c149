// Package notests is checked with -hardcodedtoken.tests=false: its _test.go
// files are left out, its other files are not.
package notests

import (
	"os"

	"github.com/simpleforce/simpleforce"
)

// Login logs in with a literal token.
func Login(c *simpleforce.Client) error {
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), "Hf3LmQ8zT1xW6cN9bR4kV7pJs") // want `^security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal`
}
