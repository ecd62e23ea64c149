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
		switch f.Code { // want `switch on f.Code handles none of the login faults on which a login must stop \(sf:SERVER_UNAVAILABLE\), only sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT`
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
		switch re.ErrorCode { // want `switch on re.ErrorCode handles none of the login faults on which a login must stop \(invalid_grant\)`
		case "rate_limit_exceeded", "inactive_org":
			log.Print("later")
		default:
			log.Print(err)
		}
	}
}
