// Shape: a chat bot's data-access constructor and a CLI skeleton, both pinning
// simpleforce of 2020 (2062cbbdbb89), whose failed login is the sentinel
// ErrFailure: no fault code exists in that version. The advice is to return
// the error and to upgrade; "read the ErrorCode of SalesforceError" would
// name a type this version does not have (the suggested code would not
// compile), and replacing the error erases no code.
package dao

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/simpleforce/simpleforce"
)

type DAO struct{ c *simpleforce.Client }

func NewDAO(url, user, pass, token string) *DAO {
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only logged\. Return it or stop on it, and upgrade github.com/simpleforce/simpleforce to v0.0.0-20220429021116-acf4ac67ef68 \(2022-04\) or later: simpleforce as loaded \(the 2020 version\) keeps no fault code\.$`
		log.Println(err.Error())
		return nil
	}
	return &DAO{c: c}
}

func Discard(url, user, pass, token string) *simpleforce.Client {
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	_ = c.LoginPassword(user, pass, token) // want `^the login error of simpleforce.\(\*Client\).LoginPassword is discarded: .*\. Check it and stop on it, and upgrade github.com/simpleforce/simpleforce to v0.0.0-20220429021116-acf4ac67ef68 \(2022-04\) or later`
	return c
}

// A text test for a code: this version's ErrFailure never holds one.
func Locked(c *simpleforce.Client, user, pass, token string) bool {
	err := c.LoginPassword(user, pass, token)
	return err != nil && strings.Contains(err.Error(), "PASSWORD_LOCKOUT") // want `^the error of simpleforce.\(\*Client\).LoginPassword never mentions "PASSWORD_LOCKOUT", so this test is always false\. Test err != nil alone, or upgrade github.com/simpleforce/simpleforce to v0.0.0-20220429021116-acf4ac67ef68 \(2022-04\) or later\.$`
}

// ---- not reported ----

// The error goes back to the caller: with this version nothing more can be done.
func OpenDAO(url, user, pass, token string) (*DAO, error) { // want OpenDAO:`^no fault code SOAP \(github.com/simpleforce/simpleforce as loaded \(the 2020 version\) has no simpleforce.SalesforceError\)$`
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil {
		if errors.Is(err, simpleforce.ErrFailure) {
			return nil, errors.New("salesforce login failed") // not an erasure: there was no code
		}
		return nil, err
	}
	return &DAO{c: c}, nil
}

// %v erases nothing either.
func Flatten(url, user, pass, token string) (*DAO, error) {
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil {
		return nil, fmt.Errorf("salesforce login: %v", err)
	}
	return &DAO{c: c}, nil
}
