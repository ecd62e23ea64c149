// Package classifyflags is analysed with -unhandledfault.codes=SERVER_UNAVAILABLE,invalid_grant
// and -unhandledfault.default-counts.
package classifyflags

import (
	"errors"
	"log"

	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
	"golang.org/x/oauth2"
)

// With the list replaced, handling only SERVER_UNAVAILABLE is enough...
func transientOnly(err error) bool {
	var sfErr simpleforce.SalesforceError
	if errors.As(err, &sfErr) {
		switch sfErr.ErrorCode {
		case "sf:SERVER_UNAVAILABLE", "sf:REQUEST_LIMIT_EXCEEDED":
			return true
		}
	}
	return false
}

// ...and handling only INVALID_LOGIN is not.
func credentialsOnly(err error) bool {
	var f *soapforce.SOAPFault
	if errors.As(err, &f) {
		switch f.Code { // want `^switch on f.Code handles only sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT, none on which a login must stop\. Add a case that stops on sf:SERVER_UNAVAILABLE: they fall through it unhandled\.$`
		case "sf:INVALID_LOGIN", "sf:PASSWORD_LOCKOUT":
			log.Print("bad credentials")
		}
	}
	return false
}

// A default that stops counts as handling the codes...
func defaultStops(err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		switch re.ErrorCode {
		case "rate_limit_exceeded", "inactive_org":
			return nil
		default:
			return err
		}
	}
	return nil
}

// ...a default that only logs does not.
func defaultLogs(err error) {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		switch re.ErrorCode { // want `^switch on re.ErrorCode handles only rate_limit_exceeded, inactive_org, none on which a login must stop\. Add a case that stops on invalid_grant: they end up in its default`
		case "rate_limit_exceeded", "inactive_org":
			log.Print("later")
		default:
			log.Print(err)
		}
	}
}
