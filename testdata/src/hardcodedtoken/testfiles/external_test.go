package testfiles_test

import (
	"testing"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

func TestSOAP(t *testing.T) {
	c := soapforce.NewClient()
	if _, err := c.Login("qa.bot@acme-corp.com.dev", "Passw0rd!2024"+"Hf3LmQ8zT1xW6cN9bR4kV7pJs"); err != nil { // want `^password\+security token for soapforce.\(\*Client\).Login is a 38-char string literal`
		t.Fatal(err)
	}
	defer c.Logout()
}
