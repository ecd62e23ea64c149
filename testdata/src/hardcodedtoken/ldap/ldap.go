// Package ldap logs in to Salesforce and to an LDAP server whose client merely
// shares the method name: the LDAP password is not reported, nor are the
// literals passed to a look-alike type of this package.
package ldap

import (
	"os"

	"example.com/ldap"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

type fakeClient struct{}

func (fakeClient) LoginPassword(username, password, token string) error { return nil }

func (fakeClient) SetAccessToken(sid string) {}

func bind(c *soapforce.Client) error {
	if _, err := c.Login(os.Getenv("SF_USERNAME"), os.Getenv("SF_PASSWORD")+os.Getenv("SF_SECURITY_TOKEN")); err != nil {
		return err
	}
	if _, err := ldap.NewClient("ldap://ldap.example.com").Login("cn=admin", "Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c"); err != nil {
		return err
	}
	var f fakeClient
	f.SetAccessToken("00D5g000004Ab1C!AQ4AQLq2Bf8Xn3Kp7Rv1Tw9Yz5Cm0Hd6Jg.Ls2Np8Qr4Vx_Wb7")
	return f.LoginPassword("qa@example.com", "Winter2024!x", "kQ7zR2mX9vB4nL8pW3sT6yH1c")
}
