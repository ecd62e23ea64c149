package tokenauth

// Login helpers of the older export jobs and of the admin console. Each one
// handles (or fails to handle) the reason Salesforce gives for a failed
// login in its own way.

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/k-capehart/go-salesforce/v3"
	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	"github.com/tzmfreedom/go-soapforce"
	"golang.org/x/oauth2"
)

// errRejected tells the export job to stop and page a human.
var errRejected = errors.New("tokenauth: salesforce rejected the integration user")

// WarmSOAP opens a SOAP session early so that the first export is fast.
func WarmSOAP(c Credentials) *soapforce.Client {
	client := soapforce.NewClient()
	// BAD(unhandledfault): the login is a bare statement: its error and its LoginResult are thrown away, and the client is handed out with no session.
	client.Login(c.Username, c.Password+c.SecurityToken)
	return client
}

// AdminLogin serves the admin console's "test connection" button.
func AdminLogin(w http.ResponseWriter, c Credentials) {
	// BAD(unhandledfault): the error only goes to the HTTP response; a lockout or an expired password looks like any other failure to the admin.
	api, err := force.Create("v52.0", c.ClientID, c.ClientSecret, c.Username, c.Password, c.SecurityToken, "production")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	fmt.Fprintf(w, "connected to %s\n", api.GetInstanceURL())
}

// ArchiveClient is the quarterly archive job's simpleforce login.
func ArchiveClient(c Credentials) (*simpleforce.Client, error) {
	client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := client.LoginPassword(c.Username, c.Password, c.SecurityToken); err != nil {
		// BAD(unhandledfault): the SalesforceError (and its sf:INVALID_LOGIN or sf:PASSWORD_LOCKOUT) is replaced by a sentinel before anyone has looked at it.
		return nil, errRejected
	}
	return client, nil
}

// isRejected is the archive job's test for "stop, do not retry".
func isRejected(err error) bool {
	var sfErr simpleforce.SalesforceError
	// BAD(unhandledfault): simpleforce keeps the SOAP prefix ("sf:INVALID_LOGIN"), so this is never true and a wrong password is retried.
	return errors.As(err, &sfErr) && sfErr.ErrorCode == "INVALID_LOGIN"
}

// tokenFailureKind sorts token failures for the export job's metrics.
func tokenFailureKind(err error) string {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return "network"
	}
	// BAD(unhandledfault): only the transient codes are told apart; invalid_grant and invalid_client end up as "other" and are retried like them.
	if re.ErrorCode == "rate_limit_exceeded" {
		return "throttled"
	} else if re.ErrorCode == "inactive_org" {
		return "maintenance"
	}
	return "other"
}

// ExportToken gets the export job's token and stops for good on rejected credentials.
func ExportToken(ctx context.Context, c Credentials) (*oauth2.Token, error) {
	conf := c.oauthConfig()
	// GOOD(unhandledfault): the RFC 6749 code is read before the error is returned, so callers of ExportToken are not held to it again.
	tok, err := conf.PasswordCredentialsToken(ctx, c.Username, c.Password+c.SecurityToken)
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) && (re.ErrorCode == "invalid_grant" || re.ErrorCode == "invalid_client") {
			return nil, fmt.Errorf("%w: %w", errRejected, err)
		}
		return nil, fmt.Errorf("tokenauth: %w", err)
	}
	return tok, nil
}

// RunExport is the export job's entry point.
func RunExport(ctx context.Context, c Credentials) {
	// GOOD(unhandledfault): ExportToken classified the fault already; logging and exiting here is enough.
	tok, err := ExportToken(ctx, c)
	if err != nil {
		log.Fatalf("export: %v", err)
	}
	log.Printf("token expires %s", tok.Expiry)
}

// SOAPStatus tells the console why a SOAP login failed.
func SOAPStatus(c Credentials) string {
	client := soapforce.NewClient()
	res, err := client.Login(c.Username, c.Password+c.SecurityToken)
	// GOOD(unhandledfault): a type switch on the fault reads its code.
	switch f := err.(type) {
	case nil:
		if res.PasswordExpired {
			return "password expired: reset it"
		}
		return "ok"
	case *soapforce.SOAPFault:
		if strings.HasSuffix(f.Code, "PASSWORD_LOCKOUT") {
			return "locked out for 15 minutes"
		}
		return f.String
	default:
		return "unreachable: " + err.Error()
	}
}

// ContactsClient logs the contacts exporter in with go-salesforce.
func ContactsClient() *salesforce.Salesforce {
	// GOOD(unhandledfault): go-salesforce keeps no fault code; stopping on the error is all that can be done.
	sf, err := salesforce.Init(salesforce.Creds{Domain: os.Getenv("SF_DOMAIN"), Username: os.Getenv("SF_USERNAME"), Password: os.Getenv("SF_PASSWORD"), SecurityToken: os.Getenv("SF_SECURITY_TOKEN"), ConsumerKey: os.Getenv("SF_CLIENT_ID"), ConsumerSecret: os.Getenv("SF_CLIENT_SECRET")})
	if err != nil {
		log.Fatalf("contacts: %v", err)
	}
	return sf
}
