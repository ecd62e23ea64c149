// Package classify holds case 5 of unhandledfault: a switch or if chain on a
// login fault code that handles none of the codes on which a login must stop.
package classify

import (
	"errors"
	"log"
	"strings"

	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
	"golang.org/x/oauth2"
)

// ---- reported ----

// Hint knows only the transient codes: INVALID_LOGIN gets "try again".
func Hint(err error) string {
	var sfErr simpleforce.SalesforceError
	if !errors.As(err, &sfErr) {
		return "network trouble"
	}
	switch sfErr.ErrorCode { // want `^switch on sfErr.ErrorCode handles only sf:SERVER_UNAVAILABLE, sf:REQUEST_LIMIT_EXCEEDED, none on which a login must stop\. Add a case that stops on sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT, \.\.\.: they end up in its default, treated like every other failure\.$`
	case "sf:SERVER_UNAVAILABLE":
		return "maintenance window, try again later"
	case "sf:REQUEST_LIMIT_EXCEEDED":
		return "API limit used up, try again in an hour"
	default:
		return "hiccup, try again"
	}
}

func noDefault(err error) bool {
	var f *soapforce.SOAPFault
	if errors.As(err, &f) {
		switch strings.TrimPrefix(f.Code, "sf:") { // want `^switch on f.Code handles only sf:SERVER_UNAVAILABLE, sf:REQUEST_LIMIT_EXCEEDED, none on which a login must stop\. .*they fall through it unhandled\.$`
		case "SERVER_UNAVAILABLE", "REQUEST_LIMIT_EXCEEDED":
			return true
		}
	}
	return true
}

func ifChain(err error) bool {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return true
	}
	if re.ErrorCode == "rate_limit_exceeded" { // want `^if chain on re.ErrorCode handles only rate_limit_exceeded, inactive_org, none on which a login must stop\. Add a case that stops on invalid_grant, invalid_client_id, \.\.\.: they end up in its default`
		return true
	} else if re.ErrorCode == "inactive_org" {
		log.Print("org inactive")
		return false
	} else {
		return true
	}
}

// ForceCLI keeps the code in the text: a switch on it counts too. Here the
// codes it does not list go the same way as those it lists.
func textSwitch(msg string) bool {
	switch { // want `^switch on the error text handles only SERVER_UNAVAILABLE, REQUEST_LIMIT_EXCEEDED, none on which a login must stop\. Add a case that stops on INVALID_LOGIN, PASSWORD_LOCKOUT, \.\.\.: they fall through it unhandled\.$`
	case strings.Contains(msg, "SERVER_UNAVAILABLE"):
		log.Print("maintenance")
		return true
	case strings.Contains(msg, "REQUEST_LIMIT_EXCEEDED"):
		return true
	}
	return true
}

// ---- not reported ----

// transientText: the codes it does not list (INVALID_LOGIN among them) are
// answered apart from the listed ones (false, not true): a classification,
// judged by what follows it too.
func transientText(msg string) bool {
	switch {
	case strings.Contains(msg, "SERVER_UNAVAILABLE"):
		return true
	case strings.Contains(msg, "REQUEST_LIMIT_EXCEEDED"):
		return true
	}
	return false
}

// retryTransient retries only the codes it lists; every other fault leaves
// the loop with the error.
func retryTransient(c *soapforce.Client, u, p string) error { // want retryTransient:"fault \\*soapforce.SOAPFault.Code SOAP inspected"
	for {
		_, err := c.Login(u, p) // want `^the password expiry of soapforce.\(\*Client\).Login is not checked before the session is handed back in c\. Keep the LoginResult`
		if err == nil {
			return nil
		}
		var f *soapforce.SOAPFault
		if errors.As(err, &f) {
			switch f.Code {
			case "sf:SERVER_UNAVAILABLE", "sf:REQUEST_LIMIT_EXCEEDED":
				continue
			}
		}
		return err
	}
}

func handles(err error) bool {
	var sfErr simpleforce.SalesforceError
	if errors.As(err, &sfErr) {
		switch sfErr.ErrorCode {
		case "sf:SERVER_UNAVAILABLE", "sf:REQUEST_LIMIT_EXCEEDED":
			return true
		case "sf:INVALID_LOGIN", "sf:PASSWORD_LOCKOUT":
			return false
		}
	}
	return false
}

// A predicate on one code is not a classification.
func isSessionExpired(err error) bool {
	var f *soapforce.SOAPFault
	return errors.As(err, &f) && f.Code == "sf:INVALID_SESSION_ID"
}

func singleIf(err error) bool {
	var f *soapforce.SOAPFault
	if errors.As(err, &f) && f.Code == "sf:SERVER_UNAVAILABLE" {
		return true
	}
	return false
}

// Session expiry on REST calls is not about the login.
func sessionOnly(err error) bool {
	var f *soapforce.SOAPFault
	if errors.As(err, &f) {
		switch f.Code {
		case "sf:INVALID_SESSION_ID":
			return true
		default:
			return false
		}
	}
	return false
}

// go-force's ErrorCode holds REST codes; ErrorName holds the OAuth error.
func restCodes(err error) bool {
	var apiErr *force.ApiError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode {
		case "REQUEST_LIMIT_EXCEEDED", "SERVER_UNAVAILABLE":
			return true
		}
	}
	return false
}

// A chain with a condition that tests no code is not a classification of codes.
func mixedChain(err error) bool {
	var f *soapforce.SOAPFault
	if errors.As(err, &f) {
		return false
	} else if strings.Contains(err.Error(), "SERVER_UNAVAILABLE") {
		return true
	}
	return false
}

func suppressed(err error) bool {
	var f *soapforce.SOAPFault
	if errors.As(err, &f) {
		//sflint:ignore unhandledfault -- only decides about the retry delay; login() stops on the rest
		switch f.Code {
		case "sf:SERVER_UNAVAILABLE", "sf:REQUEST_LIMIT_EXCEEDED":
			return true
		}
	}
	return false
}
