// Package compare holds case 4 of unhandledfault: fault codes compared
// without the prefix the library keeps, or with the other vocabulary; the
// comparisons sit in helpers that receive the error, as they usually do.
package compare

import (
	"context"
	"errors"
	"strings"

	"github.com/ForceCLI/force/lib"
	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: "https://login.salesforce.com/services/oauth2/token"}}

// ---- reported ----

func soapUnprefixed(err error) string {
	var fault *soapforce.SOAPFault
	if !errors.As(err, &fault) {
		return ""
	}
	if fault.Code == "INVALID_LOGIN" { // want `^fault.Code holds "sf:INVALID_LOGIN" on \*soapforce.SOAPFault, so comparing it with "INVALID_LOGIN" is always false\. Compare with "sf:INVALID_LOGIN": the library keeps the SOAP faultcode.s "sf:" prefix\.$`
		return "check the password and the security token"
	}
	if fault.Code != `PASSWORD_LOCKOUT` { // want `comparing it with "PASSWORD_LOCKOUT" is always true`
		return "retry later"
	}
	return "locked out"
}

func libraryConstants(err error) bool {
	var fault *soapforce.SOAPFault
	if !errors.As(err, &fault) {
		return false
	}
	// The library's own constants carry no prefix (ExceptionCode) or another one (FaultCode).
	return soapforce.ExceptionCode(fault.Code) == soapforce.ExceptionCodePASSWORD_LOCKOUT || // want `comparing it with "PASSWORD_LOCKOUT" is always false`
		soapforce.ExceptionCode(fault.Code) == soapforce.ExceptionCodeSERVER_UNAVAILABLE || // want `comparing it with "SERVER_UNAVAILABLE" is always false\. Compare with "sf:SERVER_UNAVAILABLE"`
		fault.Code == string(soapforce.FaultCodeFnsINVALID_LOGIN) // want `comparing it with "fns:INVALID_LOGIN" is always false`
}

func soapSwitch(err error) bool {
	var fault *soapforce.SOAPFault
	if errors.As(err, &fault) {
		switch fault.Code {
		case "INVALID_LOGIN", "sf:PASSWORD_LOCKOUT": // want `is always false\. Compare with "sf:INVALID_LOGIN"`
			return false
		}
	}
	return true
}

func hasPrefix(err error) bool {
	var fault *soapforce.SOAPFault
	return errors.As(err, &fault) && strings.HasPrefix(fault.Code, "LOGIN_MUST_USE_SECURITY_TOKEN") // want `^comparing fault.Code with "LOGIN_MUST_USE_SECURITY_TOKEN" is always false\. Compare with "sf:LOGIN_MUST_USE_SECURITY_TOKEN"`
}

func simpleforceUnprefixed(err error) bool {
	var e simpleforce.SalesforceError
	return errors.As(err, &e) && e.ErrorCode == "INVALID_LOGIN" // want `^e.ErrorCode holds "sf:INVALID_LOGIN", so comparing it with "INVALID_LOGIN" is always false`
}

func oauthWithSOAP(err error) bool {
	var re *oauth2.RetrieveError
	return errors.As(err, &re) && re.ErrorCode == "INVALID_LOGIN" // want `^re.ErrorCode holds OAuth error codes, never the SOAP code "INVALID_LOGIN": this comparison is always false\. Compare with an OAuth error: rejected credentials \(wrong password, lockout, missing security token\) are "invalid_grant"\.$`
}

func goForceWithSOAP(err error) bool {
	var apiErr *force.ApiError
	return errors.As(err, &apiErr) && apiErr.ErrorName == "PASSWORD_LOCKOUT" // want `^apiErr.ErrorName holds OAuth error codes, never the SOAP code "PASSWORD_LOCKOUT"`
}

func soapWithOAuth(err error) bool {
	var fault *soapforce.SOAPFault
	return errors.As(err, &fault) && fault.Code == "invalid_grant" // want `^fault.Code holds SOAP faultcodes, never the OAuth error "invalid_grant": this comparison is always false\. Compare with a SOAP faultcode: rejected credentials are "sf:INVALID_LOGIN"\.$`
}

// The text of an OAuth error never holds a SOAP code.
func oauthText(ctx context.Context, u, p string) *oauth2.Token {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil && strings.Contains(err.Error(), "INVALID_LOGIN") { // want `^testing the error of oauth2.\(\*Config\).PasswordCredentialsToken for the SOAP code "INVALID_LOGIN" is always false\. Test for an OAuth error \(invalid_grant, invalid_client_id, \.\.\.\)`
		return nil
	}
	return tok
}

