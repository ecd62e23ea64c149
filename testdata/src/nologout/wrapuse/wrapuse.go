// Package wrapuse calls package sfwrap's wrappers: a login through a wrapper
// that hands the client back must be logged out by the caller.
package wrapuse

import (
	"log"

	soapforce "github.com/tzmfreedom/go-soapforce"

	"nologout/sfwrap"
)

func connectLeak(u, p string) error {
	c, err := sfwrap.Connect(u, p) // want `session from sfwrap.Connect \(which calls soapforce.\(\*Client\).Login\) is not logged out on all paths\. Defer c.Logout\(\) after the login's error check`
	if err != nil {
		return err
	}
	_, err = c.Query("SELECT Id FROM Account")
	return err
}

func connectDisconnect(u, p string) error {
	c, err := sfwrap.Connect(u, p)
	if err != nil {
		return err
	}
	defer sfwrap.Disconnect(c)
	_, err = c.Query("SELECT Id FROM Account")
	return err
}

func connectDiscarded(u, p string) error {
	_, err := sfwrap.Connect(u, p) // want `session from sfwrap.Connect \(which calls soapforce.\(\*Client\).Login\) is discarded, so it can never be logged out\. Keep the client and defer its Logout\(\) after the login's error check`
	return err
}

func loginOnLeak(u, p string) error {
	c := soapforce.NewClient()
	res, err := sfwrap.LoginOn(c, u, p) // want `session from sfwrap.LoginOn \(which calls soapforce.\(\*Client\).Login\) is not logged out on all paths`
	if err != nil {
		return err
	}
	log.Print(res.UserId)
	return nil
}

func loginOnLogout(u, p string) error {
	c := soapforce.NewClient()
	if _, err := sfwrap.LoginOn(c, u, p); err != nil {
		return err
	}
	return c.Logout()
}

func daoLeak(u, p string) error {
	d := sfwrap.NewDAO()
	if err := d.Open(u, p); err != nil { // want `session from sfwrap.\(\*DAO\).Open \(which calls soapforce.\(\*Client\).Login\) is not logged out on all paths\. Defer d.Close\(\) after the login's error check`
		return err
	}
	n, err := d.Accounts()
	log.Print(n)
	return err
}

func daoClose(u, p string) error {
	d := sfwrap.NewDAO()
	if err := d.Open(u, p); err != nil {
		return err
	}
	defer d.Close()
	_, err := d.Accounts()
	return err
}

// daoValue: a DAO value declared in the function.
func daoValue(u, p string) error {
	var d sfwrap.DAO
	if d.Open(u, p) != nil {
		return nil
	}
	return d.Close()
}

// keeperLeak: no logout method of sfwrap.Keeper is known here.
func keeperLeak(u, p string) error {
	k := &sfwrap.Keeper{}
	if err := k.Start(u, p); err != nil { // want `session from sfwrap.\(\*Keeper\).Start \(which calls soapforce.\(\*Client\).Login\) is not logged out on all paths\. Log the client out on every path \(its Logout\(\), or a method of yours that calls it; defer it after the login's error check\)`
		return err
	}
	return nil
}

// loginOnValue: the client is a value; the wrapper gets its address.
func loginOnValue(u, p string) error {
	var c soapforce.Client
	if _, err := sfwrap.LoginOn(&c, u, p); err != nil { // want `not logged out on all paths\. Defer c.Logout\(\) after`
		return err
	}
	return nil
}
