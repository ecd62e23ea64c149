// Package quiet holds login code that handles the failure right, in the
// shapes on which the analyzers used to disagree: a retry that classifies
// the fault and stops on the codes that cannot succeed, branches taken only
// when the login failed (errors.As true, a type switch on the error), and a
// session ended on every path. No analyzer may report any of it: the flow
// model answers the same way for all of them.
package quiet

import (
	"errors"
	"fmt"
	"time"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

var (
	errExpired     = errors.New("password expired: reset it")
	errUnavailable = errors.New("salesforce unavailable")
	errLocked      = errors.New("user locked out for 15 minutes")
)

// ClassifiedRetry retries the transient fault only, leaves the loop on
// success, checks the expired password and logs out.
func ClassifiedRetry(user, pass string) error {
	c := soapforce.NewClient()
	for attempt := 0; attempt < 3; attempt++ {
		res, err := c.Login(user, pass)
		if err == nil {
			defer c.Logout()
			if res.PasswordExpired {
				return errExpired
			}
			_, err = c.Query("SELECT Id FROM Account")
			return err
		}
		var f *soapforce.SOAPFault
		if !errors.As(err, &f) || f.Code != "sf:SERVER_UNAVAILABLE" {
			return fmt.Errorf("salesforce login: %w", err)
		}
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return errUnavailable
}

// FailureBranch returns from a branch taken only when the login failed
// (errors.As true): there is no session there to end.
func FailureBranch(user, pass string) error {
	c := soapforce.NewClient()
	res, err := c.Login(user, pass)
	var f *soapforce.SOAPFault
	if errors.As(err, &f) {
		if f.Code == "sf:PASSWORD_LOCKOUT" {
			return errLocked
		}
		return fmt.Errorf("salesforce login: %w", err)
	}
	if err != nil {
		return err
	}
	defer c.Logout()
	if res.PasswordExpired {
		return errExpired
	}
	_, err = c.Query("SELECT Id FROM Account")
	return err
}

// TypeSwitch: the case nil holds the session; the fault's case does not.
func TypeSwitch(user, pass string) error {
	c := soapforce.NewClient()
	res, err := c.Login(user, pass)
	switch e := err.(type) {
	case nil:
	case *soapforce.SOAPFault:
		if e.Code == "sf:INVALID_LOGIN" || e.Code == "sf:PASSWORD_LOCKOUT" {
			return fmt.Errorf("check the credentials, do not retry: %w", err)
		}
		return fmt.Errorf("salesforce login: %w", err)
	default:
		return err
	}
	defer c.Logout()
	if res.PasswordExpired {
		return errExpired
	}
	_, err = c.Query("SELECT Id FROM Account")
	return err
}
