// Package swallow holds case 2 of unhandledfault: a login error that is only
// logged, printed, written to an HTTP response, panicked, log.Fatal'ed or
// dropped without its fault code being read on that path; next to the
// shapes that inspect, propagate or hand the error on.
package swallow

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/ForceCLI/force/lib"
	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: "https://login.salesforce.com/services/oauth2/token"}}

func newClient() *simpleforce.Client {
	return simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
}

// ---- reported ----

func loggedThenNil(c *soapforce.Client, u, p string) error {
	res, err := c.Login(u, p) // want `^the login error of soapforce.\(\*Client\).Login is only logged and its fault code is never read\. Read the Code of the \*soapforce.SOAPFault \(errors.As\) and stop on sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT, \.\.\.; or return the error wrapped with %w\.$`
	if err != nil {
		log.Printf("salesforce login failed: %v", err)
		return nil
	}
	if res.PasswordExpired {
		return errors.New("password expired")
	}
	return nil
}

func printedBool(u, p, tok string) bool {
	if err := newClient().LoginPassword(u, p, tok); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only printed and its fault code is never read`
		fmt.Println("login failed:", err)
		return false
	}
	return true
}

func response(w http.ResponseWriter, u, p string) {
	api, err := force.Create("v52.0", "id", "secret", u, p, "tok", "production") // want `^the login error of force.Create is only written to the HTTP response and its fault code is never read\. Read the ErrorName of the \*force.ApiError \(errors.As\) and stop on invalid_grant, invalid_client_id, \.\.\.;`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = api
}

func fprinted(w http.ResponseWriter, u, p string) {
	api, err := force.Create("v52.0", "id", "secret", u, p, "tok", "production") // want `only written to the HTTP response`
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, "login failed: %v", err)
		return
	}
	_ = api
}

func panicked(ctx context.Context, u, p string) *oauth2.Token {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p) // want `^the login error of oauth2.\(\*Config\).PasswordCredentialsToken is only passed to panic`
	if err != nil {
		panic(err)
	}
	return tok
}

func fatal(u, p string) lib.ForceSession {
	sess, err := lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p) // want `^the login error of lib.ForceSoapLoginAtEndpoint is only passed to log.Fatalf and its fault code is never read\. Find the code in err.Error\(\) and stop on INVALID_LOGIN, PASSWORD_LOCKOUT`
	if err != nil {
		log.Fatalf("login: %v", err)
	}
	return sess
}

func exited(u, p string) lib.ForceSession {
	sess, err := lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p) // want `is only logged and followed by os.Exit and its fault code`
	if err != nil {
		log.Print(err)
		os.Exit(2)
	}
	return sess
}

func dropped(u, p, tok string) *simpleforce.Client {
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only dropped and its fault code is never read`
		return nil
	}
	return c
}

func overwritten(u, p, tok string) error {
	c := newClient()
	err := c.LoginPassword(u, p, tok) // want `is only logged and its fault code is never read`
	if err != nil {
		log.Print(err)
		err = nil
	}
	return err
}

// Logged without a nil check, and the function goes on.
func unchecked(u, p, tok string) *simpleforce.Client {
	c := newClient()
	err := c.LoginPassword(u, p, tok) // want `is only logged and its fault code is never read`
	log.Printf("login: %v", err)
	return nil
}

// In a function literal, returning nil drops the error too.
func closure(u, p, tok string) func() error {
	return func() error {
		c := newClient()
		if err := c.LoginPassword(u, p, tok); err != nil { // want `only logged and its fault code is never read`
			log.Print(err)
			return nil
		}
		return nil
	}
}

// Inspected on one path only: the other path still swallows it.
func onePath(u, p, tok string, verbose bool) {
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil { // want `only logged and its fault code is never read`
		if verbose && isLockout(err) {
			log.Print("locked out")
		}
		log.Print(err)
		return
	}
}

// ---- not reported ----

func isLockout(err error) bool {
	var e simpleforce.SalesforceError
	return errors.As(err, &e) && e.ErrorCode == "sf:PASSWORD_LOCKOUT"
}

func inspectedThenLogged(u, p, tok string) {
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		var e simpleforce.SalesforceError
		if errors.As(err, &e) && e.ErrorCode == "sf:PASSWORD_LOCKOUT" {
			log.Print("locked out: waiting 15 minutes")
		}
		log.Print(err)
		return
	}
}

func classifierHelper(u, p, tok string) bool {
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		if isLockout(err) {
			log.Print("locked out")
		}
		return false
	}
	return true
}

func classifierInLog(u, p, tok string) {
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		log.Printf("login: %v (lockout: %t)", err, isLockout(err))
	}
}

