// Package expired holds case 6 of unhandledfault: a SOAP login whose
// LoginResult.PasswordExpired is never read before the session is used.
package expired

import (
	"errors"
	"fmt"
	"log"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

var errExpired = errors.New("the integration user's password has expired")

// ---- reported ----

func neverRead(host, u, p string) error { // want neverRead:`fault \*soapforce.SOAPFault.Code SOAP$`
	client := soapforce.NewClient()
	client.SetLoginUrl(host)
	res, err := client.Login(u, p) // want `^the password expiry of soapforce.\(\*Client\).Login is not checked before the function returns\. Check res.PasswordExpired right after the login and ask for a password reset\.$`
	if err != nil {
		return fmt.Errorf("credential check: %w", err)
	}
	log.Printf("credentials ok: user %s on %s", res.UserId, res.ServerUrl)
	return client.Logout()
}

func usedFirst(u, p string) (*soapforce.QueryResult, error) { // want usedFirst:`fault \*soapforce.SOAPFault.Code SOAP$`
	client := soapforce.NewClient()
	res, err := client.Login(u, p) // want `is not checked before the session is used\. Check res.PasswordExpired`
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	qr, err := client.Query("SELECT Id FROM Account")
	if res.PasswordExpired {
		return nil, errExpired
	}
	return qr, err
}

// The LoginResult is thrown away and the client handed back.
func discarded(u, p string) (*soapforce.Client, error) { // want discarded:`fault \*soapforce.SOAPFault.Code SOAP$`
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil { // want `^the password expiry of soapforce.\(\*Client\).Login is not checked: the LoginResult is discarded and the session is used\. Keep the LoginResult and check PasswordExpired`
		return nil, fmt.Errorf("connect: %w", err)
	}
	return c, nil
}

// Through a wrapper that hands back the LoginResult.
func login(c *soapforce.Client, u, p string) (*soapforce.LoginResult, error) { // want login:`fault \*soapforce.SOAPFault.Code SOAP$`
	return c.Login(u, p)
}

func viaWrapper(u, p string) error { // want viaWrapper:`fault \*soapforce.SOAPFault.Code SOAP$`
	c := soapforce.NewClient()
	res, err := login(c, u, p) // want `^the password expiry of expired.login is not checked: res.PasswordExpired is not read before the function returns\. expired.login calls soapforce.\(\*Client\).Login: check`
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	log.Print(res.SessionId != "")
	return nil
}

// ---- not reported ----

func checked(u, p string) (*soapforce.Client, error) { // want checked:`fault \*soapforce.SOAPFault.Code SOAP$`
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	if res.PasswordExpired {
		return nil, errExpired
	}
	return c, nil
}

// Logout on every path is no use of the session.
func checkedAfterDefer(u, p string) error { // want checkedAfterDefer:`fault \*soapforce.SOAPFault.Code SOAP$`
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	defer c.Logout()
	if res.PasswordExpired {
		return errExpired
	}
	_, err = c.Query("SELECT Id FROM Account")
	return err
}

type pool struct{ all []*soapforce.Client }

// Recording the client for a later logout is no use of the session.
func (p *pool) get(u, pw string) (*soapforce.Client, error) { // want get:`fault \*soapforce.SOAPFault.Code SOAP$`
	c := soapforce.NewClient()
	res, err := c.Login(u, pw)
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	p.all = append(p.all, c)
	if res.PasswordExpired {
		return nil, errExpired
	}
	return c, nil
}

// Handed back: the caller checks it.
func handedBack(c *soapforce.Client, u, p string) (*soapforce.LoginResult, error) { // want handedBack:`fault \*soapforce.SOAPFault.Code SOAP$`
	res, err := c.Login(u, p)
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	return res, nil
}

// Handed to a checker.
func handedOn(c *soapforce.Client, u, p string, check func(*soapforce.LoginResult) error) error { // want handedOn:`fault \*soapforce.SOAPFault.Code SOAP$`
	res, err := c.Login(u, p)
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	return check(res)
}

// An alias is read.
func alias(c *soapforce.Client, u, p string) error { // want alias:`fault \*soapforce.SOAPFault.Code SOAP$`
	res, err := c.Login(u, p)
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	r := res
	if r.PasswordExpired {
		return errExpired
	}
	return nil
}

// Discarded, but the session is never used: only a reachability probe.
func probe(u, p string) error { // want probe:`fault \*soapforce.SOAPFault.Code SOAP$`
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return fmt.Errorf("probe: %w", err)
	}
	return c.Logout()
}

// A type switch on the error: only its case nil is the successful path.
func typeSwitch(c *soapforce.Client, u, p string) string {
	res, err := c.Login(u, p)
	switch f := err.(type) {
	case nil:
		if res.PasswordExpired {
			return "expired"
		}
		return "ok"
	case *soapforce.SOAPFault:
		return f.Code
	default:
		return err.Error()
	}
}
