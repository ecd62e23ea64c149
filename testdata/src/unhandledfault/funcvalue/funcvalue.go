// Package funcvalue checks the login error of calls through function
// values (a method value, a closure that logs in): the fault is swallowed
// the same way as on a direct call.
package funcvalue

import (
	"errors"
	"log"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

func MethodValue(c *soapforce.Client, user, pass string) {
	login := c.Login
	if _, err := login(user, pass); err != nil { // want `^the login error of login \(which calls soapforce.\(\*Client\).Login\) is only logged` `^the password expiry of login is not checked: the LoginResult is discarded and the session is handed back in c\. login calls soapforce.\(\*Client\).Login: keep the LoginResult`
		log.Printf("login failed: %v", err)
		return
	}
}

func Closure(c *soapforce.Client, user, pass string) {
	attempt := func() error {
		_, err := c.Login(user, pass)
		return err
	}
	if err := attempt(); err != nil { // want `^the login error of attempt \(which calls soapforce.\(\*Client\).Login\)`
		log.Print(err)
	}
}

// Negative: the closure's caller inspects the fault code.
func ClosureInspected(c *soapforce.Client, user, pass string) error { // want ClosureInspected:"fault \\*soapforce.SOAPFault.Code SOAP inspected"
	attempt := func() error {
		_, err := c.Login(user, pass)
		return err
	}
	if err := attempt(); err != nil {
		var f *soapforce.SOAPFault
		if errors.As(err, &f) && f.Code == "sf:PASSWORD_LOCKOUT" {
			return err
		}
		log.Print(err)
	}
	return nil
}
