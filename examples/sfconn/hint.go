package sfconn

import (
	"errors"

	"github.com/simpleforce/simpleforce"
)

// Hint turns a login failure into the one-line advice the reporting scripts
// print for whoever is running them.
func Hint(err error) string {
	var sfErr simpleforce.SalesforceError
	if !errors.As(err, &sfErr) {
		return "could not reach Salesforce (" + err.Error() + "); check the VPN"
	}
	// BAD(unhandledfault): the switch only knows the transient codes; INVALID_LOGIN and PASSWORD_LOCKOUT fall into the default and are told to "try again".
	switch sfErr.ErrorCode {
	case "sf:SERVER_UNAVAILABLE":
		return "Salesforce is in a maintenance window, try again later"
	case "sf:REQUEST_LIMIT_EXCEEDED":
		return "the org's API limit is used up, try again in an hour"
	default:
		return "Salesforce hiccup (" + sfErr.ErrorCode + "), try again"
	}
}
