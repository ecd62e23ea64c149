// Package lib wraps the Salesforce clients for package app: its functions
// hand the login error back, so their callers in app carry the duty to
// inspect the fault, unless lib inspected it first.
package lib

import (
	"errors"
	"fmt"

	forcelib "github.com/ForceCLI/force/lib"
	"github.com/k-capehart/go-salesforce/v3"
	"github.com/simpleforce/simpleforce"
)

func newClient() *simpleforce.Client {
	return simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
}

// Connect hands the fault back un-inspected: its callers must inspect it.
func Connect(u, p, tok string) (*simpleforce.Client, error) { // want Connect:`^fault simpleforce.SalesforceError.ErrorCode SOAP$`
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		return nil, fmt.Errorf("lib: login: %w", err)
	}
	return c, nil
}

// Dial wraps Connect unchanged: a wrapper of a wrapper.
func Dial(u, p, tok string) (*simpleforce.Client, error) { // want Dial:`^fault simpleforce.SalesforceError.ErrorCode SOAP$`
	return Connect(u, p, tok)
}

// IsLockout is a classifier (the shared pass exports its fact).
func IsLockout(err error) bool {
	var e simpleforce.SalesforceError
	return errors.As(err, &e) && e.ErrorCode == "sf:PASSWORD_LOCKOUT"
}

// ErrLockedOut tells callers not to try again for 15 minutes.
var ErrLockedOut = errors.New("lib: the user is locked out")

// ConnectChecked classifies the fault before handing it back: its callers
// are relieved.
func ConnectChecked(u, p, tok string) (*simpleforce.Client, error) { // want ConnectChecked:`^fault simpleforce.SalesforceError.ErrorCode SOAP inspected$`
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		if IsLockout(err) {
			return nil, fmt.Errorf("%w: %w", ErrLockedOut, err)
		}
		return nil, fmt.Errorf("lib: login: %w", err)
	}
	return c, nil
}

// Reports hands back go-salesforce's error, which keeps no code.
func Reports(creds salesforce.Creds) (*salesforce.Salesforce, error) { // want Reports:`^no fault code OAuth$`
	return salesforce.Init(creds)
}

// CLI hands back ForceCLI's error, whose text holds the code.
func CLI(u, p string) (forcelib.ForceSession, error) { // want CLI:`^fault in text SOAP$`
	return forcelib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p)
}
