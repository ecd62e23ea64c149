package testfiles

import "testing"

func TestLogin(t *testing.T) {
	c := NewClient()
	if err := c.LoginPassword("qa.bot@acme-corp.com.dev", "Passw0rd!2024", "Hf3LmQ8zT1xW6cN9bR4kV7pJs"); err != nil { // want `^password for simpleforce.\(\*Client\).LoginPassword is a string literal \(13 chars\)` `^security token for simpleforce.\(\*Client\).LoginPassword is a string literal \(25 chars\)`
		t.Fatal(err)
	}
}
