// Package basic holds go-soapforce logins with and without a logout on every path.
package basic

import (
	"errors"
	"log"
	"os"

	"github.com/simpleforce/simpleforce"
	metaforce "github.com/tzmfreedom/go-metaforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

var errExpired = errors.New("password expired")

// errorPathLeak: the query's error return leaves the session open.
func errorPathLeak(u, p string) error {
	c := soapforce.NewClient()
	_, err := c.Login(u, p) // want `session from soapforce.\(\*Client\).Login is not logged out on all paths\. Defer c.Logout\(\) after the login's error check`
	if err != nil {
		return err
	}
	if _, err := c.Query("SELECT Id FROM Account"); err != nil {
		return err
	}
	return c.Logout()
}

// normalPathLeak: no logout at all; control falls off the end.
func normalPathLeak(u, p string) {
	c := soapforce.NewClient()
	res, err := c.Login(u, p) // want `session from soapforce.\(\*Client\).Login is not logged out on all paths`
	if err != nil {
		log.Print(err)
		return
	}
	log.Printf("logged in as %s on %s", res.UserId, res.ServerUrl)
}

// passwordExpired is the examples' dry-run shape: an early return after a
// successful login.
func passwordExpired(u, p string) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p) // want `session from soapforce.\(\*Client\).Login is not logged out on all paths`
	if err != nil {
		return err
	}
	if res.PasswordExpired {
		return errExpired
	}
	return c.Logout()
}

// deferred: the logout is deferred after the error check.
func deferred(u, p string) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return err
	}
	defer c.Logout()
	if res.PasswordExpired {
		return errExpired
	}
	_, err = c.Query("SELECT Id FROM Account")
	return err
}

// deferredClosure: the logout sits in a deferred closure that logs its error.
func deferredClosure(u, p string) (err error) {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	defer func() {
		if lerr := c.Logout(); lerr != nil && err == nil {
			err = lerr
		}
	}()
	_, err = c.Query("SELECT Id FROM Account")
	return err
}

// deferredBeforeLogin: registered before the login, it still runs after it.
func deferredBeforeLogin(u, p string) error {
	c := soapforce.NewClient()
	defer c.Logout()
	_, err := c.Login(u, p)
	return err
}

// everyBranch: each branch logs out before it returns.
func everyBranch(u, p string, check bool) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return err
	}
	if res.PasswordExpired {
		c.Logout()
		return errExpired
	}
	if check {
		return c.Logout()
	}
	_, qerr := c.Query("SELECT Id FROM Account")
	if lerr := c.Logout(); lerr != nil {
		return lerr
	}
	return qerr
}

// oneBranchMissing: the same, with the check branch forgetting the logout.
func oneBranchMissing(u, p string, check bool) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	if res.PasswordExpired {
		c.Logout()
		return errExpired
	}
	if check {
		return nil
	}
	return c.Logout()
}

// ifInit: the login in an if statement's init; its error path is not a leak.
func ifInit(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil { // want `not logged out on all paths`
		return err
	}
	_, err := c.Query("SELECT Id FROM Account")
	return err
}

// errEqualNil: the session is used and logged out only in the success branch.
func errEqualNil(u, p string) error {
	c := soapforce.NewClient()
	_, err := c.Login(u, p)
	if err == nil {
		defer c.Logout()
		_, err = c.Query("SELECT Id FROM Account")
	}
	return err
}

// errReused: once err holds the query's error, err != nil says nothing
// about the login any more.
func errReused(u, p string) error {
	c := soapforce.NewClient()
	_, err := c.Login(u, p) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	_, err = c.Query("SELECT Id FROM Account")
	if err != nil {
		return err
	}
	return c.Logout()
}

// andCondition: `err != nil && ...` being true does mean it failed.
func andCondition(u, p string) error {
	c := soapforce.NewClient()
	_, err := c.Login(u, p)
	if err != nil && !errors.Is(err, os.ErrDeadlineExceeded) {
		return err
	}
	if err != nil {
		return err
	}
	defer c.Logout()
	return nil
}

// orCondition: `err != nil || ...` being true does not mean the login failed.
func orCondition(u, p string, dry bool) error {
	c := soapforce.NewClient()
	_, err := c.Login(u, p) // want `not logged out on all paths`
	if err != nil || dry {
		return err
	}
	return c.Logout()
}

// panicsAndExits: paths that end the process are not leaks.
func panicsAndExits(u, p string, mode int) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return err
	}
	switch mode {
	case 1:
		panic("unreachable mode")
	case 2:
		log.Fatalf("user %s: password expired", res.UserId)
	case 3:
		os.Exit(2)
	case 4:
		fatal("bad mode")
	case 5:
		log.New(os.Stderr, "", 0).Panicln("bad mode")
	}
	return c.Logout()
}

// fatal never returns: the package's own no-return helpers count too.
func fatal(msg string) {
	log.Print(msg)
	os.Exit(1)
}

