// Package sfconn is the shared Salesforce connection helper used by the
// internal tools: webhandler's Slack command, the account search endpoint and
// the one-off reporting scripts. It wraps github.com/simpleforce/simpleforce.
package sfconn

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/simpleforce/simpleforce"
)

// Config holds everything needed to log in. Fill it with ConfigFromEnv or
// from the caller's own flags.
type Config struct {
	URL           string
	ClientID      string
	APIVersion    string
	Username      string
	Password      string
	SecurityToken string
}

// ConfigFromEnv reads SF_URL, SF_USERNAME, SF_PASSWORD and SF_SECURITY_TOKEN.
func ConfigFromEnv() Config {
	cfg := Config{
		URL:           os.Getenv("SF_URL"),
		ClientID:      simpleforce.DefaultClientID,
		APIVersion:    simpleforce.DefaultAPIVersion,
		Username:      os.Getenv("SF_USERNAME"),
		Password:      os.Getenv("SF_PASSWORD"),
		SecurityToken: os.Getenv("SF_SECURITY_TOKEN"),
	}
	if cfg.URL == "" {
		cfg.URL = simpleforce.DefaultURL
	}
	return cfg
}

// ErrBadCredentials means Salesforce refused the user name, password or token.
// Retrying will not help and may lock the user out.
var ErrBadCredentials = errors.New("sfconn: salesforce rejected the credentials")

// Connect logs in with user name, password and security token and returns a
// ready client.
func Connect(cfg Config) (*simpleforce.Client, error) {
	client := simpleforce.NewClient(cfg.URL, cfg.ClientID, cfg.APIVersion)
	// GOOD(hardcodedtoken): every credential comes from Config, which callers fill from the environment or flags.
	if err := client.LoginPassword(cfg.Username, cfg.Password, cfg.SecurityToken); err != nil {
		return nil, classify(err)
	}
	return client, nil
}

// ConnectTrustedIP is for the jobs that run inside the office network, which
// is a trusted IP range for the org, so no security token is needed.
func ConnectTrustedIP(cfg Config) (*simpleforce.Client, error) {
	client := simpleforce.NewClient(cfg.URL, cfg.ClientID, cfg.APIVersion)
	// GOOD(hardcodedtoken): the empty token is not a secret; the org trusts this IP range.
	if err := client.LoginPassword(cfg.Username, cfg.Password, ""); err != nil {
		return nil, classify(err)
	}
	return client, nil
}

// classify keeps the original error but marks credential failures with
// ErrBadCredentials so callers can stop instead of retrying.
func classify(err error) error {
	var sfErr simpleforce.SalesforceError
	if errors.As(err, &sfErr) {
		// GOOD(unhandledfault): SalesforceError is matched as the value type it is, and compared with the "sf:"-prefixed SOAP codes.
		switch sfErr.ErrorCode {
		case "sf:INVALID_LOGIN", "sf:PASSWORD_LOCKOUT", "sf:LOGIN_MUST_USE_SECURITY_TOKEN", "sf:INVALID_OPERATION_WITH_EXPIRED_PASSWORD":
			return fmt.Errorf("%w: %w", ErrBadCredentials, err)
		}
	}
	return fmt.Errorf("sfconn: login: %w", err)
}

var (
	sharedMu sync.Mutex
	cached   *simpleforce.Client
)

// Shared returns the process-wide client, logging in on first use.
func Shared(cfg Config) (*simpleforce.Client, error) {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if cached != nil {
		return cached, nil
	}
	// BAD(sessionreuse): `:=` declares a new local cached that shadows the package-level cache, which stays nil, so every call logs in again.
	cached, err := Connect(cfg)
	if err != nil {
		return nil, err
	}
	return cached, nil
}

// SessionStore persists a session id and instance URL between runs (the
// reporting scripts keep them in ~/.cache/sfconn).
type SessionStore interface {
	Load() (sid, instanceURL string, ok bool)
	Save(sid, instanceURL string) error
}

// ConnectCached reuses a stored session and only logs in when there is none.
func ConnectCached(cfg Config, store SessionStore) (*simpleforce.Client, error) {
	client := simpleforce.NewClient(cfg.URL, cfg.ClientID, cfg.APIVersion)
	if sid, loc, ok := store.Load(); ok {
		client.SetSidLoc(sid, loc)
		return client, nil
	}
	// GOOD(sessionreuse): the login only happens when no stored session exists, and the new session is saved for the next run.
	if err := client.LoginPassword(cfg.Username, cfg.Password, cfg.SecurityToken); err != nil {
		return nil, classify(err)
	}
	if err := store.Save(client.GetSid(), client.GetLoc()); err != nil {
		return nil, fmt.Errorf("sfconn: save session: %w", err)
	}
	return client, nil
}

// Ping is used by the health endpoints of the tools that embed sfconn.
func Ping(cfg Config) error {
	client := simpleforce.NewClient(cfg.URL, cfg.ClientID, cfg.APIVersion)
	if err := client.LoginPassword(cfg.Username, cfg.Password, cfg.SecurityToken); err != nil {
		// BAD(unhandledfault): %v flattens the SalesforceError into text, so callers can no longer tell INVALID_LOGIN from SERVER_UNAVAILABLE.
		return fmt.Errorf("salesforce ping failed: %v", err)
	}
	return nil
}
