// Package derived logs in through a team's own retry helpers (retrylib):
// the generic one retries every failure, so the login behind it is a blind
// retry; the one that stops on a permanent error is told which failures
// are final, and the login behind a single call is not retried at all.
package derived

import (
	"blindretry/retrylib"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

func LoginWithRetry(c *soapforce.Client, user, pass string) (*soapforce.LoginResult, error) {
	return retrylib.Do(5, func() (*soapforce.LoginResult, error) {
		return c.Login(user, pass) // want `soapforce.\(\*Client\).Login is retried by retrylib.Do without classifying the fault`
	})
}

func LoginUntilDone(c *soapforce.Client, user, pass string) {
	retrylib.Forever(func() error {
		_, err := c.Login(user, pass) // want `is retried by retrylib.Forever`
		return err
	})
}

// Negative: the helper stops on errors the operation marks permanent, and
// the operation marks every fault permanent.
func LoginClassified(c *soapforce.Client, user, pass string) error {
	return retrylib.Classified(3, func() error {
		_, err := c.Login(user, pass)
		if err != nil {
			return fmtPermanent(err)
		}
		return nil
	})
}

func fmtPermanent(err error) error { return retrylib.ErrPermanent }

// Negative: called once.
func LoginOnce(c *soapforce.Client, user, pass string) error {
	return retrylib.Once(func() error {
		_, err := c.Login(user, pass)
		return err
	})
}
