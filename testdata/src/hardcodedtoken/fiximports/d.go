package fiximports

import "github.com/simpleforce/simpleforce"

type operatingSystem struct{}

func (operatingSystem) Getenv(string) string { return "" }

// Secret is a string type of the caller's own: os.Getenv would not fit.
type Secret string

var namedToken Secret = "Zx9Cv8Bn7Mm6Ll5Kk4Jj3Hh2G"

func shadowed(c *simpleforce.Client) error {
	os := operatingSystem{}
	if err := c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), "Hf3LmQ8zT1xW6cN9bR4kV7pJs"); err != nil { // want `^security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal`
		return err
	}
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), string(namedToken)) // want `^security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal via package variable namedToken`
}