func forceOAuthText(u, p string) {
	_, err := lib.PasswordFlowLoginAtEndpoint("https://login.salesforce.com", "id", "secret", u, p)
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "PASSWORD_LOCKOUT") { // want `^the error of lib.PasswordFlowLoginAtEndpoint never mentions "PASSWORD_LOCKOUT", so this test is always false\. Test err != nil alone: ForceCLI.s OAuth flows return errors.New\(error_description\) \("authentication failure"\), never the OAuth error code \(invalid_grant\)\.$`
			return
		}
	}
}

// ForceCLI's OAuth flows keep only the description: even the OAuth code of
// the endpoint behind them never reaches the text (a CLI that tells a wrong
// password from an outage this way never does).
func forceOAuthGrant(u, p string) bool {
	_, err := lib.PasswordFlowLoginAtEndpoint("https://login.salesforce.com", "id", "secret", u, p)
	return err != nil && strings.Contains(err.Error(), "invalid_grant") // want `^the error of lib.PasswordFlowLoginAtEndpoint never mentions "invalid_grant", so this test is always false\. Test err != nil alone: ForceCLI.s OAuth flows return`
}

func forceClientCredentials(id, secret string) bool {
	_, err := lib.ClientCredentialsLoginAtEndpoint("https://login.salesforce.com", id, secret)
	if err != nil {
		return err.Error() == "invalid_client" // want `the error of lib.ClientCredentialsLoginAtEndpoint never mentions "invalid_client"`
	}
	return false
}

func forceJWT(assertion string) bool {
	_, err := lib.JWTLoginAtEndpoint("https://login.salesforce.com", assertion)
	return err != nil && strings.HasPrefix(err.Error(), "invalid_grant") // want `the error of lib.JWTLoginAtEndpoint never mentions "invalid_grant"`
}

// Through a wrapper in the same package: the wrapper's callers are told too.
func forceLogin(u, p string) (lib.ForceSession, error) { // want forceLogin:`^no fault code OAuth$`
	return lib.PasswordFlowLoginAtEndpoint("https://login.salesforce.com", "id", "secret", u, p)
}

func forceWrapped(u, p string) bool {
	_, err := forceLogin(u, p)
	return err != nil && strings.Contains(err.Error(), "invalid_grant") // want `^the error of compare.forceLogin never mentions "invalid_grant", so this test is always false\. Test err != nil alone`
}

// ---- not reported ----

func prefixed(err error) bool {
	var fault *soapforce.SOAPFault
	return errors.As(err, &fault) && (fault.Code == "sf:INVALID_LOGIN" || fault.Code == "sf:PASSWORD_LOCKOUT")
}

// simpleforce holds REST errorCodes without a prefix in the same field.
func restCode(err error) bool {
	var e simpleforce.SalesforceError
	return errors.As(err, &e) && e.ErrorCode == "INVALID_SESSION_ID"
}

// go-force's ErrorCode is the REST errorCode; ErrorName is the OAuth error.
func goForce(err error) bool {
	var apiErr *force.ApiError
	return errors.As(err, &apiErr) && (apiErr.ErrorCode == "INVALID_SESSION_ID" || apiErr.ErrorName == "invalid_grant")
}

func stripped(err error) bool {
	var fault *soapforce.SOAPFault
	return errors.As(err, &fault) && (strings.TrimPrefix(fault.Code, "sf:") == "INVALID_LOGIN" || strings.Contains(fault.Code, "PASSWORD_LOCKOUT"))
}

func notACode(err error) bool {
	var fault *soapforce.SOAPFault
	return errors.As(err, &fault) && fault.Code == "soapenv:Client"
}

func oauthRight(err error) bool {
	var re *oauth2.RetrieveError
	return errors.As(err, &re) && re.ErrorCode == "invalid_grant"
}

// A test of the text for something other than a code is no claim about codes.
func forceOAuthDescription(u, p string) bool {
	_, err := lib.PasswordFlowLoginAtEndpoint("https://login.salesforce.com", "id", "secret", u, p)
	return err != nil && strings.Contains(err.Error(), "authentication failure")
}

// SOAP login() through ForceCLI: the text is "INVALID_LOGIN: ...".
func forceSOAPText(u, p string) bool {
	_, err := lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p)
	return err != nil && strings.Contains(err.Error(), "INVALID_LOGIN")
}
