// Package funcvalue logs in through a method value bound to a local client:
// the session is that client's all the same.
package funcvalue

import soapforce "github.com/tzmfreedom/go-soapforce"

func MethodValue(user, pass string) error {
	c := soapforce.NewClient()
	login := c.Login
	if _, err := login(user, pass); err != nil { // want `session from login \(which calls soapforce.\(\*Client\).Login\) is not logged out on all paths`
		return err
	}
	_, err := c.Query("SELECT Id FROM Account")
	return err
}

func MethodValueLoggedOut(user, pass string) error {
	c := soapforce.NewClient()
	login := c.Login
	if _, err := login(user, pass); err != nil {
		return err
	}
	defer c.Logout()
	_, err := c.Query("SELECT Id FROM Account")
	return err
}
