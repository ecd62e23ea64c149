// Package helpers holds the retry-library shapes of blindretry.
package helpers

import (
	"context"
	"errors"
	"time"

	"github.com/avast/retry-go/v4"
	backoff "github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	goretry "github.com/sethvargo/go-retry"
	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
	"golang.org/x/oauth2"
	"k8s.io/apimachinery/pkg/util/wait"
)

func fatal(err error) bool {
	var f *soapforce.SOAPFault
	return errors.As(err, &f) && (f.Code == "sf:INVALID_LOGIN" || f.Code == "sf:PASSWORD_LOCKOUT")
}

// ---- cenkalti/backoff v4 ----

func backoffBlind(c *soapforce.Client, user, pass string) error {
	return backoff.Retry(func() error {
		_, err := c.Login(user, pass) // want `soapforce\.\(\*Client\)\.Login is retried by backoff\.Retry without classifying the fault\. Stop on .* \(return backoff\.Permanent\(err\) for them\); retry only SERVER_UNAVAILABLE, REQUEST_LIMIT_EXCEEDED and network errors`
		return err
	}, backoff.NewExponentialBackOff())
}

func backoffPermanent(c *soapforce.Client, user, pass string) error {
	return backoff.Retry(func() error {
		_, err := c.Login(user, pass)
		if err != nil && fatal(err) {
			return backoff.Permanent(err)
		}
		return err
	}, backoff.NewExponentialBackOff())
}

// backoffAlwaysPermanent never retries a failed login.
func backoffAlwaysPermanent(c *simpleforce.Client, user, pass, token string) error {
	return backoff.Retry(func() error {
		if err := c.LoginPassword(user, pass, token); err != nil {
			return backoff.Permanent(err)
		}
		return nil
	}, &backoff.ZeroBackOff{})
}

func backoffNotify(c *simpleforce.Client, user, pass, token string) error {
	op := func() error {
		return c.LoginPassword(user, pass, token) // want `LoginPassword is retried by backoff\.RetryNotify`
	}
	return backoff.RetryNotify(op, backoff.NewExponentialBackOff(), func(err error, d time.Duration) {})
}

func backoffWithData(c *soapforce.Client, user, pass string) (*soapforce.LoginResult, error) {
	return backoff.RetryWithData(func() (*soapforce.LoginResult, error) {
		return c.Login(user, pass) // want `retried by backoff\.RetryWithData`
	}, backoff.NewConstantBackOff(time.Second))
}

// login is an operation declared as a method.
type conn struct {
	c          *soapforce.Client
	user, pass string
}

func (k *conn) login() error {
	_, err := k.c.Login(k.user, k.pass) // want `retried by backoff\.Retry`
	return err
}

func (k *conn) open() error {
	return backoff.Retry(k.login, backoff.NewExponentialBackOff())
}

// ---- cenkalti/backoff v5 ----

func backoff5Blind(ctx context.Context, c *soapforce.Client, user, pass string) (*soapforce.LoginResult, error) {
	return backoff5.Retry(ctx, func() (*soapforce.LoginResult, error) {
		res, err := c.Login(user, pass) // want `retried by backoff\.Retry .*return backoff\.Permanent\(err\) for them`
		return res, err
	}, backoff5.WithMaxTries(5))
}

func backoff5Permanent(ctx context.Context, c *soapforce.Client, user, pass string) (*soapforce.LoginResult, error) {
	return backoff5.Retry(ctx, func() (*soapforce.LoginResult, error) {
		res, err := c.Login(user, pass)
		if fatal(err) {
			return nil, backoff5.Permanent(err)
		}
		return res, err
	}, backoff5.WithMaxTries(5))
}

// ---- avast/retry-go ----

func retryGoBlind(c *simpleforce.Client, user, pass, token string) error {
	return retry.Do(func() error {
		if err := c.LoginPassword(user, pass, token); err != nil { // want `retried by retry\.Do .*return retry\.Unrecoverable\(err\) for them`
			return err
		}
		return nil
	}, retry.Attempts(5))
}

// retryGoRetryIf hands the classification to the helper as an option: only
// the transient fault is retried (seen in jobs that configure retry-go once).
func retryGoRetryIf(c *simpleforce.Client, user, pass, token string) error {
	return retry.Do(func() error {
		return c.LoginPassword(user, pass, token)
	}, retry.Attempts(5), retry.RetryIf(func(err error) bool {
		var sfErr simpleforce.SalesforceError
		return errors.As(err, &sfErr) && sfErr.ErrorCode == "sf:SERVER_UNAVAILABLE"
	}))
}

// retryGoRetryIfBlind: the option only asks whether there was an error.
func retryGoRetryIfBlind(c *simpleforce.Client, user, pass, token string) error {
	return retry.Do(func() error {
		return c.LoginPassword(user, pass, token) // want `retried by retry\.Do`
	}, retry.RetryIf(func(err error) bool { return err != nil }))
}

// retryGoRetryIfNamed: the option is a classifier of the package.
func retryGoRetryIfNamed(c *soapforce.Client, user, pass string) error {
	return retry.Do(func() error {
		_, err := c.Login(user, pass)
		return err
	}, retry.RetryIf(transientFault))
}

