// Package sessionreuse defines an Analyzer that reports Salesforce sessions
// thrown away and logged in again.
//
// # Analyzer sessionreuse
//
// report Salesforce logins repeated where one session should be reused
//
// A login is the most expensive call an integration makes, and the one that
// counts against the org's login limits. Salesforce's guidance (knowledge
// article 000212767, "Getting and caching a session ID") is to get a session
// id once, cache it and reuse it for every later call — across integration
// jobs too — and to refresh it only when a call fails with
// INVALID_SESSION_ID. A session stays valid until it has been idle for the
// org's timeout (two hours by default), not for one call.
//
// The report sits on the login call: a client library's login, a raw POST
// to /services/oauth2/token or a SOAP <login>, a function declared with
// -sflogin.login, or a function of yours, in any package, that logs in on
// every call (sfconn.Connect). Four shapes are reported.
//
// Per iteration: a login in a loop body, with the same credentials on every
// iteration, on the success path, followed by work with the session in the
// same iteration (or, for a login at the bottom of the loop body, at the
// top of the next one: "sleep, then get a new token"). A loop that waits
// for a ticker, time.Tick, time.After or time.Sleep is reported as "on every
// tick".
//
//	for _, id := range ids {
//		c, err := sfconn.Connect(cfg) // logs in on every iteration of this loop
//		...
//		c.SObject("Account").Get(id)
//	}
//
// Per request: a login reached every time an HTTP handler, a callback, a
// gRPC method or a scheduled function runs. Handlers are functions, methods
// and literals of type func(http.ResponseWriter, *http.Request) (literals
// passed to http.HandleFunc or converted to http.HandlerFunc included), gin,
// echo and fiber handlers, and the types named with -sflogin.handlers.
// Callbacks are the methods that implement an interface whose method a
// library calls again and again: a Prometheus collector's Collect (every
// scrape), a go-openapi ClientAuthInfoWriter's AuthenticateRequest and
// ClientAuthInfoWriterFunc literals (every request a generated API client
// sends), an http.RoundTripper's RoundTrip, and the interface methods named
// with -sflogin.handlers (import/path.Iface.Method). gRPC
// methods are the methods of a type that embeds the generated
// Unimplemented...Server (or connect-go's Unimplemented...Handler) that
// implement the service. Scheduled functions are the literals and functions
// handed to k8s.io/apimachinery's wait.Until, UntilWithContext,
// NonSlidingUntil, JitterUntil, Forever and their variants, robfig/cron's
// AddFunc, gocron, aws-lambda-go's lambda.Start, the functions named with
// -sflogin.schedulers, and your own helpers whose func parameter is
// called in a loop that waits for a timer and goes on after a successful
// call (found automatically, across packages).
//
//	return func(w http.ResponseWriter, r *http.Request) {
//		client, err := sfconn.Connect(cfg) // logs in on every request served by ...
//
// Per call: a method that logs in, unconditionally, on the client its
// receiver keeps, then calls the API on that client: the session is
// re-created on every use. Methods whose job is to log in are left alone:
// names starting with New, Open, Connect, Reconnect, Login, Logon, Relogin,
// SignIn, Init, Auth, Reauth, Refresh, Renew, Dial, Setup, Start, Run, Serve,
// Execute, Main, Check, Verify, Validate or Test.
//
//	func (d *AccountDAO) Query(soql string) (*simpleforce.QueryResult, error) {
//		if err := d.client.LoginPassword(...); err != nil { // logs in again on every call
//			return nil, err
//		}
//		return d.client.Query(soql)
//	}
//
// Broken cache: a cache variable that is checked but never filled, because
// the login's result goes into a new variable that := declares and that
// shadows it. A suggested fix turns the := into = (declaring err first).
//
//	if cached != nil {
//		return cached, nil
//	}
//	cached, err := sfconn.Connect(cfg) // a new cached: the package-level one stays nil
//
// A finding is reported once, where the mistake is: a call to your function
// is not reported when sessionreuse already reports the repeated login inside
// that function (the handler that calls AccountDAO.Query above is not).
//
// # Not reported
//
//   - A login guarded by a cache: a nil or zero check of a variable or field
//     (if s.client == nil), a pool length check, a flag the function sets
//     (if !loggedIn), an expiry check (time.Now().After(expiry), time.Since,
//     token.Valid()), a map lookup or a Get/Load of an object the function
//     also Sets/Saves (store.Load ... store.Save); a login in sync.Once.Do,
//     sync.OnceValue or sync.OnceValues.
//   - A login in the branch that handles a failure: INVALID_SESSION_ID (a
//     fault code comparison, a type switch on the fault, a classifier such as
//     isSessionExpired(err)), an HTTP 401, or any other error. That is the
//     recommended refresh; retrying a failed login is blindretry's business.
//   - A loop that ends once the login succeeds: a retry loop.
//   - Reusing a session: simpleforce SetSidLoc, go-soapforce SetAccessToken,
//     go-force CreateWithAccessToken, go-salesforce Init with
//     Creds{AccessToken: ...}; and refresh-token flows.
//   - One login per process: in main, in init, in a constructor, in a plain
//     function with no loop around the login.
//   - Credentials that change: a loop over orgs or users (range variables,
//     values received, scanned or indexed by the loop), credentials or an
//     OAuth code taken from the request or from the method's parameters, a
//     loop over clients. A session per user is not a repeat. Credentials
//     read from the environment or configuration do not change: os.Getenv,
//     a zero-valued struct, and a struct filled through a pointer by
//     envconfig, sethvargo/go-envconfig, caarlos0/env, cleanenv, viper,
//     koanf, go-flags, kong or the flag package are the same on every
//     request; a struct decoded from the request body is not.
//   - A session kept beyond the iteration or the request (escape means
//     handled): stored in a field, a global (but not one the handler goes
//     on to use itself: it overwrites it on every request), a map or a slice, appended,
//     sent on a channel, returned, captured by a goroutine or a closure,
//     passed to a Put, Add, Store, Set, Save, Register... method (a pool);
//     for a broken cache, the new variable passed to a function (which may
//     fill the cache).
//   - A login in an if or switch branch whose condition is neither a cache
//     nor an error check: it does not run every time.
//   - A per-iteration login whose session is not used in the iteration.
//
// # Fix
//
// Log in once and share the session; log in again only when Salesforce says
// the session is gone:
//
//	type Session struct {
//		cfg    sfconn.Config
//		mu     sync.Mutex
//		client *simpleforce.Client // the cache: filled by the first query
//	}
//
//	func (s *Session) Query(soql string) (*simpleforce.QueryResult, error) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		if s.client == nil {
//			c, err := sfconn.Connect(s.cfg)
//			if err != nil {
//				return nil, err
//			}
//			s.client = c // assign the cache: not s.client, err := ... or client := ...
//		}
//		res, err := s.client.Query(soql)
//		var sfErr simpleforce.SalesforceError
//		if errors.As(err, &sfErr) && sfErr.ErrorCode == "INVALID_SESSION_ID" {
//			c, lerr := sfconn.Connect(s.cfg) // the session expired: log in again, once
//			if lerr != nil {
//				return nil, lerr
//			}
//			s.client = c
//			return s.client.Query(soql)
//		}
//		return res, err
//	}
//
// On INVALID_SESSION_ID (HTTP 401 with errorCode INVALID_SESSION_ID on REST,
// the fault sf:INVALID_SESSION_ID on SOAP) drop the cached session, log in
// again once and repeat the call; on any other error do not log in again.
// With OAuth, a refresh token renews the session without a password. To
// share a session between processes or runs, store the session id and
// instance URL and install them instead of logging in (SetSidLoc,
// SetAccessToken, CreateWithAccessToken, Creds{AccessToken}). go-force and
// go-salesforce log in again by themselves on INVALID_SESSION_ID: create
// their client once.
//
// # Suppressing
//
// When a fresh login is intended, say why on the login's line or the line
// above it, or in the function's doc comment:
//
//	//sflint:ignore sessionreuse -- the audit endpoint must prove the credentials on each call
//
// Under golangci-lint, //nolint:sflint works too, but it silences every
// sflint analyzer on the line.
//
// # Flags
//
// Where programs start again and again is the shared pass's knowledge
// (blindretry asks the same question), so the lists are its flags:
//
//	-sflogin.handlers list
//		named function types whose functions serve one request each, as
//		import/path.Type (example.com/web.HandlerFunc), or interface methods
//		a library calls once per request, as import/path.Iface.Method;
//		added to net/http.HandlerFunc, gin.HandlerFunc, echo.HandlerFunc,
//		fiber.Handler, prometheus.Collector.Collect,
//		runtime.ClientAuthInfoWriter.AuthenticateRequest and
//		http.RoundTripper.RoundTrip
//	-sflogin.schedulers list
//		functions or methods that call the functions passed to them again and
//		again, on a timer or per event, as import/path.Func or
//		import/path.Type.Method (example.com/jobs.(*Runner).Every); added to the
//		k8s wait.Until family, robfig/cron AddFunc, gocron and lambda.Start
//
// -sessionreuse.handlers and -sessionreuse.schedulers are the same lists
// under their first names, kept for existing configurations (in .sflint.yml
// the top-level handlers and schedulers keys).
package sessionreuse
