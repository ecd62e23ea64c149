// Package fork calls a go-force fork that renamed the login (melan/go-force:
// CreateOAuth + CreateApi instead of Create). No row names CreateOAuth: the
// shared pass infers it from its parameter names. In a package that kept the
// library's names (go-soapforce), nothing is inferred: SetPassword sets
// another user's password, it logs in nobody.
package fork

import (
	"github.com/melan/go-force/force"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

func open(id, secret, user, pass, token string) (*force.Api, error) {
	oauth, err := force.CreateOAuth(id, secret, user, pass, token, "production") // want `login force.CreateOAuth err=1 session=0 client secret username password security token`
	if err != nil {
		return nil, err
	}
	return force.CreateApi("v50.0", oauth)
}

func reuse(id, access, instance string) (*force.OAuth, error) {
	return force.CreateOAuthWithAccessToken(id, access, instance) // want `reuse force.CreateOAuthWithAccessToken err=1 session=0 session id`
}

func admin(c *soapforce.Client, uid, pass string) error {
	_, err := c.SetPassword(uid, pass) // a library that kept its names: nothing inferred
	return err
}

func refresh(o *force.OAuth) error {
	return o.RefreshToken() // no credential parameter: nothing inferred
}
