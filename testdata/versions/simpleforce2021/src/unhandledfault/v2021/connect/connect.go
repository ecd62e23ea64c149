// Shape: a SQL-over-API plugin's connect function, pinning simpleforce of
// 2021 (af9d9a281fea; 245ee39ac3ec has the same login API): the error is a
// github.com/pkg/errors text ending "Error Code: sf:INVALID_LOGIN". %v keeps
// everything a caller can ever read, so it is no erasure; a text match is the
// only classification there is, and the advice must say so (errors.As into
// SalesforceError does not compile against this version).
package connect

import (
	"errors"
	"fmt"
	"strings"

	hclog "github.com/hashicorp/go-hclog"
	"github.com/simpleforce/simpleforce"
)

func Connect(log hclog.Logger, url, user, pass, token string) (*simpleforce.Client, error) {
	c := simpleforce.NewClient(url, "plugin", simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil {
		log.Error("connect", "client login error", err)
		return nil, fmt.Errorf("client login error %v", err) // not an erasure in this version
	}
	return c, nil
}

func ConnectQuietly(url, user, pass, token string) *simpleforce.Client {
	c := simpleforce.NewClient(url, "plugin", simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only dropped and its fault code is never read\. Find the code in err.Error\(\), the only place simpleforce as loaded \(the 2021 versions\) keeps it, and stop on sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT, \.\.\.; or return the error wrapped with %w\.$`
		return nil
	}
	return c
}

func ConnectReplaced(url, user, pass, token string) (*simpleforce.Client, error) {
	c := simpleforce.NewClient(url, "plugin", simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil {
		return nil, errors.New("salesforce login failed") // want `^errors.New replaces the error of simpleforce.\(\*Client\).LoginPassword, which keeps its fault code in its text\. Return it wrapped with %w so a caller can find the code \(sf:INVALID_LOGIN, `
	}
	return c, nil
}

// ---- not reported ----

// Classifying by text is the only classification this version allows.
func ConnectClassified(url, user, pass, token string) *simpleforce.Client {
	c := simpleforce.NewClient(url, "plugin", simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil {
		if strings.Contains(err.Error(), "sf:PASSWORD_LOCKOUT") {
			return nil
		}
		return nil
	}
	return c
}
