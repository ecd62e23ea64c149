// Package illtyped does not type-check: the analyzer must not panic, and
// still reports what it sees in the functions that type-check. Findings in a
// function with errors are dropped: what the analysis saw there is not what
// the code means.
package illtyped

import (
	"log"

	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

func broken(c *soapforce.Client, u, p string) {
	res, err := c.Login(u, p, undefinedArg) // swallowed, expiry unchecked: not reported in a broken function
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
	if f.Code == undefinedConst || f.Code == "INVALID_LOGIN" { // the wrong comparison: not reported either
	}
}

func fine(u, p, tok string) {
	c := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(u, p, tok); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only logged`
		log.Print(err)
	}
}
