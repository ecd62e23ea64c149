// Package declared has its own retry helper, declared to sflint with
// -sflogin.retry=blindretry/declared.Retry, and its own stop marker, declared
// with -blindretry.permanent=blindretry/declared.Final.
package declared

import (
	"errors"
	"time"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

type final struct{ err error }

func (f final) Error() string { return f.err.Error() }

// Final marks an error that Retry must not retry.
func Final(err error) error { return final{err} }

// Retry calls f until it returns nil or a Final error.
func Retry(f func() error) error {
	for {
		err := f()
		var fe final
		if err == nil || errors.As(err, &fe) {
			return err
		}
		time.Sleep(time.Second)
	}
}

func blind(c *soapforce.Client, user, pass string) error {
	return Retry(func() error {
		_, err := c.Login(user, pass) // want `soapforce\.\(\*Client\)\.Login is retried by declared\.Retry without classifying the fault\. .*\(return a final error for them\)`
		return err
	})
}

// stops: Final is declared as a stop marker.
func stops(c *soapforce.Client, user, pass string) error {
	return Retry(func() error {
		if _, err := c.Login(user, pass); err != nil {
			return Final(err)
		}
		return nil
	})
}

// undeclared: a helper sflint is not told about is not a retry.
func undeclared(c *soapforce.Client, user, pass string) error {
	return again(func() error {
		_, err := c.Login(user, pass)
		return err
	})
}

func again(f func() error) error { return f() }

// Connect logs in with a client sflint does not know; it is declared with
// -sflogin.login=blindretry/declared.Connect.
func Connect(user, password string) error { return nil }

// declaredLogin: the vocabulary is unknown, so both are named.
func declaredLogin(user, pass string) {
	for Connect(user, pass) != nil { // want `declared\.Connect is retried in a loop without classifying the fault\. Stop on INVALID_LOGIN, PASSWORD_LOCKOUT and every other code .*; retry only SERVER_UNAVAILABLE, REQUEST_LIMIT_EXCEEDED, rate_limit_exceeded and network errors`
		time.Sleep(time.Second)
	}
}
