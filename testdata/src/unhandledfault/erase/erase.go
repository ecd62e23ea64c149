// Package erase holds case 3 of unhandledfault: a login fault erased on its
// way out (formatted with %v or %s, or replaced by a new error), so that no
// caller can read its code.
package erase

import (
	"context"
	"errors"
	"fmt"

	"github.com/ForceCLI/force/lib"
	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: "https://login.salesforce.com/services/oauth2/token"}}

// ErrLogin is what this package used to return instead of the fault.
var ErrLogin = errors.New("salesforce login failed")

func newClient() *simpleforce.Client {
	return simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
}

// ---- reported ----

func verbV(u, p, tok string) error {
	if err := newClient().LoginPassword(u, p, tok); err != nil {
		return fmt.Errorf("salesforce ping failed: %v", err) // want `^fmt.Errorf with %v flattens the simpleforce.SalesforceError of simpleforce.\(\*Client\).LoginPassword\. Wrap it with %w so a caller can errors.As it and act on sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT, \.\.\., or classify the fault before replacing it\.$`
	}
	return nil
}

func verbS(ctx context.Context, u, p string) (*oauth2.Token, error) {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return nil, fmt.Errorf("token for %s: %s", u, err) // want `^fmt.Errorf with %s flattens the \*oauth2.RetrieveError of oauth2.\(\*Config\).PasswordCredentialsToken\. Wrap it with %w .*invalid_grant, invalid_client_id`
	}
	return tok, nil
}

func errorText(u, p string) (*force.ForceApi, error) {
	api, err := force.Create("v52.0", "id", "secret", u, p, "tok", "production")
	if err != nil {
		return nil, fmt.Errorf("login: %v", err.Error()) // want `fmt.Errorf with %v flattens the \*force.ApiError of force.Create`
	}
	return api, nil
}

func wrapsSentinelOnly(c *soapforce.Client, u, p string) (*soapforce.LoginResult, error) {
	res, err := c.Login(u, p)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLogin, err) // want `fmt.Errorf with %v flattens the \*soapforce.SOAPFault`
	}
	return res, nil
}

func newFromText(ctx context.Context, u, p string) (*oauth2.Token, error) {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return nil, errors.New("legacy login failed: " + err.Error()) // want `errors.New keeps only the text of the \*oauth2.RetrieveError`
	}
	return tok, nil
}

func replaced(u, p, tok string) error {
	if err := newClient().LoginPassword(u, p, tok); err != nil {
		return errors.New("login failed") // want `errors.New replaces the simpleforce.SalesforceError`
	}
	return nil
}

func sentinel(u, p, tok string) error {
	if err := newClient().LoginPassword(u, p, tok); err != nil {
		return ErrLogin // want `returning ErrLogin replaces the simpleforce.SalesforceError`
	}
	return nil
}

func reassigned(u, p, tok string) error {
	err := newClient().LoginPassword(u, p, tok)
	if err != nil {
		err = fmt.Errorf("login failed: %v", err) // want `fmt.Errorf with %v flattens the simpleforce.SalesforceError`
	}
	return err
}

// ForceCLI keeps the code only in the text: a new error without that text
// loses it.
func forceReplaced(u, p string) (lib.ForceSession, error) {
	sess, err := lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p)
	if err != nil {
		return sess, errors.New("login failed") // want `^errors.New replaces the error of lib.ForceSoapLoginAtEndpoint, whose text is the only place its fault code survives\. Return it wrapped with %w so a caller can find the code \(INVALID_LOGIN, PASSWORD_LOCKOUT`
	}
	return sess, nil
}

// ---- not reported ----

func wrapped(u, p, tok string) error { // want wrapped:`fault simpleforce.SalesforceError.ErrorCode SOAP$`
	if err := newClient().LoginPassword(u, p, tok); err != nil {
		return fmt.Errorf("login: %w", err)
	}
	return nil
}

func isLockout(err error) bool {
	var e simpleforce.SalesforceError
	return errors.As(err, &e) && e.ErrorCode == "sf:PASSWORD_LOCKOUT"
}

// Classified first: inspected once is enough.
func classified(u, p, tok string) error {
	if err := newClient().LoginPassword(u, p, tok); err != nil {
		if isLockout(err) {
			return errors.New("locked out: wait 15 minutes")
		}
		return fmt.Errorf("login: %v", err)
	}
	return nil
}

// ForceCLI: the text, and the code in it, survive %v.
func forceText(u, p string) (lib.ForceSession, error) {
	sess, err := lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p)
	if err != nil {
		return sess, fmt.Errorf("login: %v", err)
	}
	return sess, nil
}

// Another error on another path.
func other(ctx context.Context, u, p string) (*oauth2.Token, error) {
	if ctx.Err() != nil {
		return nil, errors.New("cancelled before login")
	}
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return nil, ctx.Err()
	}
	return tok, nil
}