func typeSwitch(c *soapforce.Client, u, p string) {
	res, err := c.Login(u, p)
	if err != nil {
		switch f := err.(type) {
		case *soapforce.SOAPFault:
			log.Printf("fault %s", f.Code)
		default:
			log.Print(err)
		}
		return
	}
	_ = res.PasswordExpired
}

func assertion(c *soapforce.Client, u, p string) {
	res, err := c.Login(u, p)
	if err != nil {
		if _, ok := err.(*soapforce.SOAPFault); ok {
			log.Print("salesforce refused the login")
		}
		return
	}
	_ = res.PasswordExpired
}

func fieldSwitch(ctx context.Context, u, p string) *oauth2.Token {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			switch re.ErrorCode {
			case "invalid_grant":
				log.Print("wrong password or token")
			}
		}
		log.Print(err)
		return nil
	}
	return tok
}

// ForceCLI keeps the code only in the text: reading it there is inspecting.
func forceText(u, p string) {
	_, err := lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p)
	if err != nil && strings.Contains(err.Error(), "INVALID_LOGIN") {
		log.Print("bad credentials")
		return
	}
}

func propagated(u, p, tok string) error { // want propagated:`fault simpleforce.SalesforceError.ErrorCode SOAP$`
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		log.Print(err)
		return fmt.Errorf("login: %w", err)
	}
	return nil
}

func namedResult(u, p, tok string) (err error) { // want namedResult:`fault simpleforce.SalesforceError.ErrorCode SOAP$`
	c := newClient()
	err = c.LoginPassword(u, p, tok)
	if err != nil {
		log.Print(err)
		return
	}
	return nil
}

func inspectedThenReturned(u, p, tok string) error { // want inspectedThenReturned:`fault simpleforce.SalesforceError.ErrorCode SOAP inspected`
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		if isLockout(err) {
			log.Print("locked out")
		}
		return err
	}
	return nil
}

type job struct {
	lastErr error
	errs    chan error
}

func (j *job) stored(u, p, tok string) {
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		j.lastErr = err
	}
}

func (j *job) sent(u, p, tok string) {
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		j.errs <- err
	}
}

func handedOn(u, p, tok string, handle func(error)) {
	c := newClient()
	if err := c.LoginPassword(u, p, tok); err != nil {
		handle(err)
	}
}

func captured(u, p, tok string) {
	c := newClient()
	err := c.LoginPassword(u, p, tok)
	defer func() {
		if err != nil {
			log.Print(err)
		}
	}()
}

// The successful path only logs; the failed one returns the error.
func successLogged(u, p, tok string) error { // want successLogged:`fault simpleforce.SalesforceError.ErrorCode SOAP$`
	c := newClient()
	err := c.LoginPassword(u, p, tok)
	if err == nil {
		log.Print("logged in")
		return nil
	}
	return err
}

// A retry: the path goes back to the login, which is checked on its own
// (blindretry's business); the last error leaves with %w.
func retried(u, p, tok string) error { // want retried:`fault simpleforce.SalesforceError.ErrorCode SOAP$`
	c := newClient()
	var err error
	for i := 0; i < 3; i++ {
		if err = c.LoginPassword(u, p, tok); err == nil {
			return nil
		}
		log.Print(err)
	}
	return fmt.Errorf("gave up: %w", err)
}

func suppressed(u, p, tok string) bool {
	//sflint:ignore unhandledfault -- the health probe only needs up/down; the job logs in properly
	if err := newClient().LoginPassword(u, p, tok); err != nil {
		log.Print(err)
		return false
	}
	return true
}

// ---- more shapes ----

// Compared with nil where it is made: the error never gets a name.
func comparedInPlace(u, p, tok string) bool {
	if newClient().LoginPassword(u, p, tok) != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only dropped and its fault code is never read`
		log.Print("login failed")
		return false
	}
	return true
}

// A switch on the error itself: case nil is the successful path.
func tagSwitch(u, p, tok string) bool {
	err := newClient().LoginPassword(u, p, tok) // want `only logged and its fault code is never read`
	switch err {
	case nil:
		return true
	default:
		log.Print(err)
		return false
	}
}

// Assigned to a variable of the enclosing function from a closure: that
// function deals with it.
func capturedVar(u, p, tok string, do func(func())) error {
	var err error
	do(func() {
		err = newClient().LoginPassword(u, p, tok)
		if err != nil {
			log.Print(err)
		}
	})
	return err
}

// The library's entry points reach the helpers above: ending the process
// there kills the host (an unexported function nothing but tests reach
// would be a test's to end).
var _ = []any{panicked, fatal, exited}
