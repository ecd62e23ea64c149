// Package twoclients logs in on two clients of one type (a source org and a
// target org, as in org-to-org sync tools): a logout of one client does not
// end the other's session, whatever their type.
package twoclients

import soapforce "github.com/tzmfreedom/go-soapforce"

// WrongClient logs the target out twice and never the source.
func WrongClient(su, sp, tu, tp string) error {
	src := soapforce.NewClient()
	dst := soapforce.NewClient()
	if _, err := src.Login(su, sp); err != nil { // want `session from soapforce.\(\*Client\).Login is not logged out on all paths`
		return err
	}
	if _, err := dst.Login(tu, tp); err != nil {
		return err
	}
	defer dst.Logout()
	_, err := src.Query("SELECT Id FROM Account")
	return err
}

// Both: each client is logged out.
func Both(su, sp, tu, tp string) error {
	src := soapforce.NewClient()
	dst := soapforce.NewClient()
	if _, err := src.Login(su, sp); err != nil {
		return err
	}
	defer src.Logout()
	if _, err := dst.Login(tu, tp); err != nil {
		return err
	}
	defer dst.Logout()
	_, err := src.Query("SELECT Id FROM Account")
	return err
}

// Alias: the session flows into another variable, which is logged out.
func Alias(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	active := c
	defer active.Logout()
	_, err := c.Query("SELECT Id FROM Account")
	return err
}
