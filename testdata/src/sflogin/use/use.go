// Package use calls package wrap's wrappers: the facts cross the package boundary.
package use

import (
	"sflogin/wrap"

	"example.com/ldap"
)

func run(u, p string) error {
	c, err := wrap.Connect(u, p) // want `login wrap.Connect \(which calls soapforce.\(\*Client\).Login\) err=1 session=0 username password\+security token`
	if err != nil {
		if wrap.IsLockout(err) {
			return nil
		}
		return err
	}
	defer wrap.Close(c) // want `logout wrap.Close \(which calls soapforce.\(\*Client\).Logout\)`
	var d wrap.DAO
	if err := d.Open(u, p, "tok"); err != nil { // want `login wrap.\(\*DAO\).Open \(which calls simpleforce.\(\*Client\).LoginPassword\) err=0 session=recv username password security token`
		return err
	}
	_ = wrap.Describe(err)
	// An LDAP client's Login merely shares the name: not a Salesforce login.
	if _, err := ldap.NewClient("ldap://x").Login(u, p); err != nil {
		return err
	}
	return nil
}
