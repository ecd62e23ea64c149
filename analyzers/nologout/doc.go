// Package nologout defines an Analyzer that reports Salesforce sessions that
// are not logged out on every path.
//
// # Analyzer nologout
//
// report Salesforce sessions that are not logged out on every path
//
// A successful login creates a session on the Salesforce server. If the
// program drops it without calling logout(), the session id stays valid
// until the org's session timeout (two hours by default): anyone who reads
// it from a log, a core dump or a proxy can use the API as the integration
// user until then. The SOAP API reference says: "Salesforce recommends that
// you always call logout() to end a session when it is no longer needed.
// This ends any child sessions as well as the session being logged out.
// Logging out instead of waiting for the configured session expiration
// provides the most protection."
//
// The check is the lostcancel shape, on the control-flow graph of each
// function: it reports a successful login from which some path reaches a
// return without ending the session.
//
//	client := soapforce.NewClient()
//	res, err := client.Login(user, passwordAndToken) // session from soapforce.(*Client).Login is not logged out on all paths
//	if err != nil {
//		return err // not a leak: the login failed, there is no session
//	}
//	if res.PasswordExpired {
//		return errPasswordExpired // this return leaves the session logged in
//	}
//	...
//	return client.Logout()
//
// Fix it by deferring the logout right after the login's error check:
//
//	res, err := client.Login(user, passwordAndToken)
//	if err != nil {
//		return err
//	}
//	defer client.Logout()
//
// The diagnostic carries that edit as a suggested fix (sflint -fix): it
// inserts `defer <client>.Logout()` after the `if err != nil { ... }` that
// follows the login, after an `if _, err := c.Login(...); err != nil { ... }`
// statement, or right after the login when its error is not checked. For a
// wrapper's client it uses the wrapper's logout method when one is known
// (defer d.Close()). No fix is offered when a wrapper's client may be nil
// (its error is not checked), when the login sits in a condition or a loop
// header, or for owner types. Explicit Logout calls left on the happy path
// then log out twice; the second call fails harmlessly and may be removed.
//
// # Which logins
//
// Only logins whose session can be ended are checked:
//
//   - github.com/tzmfreedom/go-soapforce: (*Client).Login and LoginWithOAuth,
//     ended by (*Client).Logout, the one server-side logout among the Go
//     client libraries;
//   - your own wrappers of them, in any package: a function that logs in and
//     hands the client back (the caller must log it out), or logs in on a
//     client it is given or keeps in its receiver; and your logout wrappers,
//     such as func (d *DAO) Close() error { return d.c.Logout() };
//   - logins and logouts you declare with -sflogin.login and -sflogin.logout:
//     a declared logout method of the type the declared login leaves the
//     session in, or a declared logout function of the same package taking
//     the session as its first argument;
//   - raw SOAP login() requests (a <login> envelope posted to
//     /services/Soap/u/... with net/http), ended by a raw SOAP logout()
//     request in the same function or in a function that posts one (a fact
//     carries that across packages);
//   - with -nologout.revoke, OAuth logins: golang.org/x/oauth2's
//     PasswordCredentialsToken against a Salesforce token URL, go-force's
//     Create, go-salesforce's Init, go-sfdc's session.Open, ForceCLI's OAuth
//     flows and raw POSTs to /services/oauth2/token, ended by a POST of the
//     access token to /services/oauth2/revoke (directly or through a helper).
//
// Libraries without a logout (simpleforce, go-metaforce, go-force,
// go-salesforce, go-sfdc, ForceCLI) are not reported by default: there is
// nothing to call. simpleforce and go-metaforce log in with SOAP and are not
// revocable through the flag either.
//
// # What is not a leak
//
//   - Paths on which the login failed: the branch where the login's error is
//     non-nil (err != nil, err == nil, combined with &&, || and !, in an if
//     or a tagless switch, before err is reused for another call). For a raw
//     request, a status other than 200 and any error while reading the
//     response count as failures too: the program never had the session id.
//   - Paths that end the process or the goroutine: panic, os.Exit,
//     log.Fatal..., runtime.Goexit, testing's Fatal/FailNow/Skip, Fatal and
//     Panic of logging packages, and functions of the package that always do
//     one of these. Returning from main is a leak: the server does not know
//     the process ended.
//   - A deferred logout covers every path after it (also one deferred before
//     the login, and one inside a deferred or immediately called closure).
//   - Escape means handled (the sqlrowserr policy): when the client, the
//     session, the login's result or a session id taken from them is
//     returned, stored in a field, a global, a map or a slice, sent on a
//     channel, captured by a goroutine or by a closure that may outlive the
//     call, or passed to a function that takes it over, someone else owns
//     the session and nothing is reported. Borrowing is not escape: a
//     function that only calls methods on the client and reads it (in this
//     package or another, known by a fact the shared pass derives: never
//     guessed from its name) leaves the duty with the caller, so
//     describe(c) or buildQuery(client, ...) does not hide a missing
//     logout. A function that stores, returns, sends, captures or logs out
//     the client takes it over; a function value may do anything with it.
//     Formatting, logging, building an HTTP request or parsing a response
//     with the standard library is not handing the session over.
//   - A session handed out by a getter that caches it (if cached != nil {
//     return cached }; a sync.Once): it is shared, so no caller has a
//     logout duty (sessionreuse recommends exactly that cache). So is the
//     session of a getter whose cache a := breaks (cached := login()
//     declares a local of the cache's name): sessionreuse reports the :=,
//     and once it is fixed the callers are right as they are.
//   - A login on a client the function did not create (a parameter, a
//     field, a global, a client taken from a pool) belongs to its owner:
//     only clients made in the function (NewClient(), &T{}, a New...
//     constructor) are checked. One exception: in a command (package main),
//     a package variable of its own that no function of the program logs
//     out, hands on or copies is main's session, and a login on it is
//     reported ("is never logged out").
//
// A login whose session result is thrown away (c, err := wrapper() written
// as _, err := wrapper()) is reported as discarded: that session can never
// be logged out.
//
// A login is reached directly or through a method value, a function kept in
// a variable or a closure. A wrapper that logs in twice (a metadata client,
// then a SOAP client) hands back the session its caller can log out; a
// logout names the client it ends, so logging out another client of the
// same type does not end this one.
//
// # Owner types
//
// The database/sql-driver shape: a struct type of the package keeps a
// logged-in client in a field (or in a field of a field) (a method logs in on x.client, or a function
// stores the client in T{client: c} or x.client = c), and its Close,
// Shutdown or Stop method never logs out. The report sits on the Close
// method, with the login as related location:
//
//	func (c *Conn) Close() error { // sfpool.(*Conn).Close does not log out the session in field client ...
//		c.client = nil
//		return nil
//	}
//
// A teardown method counts as logging out when it, or a method of the same
// type it calls on its receiver, calls any logout (library, wrapper, declared
// or raw), or hands the field to someone else. A type with no Close,
// Shutdown or Stop method is not reported: it may live as long as the
// program.
//
// # Flags
//
//	-nologout.revoke   also report OAuth logins whose access token is never
//	                   revoked at /services/oauth2/revoke (default false)
//
// The shared flags -sflogin.login, -sflogin.logout (your own login and
// logout functions) and -sflogin.tests (analyse _test.go files) apply too.
//
// # Suppressing a report
//
// When the session is meant to outlive the function in a way the analyzer
// cannot see, say so next to the login (or above the Close method):
//
//	//sflint:ignore nologout -- the session is handed to the worker pool, which logs it out
//	res, err := client.Login(user, pass)
//
// The directive works under sflint, go vet -vettool and golangci-lint alike;
// under golangci-lint, //nolint:sflint also works but silences every sflint
// analyzer on that line.
//
// # Limits
//
// The analysis is per function and flow-insensitive about escapes: a
// session that escapes on one path is treated as handled on all of them. A
// client reached through a call chain (NewClient().Login(...)) is not
// followed. Logins inside closures passed to retry helpers are on a client
// the closure captured, so they belong to the enclosing function and are
// not checked. A command's package variable counts as logged out when any
// function of the program logs it out, whether or not main calls that
// function. Raw SOAP logouts are
// recognised by their envelope (a <logout> element in a sforce.com
// namespace) and revocations by the constant /services/oauth2/revoke in the
// URL; a request built elsewhere is not seen. The owner-type check only
// looks at fields that hold the client itself, not slices or maps of
// clients.
package nologout