func transientFault(err error) bool {
	var f *soapforce.SOAPFault
	return errors.As(err, &f) && f.Code == "sf:SERVER_UNAVAILABLE"
}

func retryGoUnrecoverable(c *simpleforce.Client, user, pass, token string) error {
	return retry.Do(func() error {
		err := c.LoginPassword(user, pass, token)
		var sfErr simpleforce.SalesforceError
		if errors.As(err, &sfErr) && sfErr.ErrorCode != "sf:SERVER_UNAVAILABLE" {
			return retry.Unrecoverable(err)
		}
		return err
	})
}

func retryGoWithData(c *soapforce.Client, user, pass string) (*soapforce.LoginResult, error) {
	return retry.DoWithData(func() (*soapforce.LoginResult, error) {
		res, err := c.Login(user, pass) // want `retried by retry\.DoWithData`
		if err != nil {
			return nil, errors.Join(errors.New("login"), err)
		}
		return res, nil
	})
}

// ---- sethvargo/go-retry ----

func goRetryBlind(ctx context.Context, c *soapforce.Client, user, pass string) error {
	return goretry.Do(ctx, goretry.NewExponential(time.Second), func(ctx context.Context) error {
		if _, err := c.Login(user, pass); err != nil { // want `retried by retry\.Do .*return them as they are, not wrapped in retry\.RetryableError`
			return goretry.RetryableError(err)
		}
		return nil
	})
}

// goRetryPlain: an error that is not RetryableError stops go-retry.
func goRetryPlain(ctx context.Context, c *soapforce.Client, user, pass string) error {
	return goretry.Do(ctx, goretry.NewExponential(time.Second), func(ctx context.Context) error {
		_, err := c.Login(user, pass)
		return err
	})
}

func goRetryClassified(ctx context.Context, c *soapforce.Client, user, pass string) error {
	return goretry.Do(ctx, goretry.NewExponential(time.Second), func(ctx context.Context) error {
		_, err := c.Login(user, pass)
		if err != nil && !fatal(err) {
			return goretry.RetryableError(err)
		}
		return err
	})
}

// ---- k8s.io/apimachinery/pkg/util/wait ----

func waitBlind(c *soapforce.Client, user, pass string) error {
	return wait.ExponentialBackoff(wait.Backoff{Duration: time.Second, Steps: 5}, func() (bool, error) {
		if _, err := c.Login(user, pass); err != nil { // want `retried by wait\.ExponentialBackoff .*return \(false, err\) for them`
			return false, nil
		}
		return true, nil
	})
}

func waitPoll(ctx context.Context, c *simpleforce.Client, user, pass, token string) error {
	return wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(ctx context.Context) (bool, error) {
		err := c.LoginPassword(user, pass, token) // want `retried by wait\.PollUntilContextTimeout`
		return err == nil, nil
	})
}

// waitStops: returning the error stops wait.
func waitStops(c *soapforce.Client, user, pass string) error {
	return wait.ExponentialBackoff(wait.Backoff{Duration: time.Second, Steps: 5}, func() (bool, error) {
		if _, err := c.Login(user, pass); err != nil {
			return false, err
		}
		return true, nil
	})
}

func waitClassified(c *soapforce.Client, user, pass string) error {
	return wait.ExponentialBackoff(wait.Backoff{Duration: time.Second, Steps: 5}, func() (bool, error) {
		_, err := c.Login(user, pass)
		switch {
		case err == nil:
			return true, nil
		case fatal(err):
			return false, err
		}
		return false, nil
	})
}

// notAHelper: a function that is not a retry helper calls the closure once.
func notAHelper(c *soapforce.Client, user, pass string) error {
	do := func(f func() error) error { return f() }
	return do(func() error {
		_, err := c.Login(user, pass)
		return err
	})
}

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

// docExample is the fix the package documentation shows.
func docExample(ctx context.Context, user, pass, token string) (*oauth2.Token, error) {
	conf := &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	var tok *oauth2.Token
	op := func() error {
		var err error
		tok, err = conf.PasswordCredentialsToken(ctx, user, pass+token)
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			switch re.ErrorCode {
			case "invalid_grant", "invalid_client_id", "invalid_client", "unsupported_grant_type", "inactive_user", "inactive_org":
				return backoff.Permanent(err) // a retry cannot fix these
			}
		}
		return err // rate_limit_exceeded, 5xx, network errors: retried
	}
	err := backoff.Retry(op, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 4))
	return tok, err
}

// docExampleBlind is the same without the switch.
func docExampleBlind(ctx context.Context, user, pass, token string) (*oauth2.Token, error) {
	conf := &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	var tok *oauth2.Token
	op := func() error {
		var err error
		tok, err = conf.PasswordCredentialsToken(ctx, user, pass+token) // want `oauth2\.\(\*Config\)\.PasswordCredentialsToken is retried by backoff\.Retry without classifying the fault\. Stop on invalid_grant, .* \(return backoff\.Permanent\(err\) for them\); retry only rate_limit_exceeded, HTTP 5xx answers and network errors`
		return err
	}
	err := backoff.Retry(op, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 4))
	return tok, err
}
