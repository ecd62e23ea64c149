// Package illtyped does not type-check: the analyzer must not panic, and
// still reports what it can see.
package illtyped

import (
	"log"

	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

func broken(c *soapforce.Client, u, p string) {
	res, err := c.Login(u, p, undefinedArg) // want `login fault swallowed` `password expiry not checked`
	if err != nil {
		log.Print(err)
		return
	}
	switch res.Nope.Code {
	case "INVALID_LOGIN":
	}
	if err := missing.Login(u, p); err != nil {
		return fmt.Errorf("%v", err)
	}
	var f *soapforce.SOAPFault
	if f.Code == undefinedConst || f.Code == "INVALID_LOGIN" { // want `compare with "sf:INVALID_LOGIN"`
	}
}

func fine(u, p, tok string) {
	c := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(u, p, tok); err != nil { // want `login fault swallowed`
		log.Print(err)
	}
}