// mainLike: returning from main ends the process, not the session.
func mainLike() {
	c := soapforce.NewClient()
	if _, err := c.Login(os.Getenv("SF_USER"), os.Getenv("SF_PASS")); err != nil { // want `not logged out on all paths`
		log.Fatal(err)
	}
	log.Print(c.SessionId != "")
}

// oauth: LoginWithOAuth leaves the session in the client too.
func oauth(u, p string) error {
	c := soapforce.NewClient()
	if err := c.LoginWithOAuth(u, p); err != nil { // want `session from soapforce.\(\*Client\).LoginWithOAuth is not logged out on all paths`
		return err
	}
	_, err := c.Query("SELECT Id FROM Account")
	return err
}

// loginLoop: each iteration logs out before the next login.
func loginLoop(users []string, p string) error {
	for _, u := range users {
		c := soapforce.NewClient()
		if _, err := c.Login(u, p); err != nil {
			return err
		}
		c.Logout()
	}
	return nil
}

// loginLoopLeak: the break leaves the last session open.
func loginLoopLeak(users []string, p string) error {
	for _, u := range users {
		c := soapforce.NewClient()
		res, err := c.Login(u, p) // want `not logged out on all paths`
		if err != nil {
			return err
		}
		if res.PasswordExpired {
			break
		}
		c.Logout()
	}
	return nil
}

// alias: the logout through a copy of the client variable.
func alias(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	same := c
	defer same.Logout()
	return nil
}

// valueClient: a client value declared with var is the function's own.
func valueClient(u, p string) error {
	var c soapforce.Client
	if _, err := c.Login(u, p); err != nil { // want `not logged out on all paths`
		return err
	}
	return nil
}

// Not reported: the client is not the function's to log out.

func param(c *soapforce.Client, u, p string) error {
	_, err := c.Login(u, p)
	return err
}

type service struct{ client *soapforce.Client }

func (s *service) reconnect(u, p string) error {
	_, err := s.client.Login(u, p)
	return err
}

func fromField(s *service, u, p string) error {
	c := s.client
	_, err := c.Login(u, p)
	return err
}

var shared = soapforce.NewClient()

func global(u, p string) error {
	_, err := shared.Login(u, p)
	return err
}

// Libraries without a logout are not reported.

func simple(u, p, tok string) error {
	c := simpleforce.NewClient("https://login.salesforce.com", "id", "52.0")
	return c.LoginPassword(u, p, tok)
}

func meta(u, p string) error {
	c := metaforce.NewClient()
	return c.Login(u, p)
}

// ignored: the directive on the line above suppresses the report.
func ignored(u, p string) error {
	c := soapforce.NewClient()
	//sflint:ignore nologout -- a one-shot health check; the session times out on its own
	_, err := c.Login(u, p)
	return err
}

// returnedLogin: the session is created and the function returns at once.
func returnedLogin(u, p string) error {
	c := soapforce.NewClient()
	return c.LoginWithOAuth(u, p) // want `not logged out on all paths`
}

// switchOnErr: a tagless switch on the login's error is an error check too.
func switchOnErr(u, p string) error {
	c := soapforce.NewClient()
	_, err := c.Login(u, p)
	switch {
	case err != nil:
		return err
	}
	defer c.Logout()
	return nil
}

// retryLoop: the login retried until it succeeds, then checked once more.
func retryLoop(u, p string) error {
	c := soapforce.NewClient()
	var err error
	for i := 0; i < 3; i++ {
		if _, err = c.Login(u, p); err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	defer c.Logout()
	_, err = c.Query("SELECT Id FROM Account")
	return err
}

// goroutineOwnSession: a goroutine that logs in on its own client is
// checked as a function of its own.
func goroutineOwnSession(u, p string, done chan<- error) {
	go func() {
		c := soapforce.NewClient()
		if _, err := c.Login(u, p); err != nil { // want `not logged out on all paths`
			done <- err
			return
		}
		done <- nil
	}()
}

// typeSwitchOnErr: in a type switch on the login's error only `case nil`
// has a session.
func typeSwitchOnErr(u, p string) string {
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	switch f := err.(type) {
	case *soapforce.SOAPFault:
		return f.Code
	case nil:
		defer c.Logout()
		if res.PasswordExpired {
			return "expired"
		}
		return "ok"
	default:
		return err.Error()
	}
}

// typeSwitchLeak: the nil case returns without a logout.
func typeSwitchLeak(u, p string) string {
	c := soapforce.NewClient()
	_, err := c.Login(u, p) // want `not logged out on all paths`
	switch err.(type) {
	case nil:
		return "ok"
	case *soapforce.SOAPFault:
		return "fault"
	}
	return "other"
}

// typeSwitchNoNilCase: without `case nil`, the default case may have the session.
func typeSwitchNoNilCase(u, p string) string {
	c := soapforce.NewClient()
	_, err := c.Login(u, p) // want `not logged out on all paths`
	switch err.(type) {
	case *soapforce.SOAPFault:
		return "fault"
	default:
		return "maybe ok"
	}
}
