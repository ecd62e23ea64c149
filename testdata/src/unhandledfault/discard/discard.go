// Package discard holds case 1 of unhandledfault: a login error that is
// discarded (assigned to _, or the call is a statement), and a failure that is
// only logged before the code goes on to use the session. It applies to every
// library, including those that keep no fault code (go-salesforce, go-sfdc).
package discard

import (
	"context"
	"errors"
	"log"
	"net/http"
	"net/url"

	"github.com/ForceCLI/force/lib"
	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/session"
	"github.com/k-capehart/go-salesforce/v3"
	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	"github.com/tzmfreedom/go-metaforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: "https://login.salesforce.com/services/oauth2/token"}}

// A package-level initialiser discards the error too.
var shared, _ = salesforce.Init(salesforce.Creds{Username: "u"}) // want `^the login error of salesforce.Init is discarded: .*\. Check it and stop on it: the library keeps no fault code to inspect\.$`

func statements(c *soapforce.Client, sc *simpleforce.Client, mc *metaforce.Client, u, p, tok string) {
	c.Login(u, p)                   // want `^the login error of soapforce.\(\*Client\).Login is discarded: nothing notices when the login fails\. Check it and act on its fault code \(sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT, \.\.\.\)\.$`
	_ = sc.LoginPassword(u, p, tok) // want `^the login error of simpleforce.\(\*Client\).LoginPassword is discarded: .* \(sf:INVALID_LOGIN`
	go sc.LoginPassword(u, p, tok)  // want `^the login error of .* is discarded`
	mc.Login(u, p)                  // want `^the login error of metaforce.\(\*Client\).Login is discarded`
}

func blanks(ctx context.Context, u, p string, creds salesforce.Creds, cfg sfdc.Configuration) {
	res, _ := soapforce.NewClient().Login(u, p) // want `^the login error of soapforce.\(\*Client\).Login is discarded`
	_ = res
	api, _ := force.Create("v52.0", "id", "secret", u, p, "tok", "production") // want `^the login error of force.Create is discarded: .* \(invalid_grant, invalid_client_id, \.\.\.\)`
	_ = api
	tok, _ := conf.PasswordCredentialsToken(ctx, u, p) // want `^the login error of oauth2.\(\*Config\).PasswordCredentialsToken is discarded: .* \(invalid_grant`
	_ = tok
	sess, _ := lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p) // want `^the login error of lib.ForceSoapLoginAtEndpoint is discarded: .* \(INVALID_LOGIN, PASSWORD_LOCKOUT`
	_ = sess
	sf, _ := salesforce.Init(creds) // want `^the login error of salesforce.Init is discarded: nothing notices`
	_ = sf
	var s, _ = session.Open(cfg) // want `^the login error of session.Open is discarded`
	_ = s
}

// Only logged, then the nil client is used: the failure is ignored. This is
// reported for go-salesforce too, which keeps no fault code.
func carryOnNoCode(creds salesforce.Creds) {
	sf, err := salesforce.Init(creds) // want `^the login error of salesforce.Init is only logged and sf \(nil after a failed login\) is used anyway\. Stop on the error: return it or exit\.$`
	if err != nil {
		log.Printf("salesforce login failed: %v", err)
	}
	var out []map[string]any
	_ = sf.Query("SELECT Id FROM Account", &out)
}

// The client keeps no session after a failed SOAP login; going on with it is
// the same mistake, and the library also had a fault code to act on.
func carryOnReceiver(u, p, tok string) (*simpleforce.QueryResult, error) {
	client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := client.LoginPassword(u, p, tok); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only logged and client is used anyway\. .*act on its fault code \(sf:INVALID_LOGIN`
		log.Print(err)
	}
	return client.Query("SELECT Id FROM Account")
}

// else-branch use: the successful and the failed path join before the use.
func carryOnElse(creds salesforce.Creds) error {
	sf, err := salesforce.Init(creds) // want `^the login error of .* is used anyway`
	if err != nil {
		log.Printf("login: %v", err)
	} else {
		log.Printf("logged in")
	}
	var out []map[string]any
	return sf.Query("SELECT Id FROM Contact", &out)
}

// ---- not reported ----

// go-salesforce keeps no fault code: stopping on the error is all one can do.
func fatalNoCode(creds salesforce.Creds) *salesforce.Salesforce {
	sf, err := salesforce.Init(creds)
	if err != nil {
		log.Fatalf("salesforce: %v", err)
	}
	return sf
}

func returnedNoCode(cfg sfdc.Configuration) (*session.Session, error) { // want returnedNoCode:"no fault code OAuth"
	sess, err := session.Open(cfg)
	if err != nil {
		return nil, err
	}
	return sess, nil
}

func loggedAndLeft(creds salesforce.Creds) {
	sf, err := salesforce.Init(creds)
	if err != nil {
		log.Printf("login: %v", err)
		return
	}
	var out []map[string]any
	_ = sf.Query("SELECT Id FROM Contact", &out)
}

// The use is guarded: on a failed login sf is nil and the branch is not taken.
func guarded(creds salesforce.Creds) {
	sf, err := salesforce.Init(creds)
	if err != nil {
		log.Printf("login: %v", err)
	}
	if sf != nil {
		var out []map[string]any
		_ = sf.Query("SELECT Id FROM Contact", &out)
	}
}

// The session is replaced by a fallback on failure.
func fallback(creds, backup salesforce.Creds) error { // want fallback:"no fault code OAuth"
	sf, err := salesforce.Init(creds)
	if err != nil {
		log.Printf("login: %v; trying the backup user", err)
		if sf, err = salesforce.Init(backup); err != nil {
			return err
		}
	}
	var out []map[string]any
	return sf.Query("SELECT Id FROM Contact", &out)
}

type service struct {
	sf  *salesforce.Salesforce
	err error
}

// Stored for later: whoever reads s.err handles it.
func (s *service) connect(creds salesforce.Creds) {
	s.sf, s.err = salesforce.Init(creds)
}

// Handed to another function: handled there.
func handed(creds salesforce.Creds, report func(error)) {
	_, err := salesforce.Init(creds)
	report(err)
}

// Raw HTTP: the error is a transport error; the fault is in the body.
func raw(form url.Values) (*http.Response, error) {
	resp, _ := http.PostForm("https://login.salesforce.com/services/oauth2/token", form)
	if resp == nil {
		return nil, errors.New("no response")
	}
	return resp, nil
}

// The session is re-established from a cached session id on failure (the
// fault is still swallowed: simpleforce has a code to act on).
func cachedFallback(u, p, tok, sid, loc string) (*simpleforce.QueryResult, error) {
	client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := client.LoginPassword(u, p, tok); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only logged`
		log.Printf("login failed, using the cached session: %v", err)
		client.SetSidLoc(sid, loc)
	}
	return client.Query("SELECT Id FROM Account")
}
