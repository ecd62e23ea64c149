package fiximports

import (
	goos "os"

	"github.com/simpleforce/simpleforce"
)

func alias(c *simpleforce.Client) error {
	return c.LoginPassword("qa@example.com", goos.Getenv("SF_PASSWORD"), "Hf3LmQ8zT1xW6cN9bR4kV7pJs") // want `^security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal`
}
