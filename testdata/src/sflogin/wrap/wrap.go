// want package:"salesforce"

// Package wrap declares login wrappers and a fault classifier; package use calls them.
package wrap

import (
	"errors"
	"fmt"

	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

// Connect hands back the client and the login error wrapped with %w.
func Connect(user, pass string) (*soapforce.Client, error) { // want Connect:`login soapforce.\(\*Client\).Login err=1 session=0 arg0=username arg1=password\+security token`
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return c, nil
}

// DAO keeps the client it logs in with.
type DAO struct{ c *simpleforce.Client }

// Open logs in on the receiver's client: the session stays with the caller's DAO.
func (d *DAO) Open(u, p, tok string) error { // want Open:`login simpleforce.\(\*Client\).LoginPassword err=0 session=recv arg0=username arg1=password arg2=security token`
	d.c = simpleforce.NewClient("https://login.salesforce.com", "id", "52.0")
	return d.c.LoginPassword(u, p, tok)
}

// Reconnect wraps a wrapper of the same package.
func Reconnect(u, p string) error { // want Reconnect:`login soapforce.\(\*Client\).Login err=0`
	_, err := Connect(u, p)
	return err
}

// Erased throws the fault away and keeps the client to itself: not a wrapper.
func Erased(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return errors.New("login failed")
	}
	return nil
}

// Close logs the receiver's session out: a logout wrapper.
func Close(c *soapforce.Client) error { // want Close:`logout soapforce.\(\*Client\).Logout`
	return c.Logout()
}

// IsLockout inspects the fault code: a classifier.
func IsLockout(err error) bool { // want IsLockout:"classifier"
	var f *soapforce.SOAPFault
	return errors.As(err, &f) && f.Code == "sf:PASSWORD_LOCKOUT"
}

// Describe reads the fault but not its code: not a classifier.
func Describe(err error) string {
	var f *soapforce.SOAPFault
	if errors.As(err, &f) {
		return f.String
	}
	return err.Error()
}

// Outer wraps a wrapper declared after it: the worklist comes back to it.
func Outer(u, p string) error { // want Outer:`login soapforce.\(\*Client\).Login err=0 arg0=username arg1=password\+security token`
	return later(u, p)
}

func later(u, p string) error { // want later:`login soapforce.\(\*Client\).Login err=0 arg0=username arg1=password\+security token`
	_, err := soapforce.NewClient().Login(u, p)
	return err
}
