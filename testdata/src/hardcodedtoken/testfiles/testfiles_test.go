package testfiles

import "testing"

func TestLogin(t *testing.T) {
	c := NewClient()
	if err := c.LoginPassword("qa.bot@acme-corp.com.dev", "Passw0rd!2024", "Hf3LmQ8zT1xW6cN9bR4kV7pJs"); err != nil { // want `^password for simpleforce.\(\*Client\).LoginPassword is a 13-char string literal` `^security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal`
		t.Fatal(err)
	}
}
