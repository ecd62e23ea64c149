// Package sfauth wraps Salesforce logins for package wrapped: its
// functions carry the shared pass's facts across the package boundary.
package sfauth

import (
	"errors"
	"fmt"

	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/session"
	"github.com/simpleforce/simpleforce"
)

// Config is what Connect logs in with.
type Config struct{ URL, ClientID, User, Pass, Token string }

// Connect logs in and hands back the client, or the fault wrapped with %w.
func Connect(cfg Config) (*simpleforce.Client, error) {
	c := simpleforce.NewClient(cfg.URL, cfg.ClientID, "52.0")
	if err := c.LoginPassword(cfg.User, cfg.Pass, cfg.Token); err != nil {
		return nil, fmt.Errorf("sfauth: %w", err)
	}
	return c, nil
}

// Open opens a go-sfdc session, whose failures carry no fault code.
func Open(cfg sfdc.Configuration) (*session.Session, error) {
	return session.Open(cfg)
}

// Fatal reports a fault that no retry can fix: a classifier.
func Fatal(err error) bool {
	var e simpleforce.SalesforceError
	return errors.As(err, &e) && (e.ErrorCode == "sf:INVALID_LOGIN" || e.ErrorCode == "sf:PASSWORD_LOCKOUT")
}
