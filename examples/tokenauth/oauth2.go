// Package tokenauth gets Salesforce OAuth access tokens with the
// username-password flow, either through golang.org/x/oauth2 or with a plain
// form POST to /services/oauth2/token. The export services use it.
package tokenauth

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"

	"github.com/cenkalti/backoff/v4"
	"golang.org/x/oauth2"
)

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

// Credentials of the connected app and the integration user.
type Credentials struct {
	ClientID      string
	ClientSecret  string
	Username      string
	Password      string
	SecurityToken string
}

// FromEnv reads the connected-app and user credentials from the environment.
func FromEnv() Credentials {
	return Credentials{
		ClientID:      os.Getenv("SF_CLIENT_ID"),
		ClientSecret:  os.Getenv("SF_CLIENT_SECRET"),
		Username:      os.Getenv("SF_USERNAME"),
		Password:      os.Getenv("SF_PASSWORD"),
		SecurityToken: os.Getenv("SF_SECURITY_TOKEN"),
	}
}

func (c Credentials) oauthConfig() *oauth2.Config {
	// GOOD(hardcodedtoken): client id and secret come from the Credentials the caller read from the environment.
	return &oauth2.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, Endpoint: oauth2.Endpoint{TokenURL: tokenURL, AuthStyle: oauth2.AuthStyleInParams}}
}

// BAD(hardcodedtoken): the connected app's consumer secret is committed in source as a literal.
var legacyConfig = &oauth2.Config{ClientID: "3MVG9fTLmJ60pJ5JdQ9Yb0qN7rXy3vWc8KpZs2HhLmR4tUeD1oQaGfV6nB9xCiE_wS7yT2uK5zJ", ClientSecret: "7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}

// transient reports whether a token request failure is worth retrying.
func transient(err error) bool {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		// GOOD(unhandledfault): OAuth failures are classified by their RFC 6749 error code; credential errors are final.
		switch re.ErrorCode {
		case "invalid_grant", "invalid_client_id", "invalid_client", "unsupported_grant_type", "inactive_user", "inactive_org":
			return false
		case "rate_limit_exceeded":
			return true
		}
		return re.Response != nil && re.Response.StatusCode >= http.StatusInternalServerError
	}
	var netErr net.Error
	return errors.As(err, &netErr)
}

// Token logs in, retrying only transient failures.
func Token(ctx context.Context, c Credentials) (*oauth2.Token, error) {
	conf := c.oauthConfig()
	var tok *oauth2.Token
	op := func() error {
		var err error
		// GOOD(blindretry): invalid_grant and the other credential errors are wrapped in backoff.Permanent, so only transient failures are retried.
		tok, err = conf.PasswordCredentialsToken(ctx, c.Username, c.Password+c.SecurityToken)
		if err != nil && !transient(err) {
			return backoff.Permanent(err)
		}
		return err
	}
	b := backoff.WithContext(backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 4), ctx)
	if err := backoff.Retry(op, b); err != nil {
		return nil, fmt.Errorf("tokenauth: %w", err)
	}
	return tok, nil
}

// TokenPatiently is what the export service called before Token existed. It
// is still used by the quarterly archive job.
func TokenPatiently(ctx context.Context, c Credentials) (*oauth2.Token, error) {
	conf := c.oauthConfig()
	var tok *oauth2.Token
	err := backoff.Retry(func() error {
		var err error
		// BAD(blindretry): every error is retried for up to 15 minutes (the default MaxElapsedTime), invalid_grant included, with no backoff.Permanent.
		tok, err = conf.PasswordCredentialsToken(ctx, c.Username, c.Password+c.SecurityToken)
		return err
	}, backoff.NewExponentialBackOff())
	if err != nil {
		return nil, fmt.Errorf("tokenauth: %w", err)
	}
	return tok, nil
}

// HTTPClient returns an *http.Client that authenticates its requests.
func HTTPClient(ctx context.Context, c Credentials) *http.Client {
	conf := c.oauthConfig()
	// BAD(unhandledfault): the login error is discarded; on failure tok is nil and every request then goes out unauthenticated.
	tok, _ := conf.PasswordCredentialsToken(ctx, c.Username, c.Password+c.SecurityToken)
	return conf.Client(ctx, tok)
}

// LegacyToken is kept for the archive job, which predates FromEnv.
func LegacyToken(ctx context.Context, username, password string) (*oauth2.Token, error) {
	tok, err := legacyConfig.PasswordCredentialsToken(ctx, username, password)
	if err != nil {
		// BAD(unhandledfault): errors.New keeps only the text; the *oauth2.RetrieveError and its invalid_grant code are gone for the caller.
		return nil, errors.New("tokenauth: legacy login failed: " + err.Error())
	}
	return tok, nil
}

// IsBadPassword tells the archive job's operator that the password is wrong.
func IsBadPassword(err error) bool {
	var re *oauth2.RetrieveError
	// BAD(unhandledfault): the OAuth token endpoint answers invalid_grant and never the SOAP code INVALID_LOGIN, so this is always false.
	return errors.As(err, &re) && re.ErrorCode == "INVALID_LOGIN"
}

// WarmUp logs in once at start-up so that the first export does not pay for
// the login.
func WarmUp(ctx context.Context, c Credentials) error {
	conf := c.oauthConfig()
	// BAD(unhandledfault): the login error is only logged and WarmUp reports success, so a wrong password is not noticed until the first export fails.
	if _, err := conf.PasswordCredentialsToken(ctx, c.Username, c.Password+c.SecurityToken); err != nil {
		log.Printf("tokenauth: warm-up login failed: %v", err)
	}
	return nil
}
