// Package blindretry reports Salesforce logins retried without looking at why they failed.
//
// # Analyzer blindretry
//
// report Salesforce logins retried without looking at why they failed
//
// # What it reports
//
// A login from which a failure can come back to the same login, with the same
// credentials, without the fault being classified on the way. The login is a
// call of a client library (soapforce.(*Client).Login,
// simpleforce.(*Client).LoginPassword, force.Create, salesforce.Init,
// session.Open, oauth2.(*Config).PasswordCredentialsToken...), a call of a
// function of yours that wraps one (found by the shared pass, across
// packages), or a raw HTTP POST to /services/oauth2/token or to the SOAP
// login(); reached directly or through a method value, a function kept in a
// variable or a closure. The way back is any of:
//
//   - a loop: counted (for i := 0; i < 5; i++), for {}, for err != nil, a
//     loop that breaks on success, a range over ticks or jobs that continues
//     after a failed login, an outer loop the failure breaks out to;
//   - a goto back to a label before the login;
//   - recursion: the function calls itself after the failure, handing the
//     credentials on unchanged;
//   - a retry helper calling the function that logs in again:
//     cenkalti/backoff v4 and v5 (Retry, RetryNotify, RetryWithData...) and
//     avast/retry-go (Do, DoWithData) when the function returns an error not
//     wrapped in backoff.Permanent / retry.Unrecoverable; sethvargo/go-retry
//     (Do, DoValue) when it returns retry.RetryableError(err);
//     k8s.io/apimachinery/pkg/util/wait (ExponentialBackoff, Poll...,
//     PollUntilContextTimeout...) when the condition returns (false, nil);
//     your own helpers, found by the shared pass (a function, generic or
//     not, in any package, that calls its func parameter again after it
//     fails without looking at the error) or declared with -sflogin.retry;
//   - the function running again and again: an HTTP handler (net/http, gin,
//     echo, fiber), a Prometheus collector's Collect (every scrape), a gRPC
//     method, an OpenAPI auth writer or http.RoundTripper, a job handed to a
//     scheduler (k8s wait.Until, cron, gocron, lambda.Start, your own helper
//     that calls a func on a timer). When the login fails and the function
//     only returns (an error page, up=0, a log line), the next request or
//     scrape logs in again with the same credentials: on a 15 s scrape
//     interval a wrong password locks the user out in about a minute. The
//     message says "on every scrape of ...", "on every request served by
//     ...".
//
// The finding sits on the login call. It names the API, says how the login is
// retried (with the loop, goto, recursive call or helper call as related
// information), and names the codes on which the retry must stop. Sleeping
// or backing off between the attempts does not change the verdict.
//
// The fault is classified when, between the failure and the next attempt, a
// decision looks at what the failure is and one of its outcomes leaves the
// retry (returns, breaks out, log.Fatal, backoff.Permanent(err),
// retry.Unrecoverable(err), a plain error for go-retry, (false, err) for
// wait), perhaps after further classification. Looking at the failure is:
// reading a fault code (SOAPFault.Code, SalesforceError.ErrorCode,
// ApiError.ErrorName, RetrieveError.ErrorCode), errors.As or a type assertion
// or type switch on the error, errors.Is or == against a sentinel, matching
// the error's text, a predicate on the error (isTransient(err),
// netErr.Timeout(), a classifier the shared pass found or -sflogin.classifier
// declared, in any package), a classifying option handed to the retry helper
// (avast/retry-go's retry.RetryIf(func(err error) bool {...}) with a
// predicate that looks at the error), or, for a raw OAuth request, telling a
// 4xx answer from a 5xx one. For a function that runs again and again, any
// classification on the failure path counts, including handing the error to
// a classifier of yours (writeLoginError(w, err)): it may remember the fault
// and stop the next runs. These are not: err != nil, resp.StatusCode == 200,
// errors.Is(err, context.Canceled), an attempt counter, ctx.Done(). A
// classification none of whose outcomes leaves the retry (the code is only
// logged) does not count either.
//
// Not reported:
//
//   - a retry that classifies the fault and stops on the codes that cannot
//     succeed, whether the classification is inline or in a helper
//     recognised by the shared pass (in another package too);
//   - a loop over different credentials: the credentials are built from the
//     range variable, an index that moves, an iterator (it.Next()), a fresh
//     read (vault.Get()), a channel, or a scan into them (fmt.Scanln(&pass):
//     asking the user again is what Salesforce recommends);
//   - a loop whose login failure always leaves it (return, break, log.Fatal,
//     panic);
//   - a login whose error is thrown away (unhandledfault reports that): no
//     failure is retried because none is seen;
//   - for raw HTTP, a transport error (the request's own err, or reading the
//     body): retrying a network error is right. The failure that counts is
//     the answer that is not a 2xx;
//   - a function handed to something that is not a retry helper;
//   - a branch taken only for an error the login cannot return: errors.Is
//     with a sentinel of the program's own that it never wraps a fault
//     with, a gRPC status code other than Unknown;
//   - in a function that runs again and again: credentials read from the
//     request (each user retries their own), a failure that ends the
//     process, and an error returned to a scheduler or API client that may
//     stop on it (a scheduled func() error, an auth writer, a transport).
//
// # Why it matters for Salesforce
//
// Salesforce's knowledge article "Best Practices For Handling Failed Logins"
// (000212767) names the shortcut this analyzer looks for - "try to login
// again, and continue to try this until either the login succeeds or a
// threshold of failed logins is met" - and asks for login error handling
// instead: the retries add load, and they hide the real problem (an expired
// password, a missing security token) behind ten failed attempts. Every
// failed attempt counts: five wrong passwords in a row lock the user out for
// 15 minutes (PASSWORD_LOCKOUT, often still reported as INVALID_LOGIN), and
// many failed logins from one IP get that IP blocked for a while, which
// blocks every valid login from the host too. INVALID_LOGIN, PASSWORD_LOCKOUT,
// LOGIN_MUST_USE_SECURITY_TOKEN, INVALID_OPERATION_WITH_EXPIRED_PASSWORD,
// API_DISABLED_FOR_ORG and API_CURRENTLY_DISABLED (SOAP), and invalid_grant,
// invalid_client_id and invalid_client (OAuth) never succeed on a retry; a
// delay between the attempts changes how fast the lockout comes, not whether
// it comes. Only transient faults are worth another try: SERVER_UNAVAILABLE,
// REQUEST_LIMIT_EXCEEDED, rate_limit_exceeded, an HTTP 5xx answer, a network
// error.
//
// # How to fix it
//
// Classify the failure and stop on the codes that cannot succeed; retry the
// rest a bounded number of times, with a growing delay:
//
//	func transient(err error) bool {
//		var f *soapforce.SOAPFault
//		if errors.As(err, &f) {
//			return f.Code == "sf:SERVER_UNAVAILABLE" || f.Code == "sf:REQUEST_LIMIT_EXCEEDED"
//		}
//		var netErr net.Error
//		return errors.As(err, &netErr) // DNS, TLS, connection reset
//	}
//
//	for attempt := 1; ; attempt++ {
//		res, err := client.Login(user, passwordAndToken)
//		if err == nil {
//			return res, nil
//		}
//		if !transient(err) || attempt == 4 {
//			return nil, fmt.Errorf("salesforce login: %w", err)
//		}
//		time.Sleep(time.Duration(attempt) * 5 * time.Second)
//	}
//
// With a retry helper, mark the final errors:
//
//	op := func() error {
//		var err error
//		tok, err = conf.PasswordCredentialsToken(ctx, user, pass+token)
//		var re *oauth2.RetrieveError
//		if errors.As(err, &re) {
//			switch re.ErrorCode {
//			case "invalid_grant", "invalid_client_id", "invalid_client", "unsupported_grant_type", "inactive_user", "inactive_org":
//				return backoff.Permanent(err) // a retry cannot fix these
//			}
//		}
//		return err // rate_limit_exceeded, 5xx, network errors: retried
//	}
//	err := backoff.Retry(op, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 4))
//
// go-salesforce and go-sfdc report a failed login as text, with no fault
// code: retry only network errors (errors.As(err, &opErr) with
// *net.OpError, or a *url.Error whose Timeout() is true), or do not retry
// the login at all. Wherever the code is, report the failure to someone who
// can fix the password, the token or the user, and do not try again with the
// same credentials until they did.
//
// # Suppressing a finding
//
// Write the directive on the line of the login or the line above, with the
// reason:
//
//	//sflint:ignore blindretry -- the scratch org used by this test has no lockout policy
//	res, err := client.Login(user, pass)
//
// In a function's doc comment it covers the whole function. Under
// golangci-lint, //nolint:sflint silences every sflint analyzer on the line;
// //sflint:ignore blindretry works there too and silences only this one.
//
// # Flags
//
//	-blindretry.permanent list
//		functions (import/path.Func) that mark an error as final for a retry
//		helper, like backoff.Permanent; for your own helpers
//
// The shared pass's flags matter here too: -sflogin.retry declares retry
// helpers the pass cannot derive (functions that call their first func
// argument again until it returns nil), -sflogin.classifier your fault
// classifiers that the pass cannot see are classifiers, -sflogin.login your
// login functions, -sflogin.handlers and -sflogin.schedulers the functions
// that run again and again. In .sflint.yml and the golangci-lint plugin
// settings they are retry-helpers, classifiers, logins, handlers,
// schedulers and blindretry: {permanent: [...]}.
//
// # Limits
//
// The search stays inside one function: mutual recursion, and a loop that
// calls a closure kept in a struct field, are not followed. A team's retry
// helper is found when it calls its func parameter in a loop (or by
// recursion) after a failure; one that hands the func to a helper of a
// package whose facts are not available (built without the sflint driver)
// must be declared with -sflogin.retry. A login whose failure is seen only
// through a boolean or the session it returns is not followed. When the
// credentials may differ between two attempts (they are read again, or
// built by a call), the loop is taken for a walk over credentials and not
// reported. Functions that run again and again are the ones listed above
// and those of the types declared with -sflogin.handlers (a func type, or an
// interface method as import/path.Iface.Method) and -sflogin.schedulers; a
// login in a helper that such a function calls is judged in the helper,
// which does not run again and again by itself, unless the helper is a
// login wrapper (it returns the session or the error).
package blindretry
