package expired

// A shared login helper and a constructor throw the LoginResult away and
// hand the session on (seen in a data-loader CLI whose commands share the
// helper, and in a migration tool's client constructor): the password's
// expiry is then checked nowhere.

import (
	"errors"
	"fmt"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

func loginOn(c *soapforce.Client, user, pass string) error { // want loginOn:"fault \\*soapforce.SOAPFault.Code SOAP"
	_, err := c.Login(user, pass) // want `^the password expiry of .* is not checked before the session is handed back in c\. Keep the LoginResult`
	return err
}

type clients struct{ soap *soapforce.Client }

func newClients(user, pass string) (*clients, error) { // want newClients:"fault \\*soapforce.SOAPFault.Code SOAP"
	s := soapforce.NewClient()
	if _, err := s.Login(user, pass); err != nil { // want `^the password expiry of .* is not checked before the session is handed on\. Keep the LoginResult`
		return nil, fmt.Errorf("soap login: %w", err)
	}
	return &clients{soap: s}, nil
}

// Negative: the result is read before the session is handed back.
func loginOnChecked(c *soapforce.Client, user, pass string) error { // want loginOnChecked:"fault \\*soapforce.SOAPFault.Code SOAP"
	res, err := c.Login(user, pass)
	if err != nil {
		return err
	}
	if res.PasswordExpired {
		return errors.New("the Salesforce password has expired: reset it")
	}
	return nil
}
