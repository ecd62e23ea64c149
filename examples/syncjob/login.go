package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"time"

	"github.com/tzmfreedom/go-soapforce"
)

// errPasswordExpired is returned when login() succeeded but Salesforce flagged
// the integration user's password as expired: every later call would fail
// with INVALID_OPERATION_WITH_EXPIRED_PASSWORD.
var errPasswordExpired = errors.New("the integration user's password has expired; reset it and update SF_PASSWORD")

// transientLoginFault reports whether a failed login is worth another try.
func transientLoginFault(err error) bool {
	var fault *soapforce.SOAPFault
	if !errors.As(err, &fault) {
		// No SOAP fault at all: DNS, TLS handshake, connection reset...
		var netErr net.Error
		return errors.As(err, &netErr)
	}
	// GOOD(unhandledfault): the fault code is compared with the "sf:" prefix go-soapforce keeps, and the credential faults stop the retry.
	switch fault.Code {
	case "sf:SERVER_UNAVAILABLE", "sf:REQUEST_LIMIT_EXCEEDED":
		return true
	case "sf:INVALID_LOGIN", "sf:PASSWORD_LOCKOUT", "sf:LOGIN_MUST_USE_SECURITY_TOKEN", "sf:API_DISABLED_FOR_ORG":
		return false
	default:
		return false
	}
}

// login performs the SOAP login, retrying only transient failures. The caller
// owns the session and must log out.
func login(ctx context.Context, client *soapforce.Client, username, password string) (*soapforce.LoginResult, error) {
	const maxAttempts = 4
	delay := 5 * time.Second
	for attempt := 1; ; attempt++ {
		// GOOD(blindretry): only SERVER_UNAVAILABLE, REQUEST_LIMIT_EXCEEDED and network errors are retried, with a doubling delay and an attempt cap.
		res, err := client.Login(username, password)
		if err == nil {
			return res, nil
		}
		if !transientLoginFault(err) || attempt == maxAttempts {
			return nil, fmt.Errorf("salesforce login (attempt %d): %w", attempt, err)
		}
		log.Printf("login attempt %d failed with a transient fault, retrying in %s: %v", attempt, delay, err)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
	}
}

// reconnect logs in again after the session timed out in the middle of a long
// sync (the org's session timeout is two hours and a full resync takes longer).
func reconnect(client *soapforce.Client, username, password string) (*soapforce.LoginResult, error) {
	var lastErr error
	for i := 0; i < 10; i++ {
		// BAD(blindretry): every login error is retried ten times, INVALID_LOGIN included, so a rotated password locks the integration user out.
		res, err := client.Login(username, password)
		if err == nil {
			return res, nil
		}
		lastErr = err
		log.Printf("re-login failed (%d/10): %v", i+1, err)
		time.Sleep(30 * time.Second)
	}
	return nil, fmt.Errorf("salesforce re-login failed after 10 attempts: %w", lastErr)
}

// isSessionExpired reports whether a call failed because the session id is no
// longer valid.
func isSessionExpired(err error) bool {
	var fault *soapforce.SOAPFault
	return errors.As(err, &fault) && fault.Code == "sf:INVALID_SESSION_ID"
}
