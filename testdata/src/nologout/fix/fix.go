// Package fix: the suggested fix defers the logout after the login's error check.
package fix

import (
	"log"

	soapforce "github.com/tzmfreedom/go-soapforce"

	"nologout/sfwrap"
)

func afterErrCheck(u, p string) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	log.Print(res.UserId)
	return nil
}

func ifInit(u, p string) error {
	client := soapforce.NewClient()
	if _, err := client.Login(u, p); err != nil { // want `not logged out on all paths`
		return err
	}
	_, err := client.Query("SELECT Id FROM Account")
	return err
}

func unchecked(u, p string) {
	c := soapforce.NewClient()
	c.Login(u, p) // want `not logged out on all paths`
	c.Query("SELECT Id FROM Account")
}

func nested(u, p string, ok bool) error {
	if ok {
		c := soapforce.NewClient()
		if err := c.LoginWithOAuth(u, p); err != nil { // want `not logged out on all paths`
			log.Printf("login: %v", err)
			return err
		}
		c.Query("SELECT Id FROM Account")
	}
	return nil
}

func wrapper(u, p string) error {
	c, err := sfwrap.Connect(u, p) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	_, err = c.Query("SELECT Id FROM Account")
	return err
}

type conn struct{ c *soapforce.Client }

func field(u, p string) error {
	d := &conn{c: soapforce.NewClient()}
	if _, err := d.c.Login(u, p); err != nil { // want `not logged out on all paths`
		return err
	}
	return nil
}

// noFix: without an error check the wrapper's client may be nil: reported, no fix.
func noFix(u, p string) {
	c, _ := sfwrap.Connect(u, p) // want `not logged out on all paths`
	c.Query("SELECT Id FROM Account")
}

func daoFix(u, p string) error {
	d := sfwrap.NewDAO()
	if err := d.Open(u, p); err != nil { // want `not logged out on all paths\. Defer d.Close\(\) after`
		return err
	}
	_, err := d.Accounts()
	return err
}

func daoClosed(u, p string) error {
	d := sfwrap.NewDAO()
	if err := d.Open(u, p); err != nil {
		return err
	}
	return d.Close()
}
