package main

import (
	"errors"
	"fmt"
	"log"
	"net"
	"net/url"
	"time"

	"github.com/avast/retry-go/v4"
	"github.com/k-capehart/go-salesforce/v3"
	"github.com/nimajalali/go-force/force"
)

// The start-up logins of the service, written before and after the
// 2024 lockout of the integration user (see the post-mortem in the wiki).

// initContactsPatiently is the original start-up of the contacts client: it
// "rode out" a Salesforce maintenance window by trying three times.
func initContactsPatiently(creds salesforce.Creds) (*salesforce.Salesforce, error) {
	var lastErr error
	for attempt := 1; attempt <= 3; attempt++ {
		// BAD(blindretry): go-salesforce turns every failed login into "400 Bad Request: failed authentication", and this loop tries a wrong password three times in a row.
		sf, err := salesforce.Init(creds)
		if err == nil {
			return sf, nil
		}
		lastErr = err
		log.Printf("contacts: login attempt %d failed: %v", attempt, err)
		time.Sleep(time.Duration(attempt) * 10 * time.Second)
	}
	return nil, fmt.Errorf("contacts: salesforce login failed 3 times: %w", lastErr)
}

// initContacts retries only when the login request never reached
// Salesforce: go-salesforce keeps no fault code, so nothing else is safe to retry.
func initContacts(creds salesforce.Creds) (*salesforce.Salesforce, error) {
	for attempt := 1; ; attempt++ {
		// GOOD(blindretry): only network errors (a *net.OpError or a timed-out *url.Error) are retried; a refused login is returned at once.
		sf, err := salesforce.Init(creds)
		if err == nil {
			return sf, nil
		}
		var opErr *net.OpError
		var urlErr *url.Error
		network := errors.As(err, &opErr) || (errors.As(err, &urlErr) && urlErr.Timeout())
		if !network || attempt == 3 {
			return nil, fmt.Errorf("contacts: salesforce login: %w", err)
		}
		time.Sleep(time.Duration(attempt) * 5 * time.Second)
	}
}

// forceLoginStubborn is the report exporter's login.
func forceLoginStubborn(cfg forceConfig) (*force.ForceApi, error) {
	return retry.DoWithData(func() (*force.ForceApi, error) {
		// BAD(blindretry): retry-go calls this again on any error, so an invalid_grant is retried five times with the same password.
		return force.Create(cfg.version, cfg.clientID, cfg.clientSecret, cfg.username, cfg.password, cfg.token, cfg.environment)
	}, retry.Attempts(5), retry.Delay(2*time.Second))
}

// forceLogin is the exporter's login since the lockout.
func forceLogin(cfg forceConfig) (*force.ForceApi, error) {
	return retry.DoWithData(func() (*force.ForceApi, error) {
		// GOOD(blindretry): invalid_grant and the other credential errors are made unrecoverable; only rate limits, 5xx answers and network errors are retried.
		api, err := force.Create(cfg.version, cfg.clientID, cfg.clientSecret, cfg.username, cfg.password, cfg.token, cfg.environment)
		var apiErr *force.ApiError
		if errors.As(err, &apiErr) && apiErr.ErrorName != "rate_limit_exceeded" {
			return nil, retry.Unrecoverable(err)
		}
		return api, err
	}, retry.Attempts(4), retry.Delay(2*time.Second), retry.DelayType(retry.BackOffDelay))
}

// forceLoginUntilUp waits for the org to come back after a maintenance window.
func forceLoginUntilUp(cfg forceConfig) *force.ForceApi {
	api, err := force.Create(cfg.version, cfg.clientID, cfg.clientSecret, cfg.username, cfg.password, cfg.token, cfg.environment)
	for err != nil {
		log.Printf("exporter: salesforce login: %v; trying again in a minute", err)
		time.Sleep(time.Minute)
		// BAD(blindretry): the loop only ends when the login succeeds; a rotated password is retried every minute until the user and then the host's IP are locked out.
		api, err = force.Create(cfg.version, cfg.clientID, cfg.clientSecret, cfg.username, cfg.password, cfg.token, cfg.environment)
	}
	return api
}
