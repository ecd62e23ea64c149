// Package unhandledfault defines an Analyzer that reports Salesforce login
// faults that are discarded, swallowed, erased or compared wrongly.
//
// # Analyzer unhandledfault
//
// report Salesforce login faults that are discarded, swallowed, erased or compared wrongly
//
// Salesforce says exactly why a login failed: SOAP login() answers an
// ExceptionCode (INVALID_LOGIN, PASSWORD_LOCKOUT, LOGIN_MUST_USE_SECURITY_TOKEN,
// INVALID_OPERATION_WITH_EXPIRED_PASSWORD, API_DISABLED_FOR_ORG, ...), the
// OAuth token endpoint an error (invalid_grant, invalid_client_id, ...).
// Salesforce's guidance ("Best Practices For Handling Failed Logins",
// knowledge article 000212767, "Check and Handle Login Errors") is to check
// that code and act on it: do not log in again after a lockout, tell the user
// that the password has expired, ask for the security token; not to log
// "login failed" and carry on. Five wrong passwords in a row lock the user
// out for 15 minutes, and many failed logins from one IP can get the IP
// blocked, valid logins included.
//
// # What it reports
//
//  1. Discarded, at the login call: the error is assigned to _ or the call
//     is a statement (client.Login(u, p); tok, _ := conf.PasswordCredentialsToken(...));
//     or the failure is only logged and the code goes on to use the session
//     anyway (a nil result, or a client that holds no session).
//  2. Swallowed, at the login call: on some path the error is only logged,
//     printed, written to an HTTP response, passed to panic or log.Fatal, or
//     dropped (if err != nil { return nil }), and its fault code was not
//     inspected on that path.
//  3. Erased, at the expression that erases it: on its way out the error is
//     formatted with %v or %s (fmt.Errorf("login: %v", err)) or replaced by a
//     new error (errors.New("login failed"), errors.New(err.Error()), a
//     sentinel variable), so no caller can read the code any more. Where the
//     error itself is formatted, a suggested fix turns the verb into %w. When
//     the library keeps the code only in the error's text (ForceCLI's SOAP
//     login, simpleforce's 2021 versions), formatting the error with %v keeps
//     it, and only replacing the error erases it.
//  4. Compared wrongly, at the comparison: a fault-code field compared with a
//     constant it never holds. go-soapforce and simpleforce keep the SOAP
//     faultcode's prefix (SOAPFault.Code and SalesforceError.ErrorCode are
//     "sf:INVALID_LOGIN"), so f.Code == "INVALID_LOGIN" is always false, and
//     so is a comparison with go-soapforce's own ExceptionCodeINVALID_LOGIN
//     ("INVALID_LOGIN") or FaultCodeFnsINVALID_LOGIN ("fns:INVALID_LOGIN");
//     a suggested fix compares with "sf:INVALID_LOGIN". The OAuth token
//     endpoint (go-force, golang.org/x/oauth2, ForceCLI's password flow)
//     never answers a SOAP code: re.ErrorCode == "INVALID_LOGIN" is always
//     false, rejected credentials (a wrong password, a lockout, a missing
//     security token) are all "invalid_grant" there; the same holds for
//     strings.Contains(err.Error(), "INVALID_LOGIN") on such a login. Nor
//     does SOAP login() answer an OAuth error: f.Code == "invalid_grant" is
//     always false, rejected credentials are "sf:INVALID_LOGIN" there. The
//     comparison is reported wherever it is, usually in a helper that
//     receives the error.
//  5. Unswitched, at the switch or if: a switch (or if-else chain) on a
//     fault code that handles none of the codes on which a login must stop
//     (SOAP: INVALID_LOGIN, PASSWORD_LOCKOUT, LOGIN_MUST_USE_SECURITY_TOKEN,
//     INVALID_OPERATION_WITH_EXPIRED_PASSWORD, API_DISABLED_FOR_ORG,
//     API_CURRENTLY_DISABLED; OAuth: invalid_grant, invalid_client_id,
//     invalid_client), so that they fall into the default with the transient
//     ones (SERVER_UNAVAILABLE, REQUEST_LIMIT_EXCEEDED) and are retried or
//     answered with "try again": retrying a wrong password locks the user
//     out, and an expired password needs a reset, not another attempt. As
//     with the exhaustive linter, a default
//     clause does not count unless -default-counts says so. A single test
//     (isSessionExpired) is a predicate, not a classification, and is not
//     checked; nor is a switch that names only INVALID_SESSION_ID.
//  6. Expired password ignored, at the login call: go-soapforce's login
//     succeeds for a user whose password has expired and only says so in
//     LoginResult.PasswordExpired; every later call then fails with
//     INVALID_OPERATION_WITH_EXPIRED_PASSWORD. Reported when, on a
//     successful path, PasswordExpired is not read before the session is
//     used or the function returns (or the LoginResult is discarded and the
//     session used or handed back).
//
// Each message is two sentences: what is wrong and where, naming the
// library API (and the wrapper it goes through), then the fix, with the
// first of the codes to handle spelled with the prefix the library keeps
// ("sf:INVALID_LOGIN, sf:PASSWORD_LOCKOUT, ..."; -unhandledfault.codes
// sets the list). Why each mistake matters is in this manual, not in the
// message.
//
// # What counts as inspecting the fault
//
// On a path, the fault is inspected by: errors.As into the library's fault
// type when the function reads its code field (var re *oauth2.RetrieveError;
// errors.As(err, &re) ... re.ErrorCode); a type switch or type assertion to
// the fault type; a comparison of the code field or of err.Error() with a
// known code (==, switch, strings.Contains, HasPrefix, HasSuffix, EqualFold;
// for ForceCLI, whose errors are plain strings, the text is the only place
// the code survives); or a call, with the error, to a function that itself
// inspects codes (a classifier: found by the shared pass, in this package or
// another, or declared with -sflogin.classifier). Only the operands of && and
// || that are sure to run count for the branch they lead to.
//
// Inspected once is enough: a function that inspects the fault before
// handing the error back relieves its callers (of cases 2 and 3: an error
// they discard, or a failure they ignore, is still reported). Propagated is
// not swallowed:
// a function that returns the error unchanged, wrapped with %w or joined
// with errors.Join becomes a login wrapper, and its callers are checked
// instead, across packages (the analyzer exports a FaultFact on it saying
// what its callers receive and whether it inspected the fault). So a main
// that does log.Fatalf("%v", err) on connect()'s error is reported in main,
// not in connect.
//
// Escape means handled: an error (or the typed fault) stored in a field, a
// global, a map or a slice, sent on a channel, captured by a closure, handed
// to a function that is not a logger, or returned from a function literal
// (to a retry helper, say) belongs to someone else, and nothing is reported.
//
// Libraries that throw the code away (k-capehart/go-salesforce returns
// errors.New(status + ": failed authentication"), go-sfdc a formatted
// string, go-soapforce's LoginWithOAuth nothing at all, ForceCLI's OAuth
// flows errors.New(error_description), never invalid_grant) leave nothing to
// inspect: for them only a discarded error (case 1) is reported, and a test
// of their error's text for a fault code, which can never match (case 4):
// err != nil is all such a caller can test.
//
// # Hand-written logins
//
// A login made with net/http (a POST to /services/oauth2/token, a SOAP
// login() posted by hand) returns a transport error; the login fault is in
// the answer: HTTP 400 and {"error":"invalid_grant","error_description":...}
// from the token endpoint, HTTP 500 and a <soapenv:Fault> from SOAP. So, at
// such a call, the analyzer reports:
//
//  7. Unchecked, at the request: the answer is read (decoded, io.ReadAll)
//     without a look at its status or at what it holds (its "error" field,
//     the <faultcode> of a SOAP fault): a rejected login becomes an empty
//     token (or session id) and a nil error, and every later call fails
//     with INVALID_SESSION_ID instead.
//  8. On the branch that runs for a failed answer (an if or a switch on
//     resp.StatusCode, resp.Status or the decoded "error" field), an error
//     that keeps nothing of the answer is erased (errors.New("failed to
//     authenticate"), the status alone, the error_description without the
//     error, a sentinel); a branch that only prints the answer and goes on,
//     returns a nil error, or ends the program without showing the answer
//     swallows it.
//
// A response (or its body) handed to a function of the program's own
// (parse(resp), decode(resp.Body, &tok)), returned or stored is that
// function's to check: nothing is reported. An error type of the program's
// own built on the branch is not followed either.
//
// # The library as loaded
//
// Every claim about the fault follows the version of the library the
// program loaded, not the newest one: the fault type and its code field are
// looked up in the loaded package. simpleforce has SalesforceError only from
// v0.0.0-20220429021116-acf4ac67ef68 (2022-04) on; its 2021 versions
// (245ee39ac3ec, af9d9a281fea) keep the code only in the error's text
// ("... Error Code: sf:INVALID_LOGIN"), so the advice is a text match and
// fmt.Errorf("%v", err) erases nothing; its 2020 version (2062cbbdbb89)
// returns the sentinel ErrFailure, with no code at all: the error itself is
// then all a caller can learn of why the login failed, so the advice is to
// return the error and to upgrade to a version whose SalesforceError keeps
// the code in ErrorCode (a swallowed failure is reported with that advice;
// nothing is erased and no comparison can match). golang.org/x/oauth2 has
// RetrieveError.ErrorCode from v0.8.0 on; before, the code is in the
// error's text (its Body).
//
// # Examples
//
// Swallowed (the program goes on, the user never learns that the password
// expired):
//
//	res, err := client.Login(user, pass+token)
//	if err != nil {
//		log.Printf("login failed: %v", err)
//		return nil
//	}
//
// Handled:
//
//	res, err := client.Login(user, pass+token)
//	if err != nil {
//		var f *soapforce.SOAPFault
//		if errors.As(err, &f) {
//			switch f.Code {
//			case "sf:PASSWORD_LOCKOUT":
//				return fmt.Errorf("locked out for 15 minutes, not retrying: %w", err)
//			case "sf:INVALID_LOGIN", "sf:LOGIN_MUST_USE_SECURITY_TOKEN":
//				return fmt.Errorf("check SF_PASSWORD and SF_SECURITY_TOKEN: %w", err)
//			}
//		}
//		return fmt.Errorf("salesforce login: %w", err)
//	}
//	if res.PasswordExpired {
//		return errPasswordExpired
//	}
//
// Erased, and its fix (suggested, applied by sflint -fix):
//
//	return fmt.Errorf("salesforce ping failed: %v", err) // before
//	return fmt.Errorf("salesforce ping failed: %w", err) // after
//
// Compared wrongly, and its fix (suggested, applied by sflint -fix):
//
//	if fault.Code == "INVALID_LOGIN" {    // before: always false
//	if fault.Code == "sf:INVALID_LOGIN" { // after
//
// # Suppressing a finding
//
// Put a directive with a reason on the line of the finding, on the line
// above, or in the doc comment of the enclosing function:
//
//	//sflint:ignore unhandledfault -- the health probe only needs up/down
//
// Under golangci-lint, whose //nolint only knows the plugin's name, use
// //nolint:sflint, or the //sflint:ignore directive, which works under every
// driver.
//
// # Flags
//
//	-unhandledfault.codes list
//		comma-separated fault codes a switch or if chain on a login fault must
//		handle, replacing the default list of each vocabulary the list names
//		(a SOAP code such as SERVER_UNAVAILABLE replaces the SOAP list, an
//		OAuth code such as invalid_grant the OAuth one); a vocabulary it names
//		no code of keeps its default. The list also names the codes in the
//		other messages. Unknown codes are a usage error.
//	-unhandledfault.default-counts
//		a default clause (or final else) that returns, panics or exits counts
//		as handling every code (exhaustive's -default-signifies-exhaustive).
//
// The shared pass's flags apply too: -sflogin.login declares your own login
// functions, -sflogin.classifier your own fault classifiers, -sflogin.tests
// makes _test.go files count.
//
// # Limits
//
// The analysis follows the error through the function's control-flow graph
// and through local variables, without SSA. It stays silent where it cannot
// be sure: an error handed to an unknown function, logged through a logger
// it does not recognise (the standard log, log/slog, fmt, net/http, testing,
// hashicorp/go-hclog, go-kit/log, logr, zap, zerolog, logrus, klog and glog
// are recognised: their level methods and the calls that only add the error
// to a log entry, such as With, WithError, Err, zap.Error or zap.Any, are
// sinks like fmt.Println, not a hand-over), or
// wrapped by a helper other than fmt.Errorf with %w and errors.Join. An
// unprefixed INVALID_SESSION_ID, REQUEST_LIMIT_EXCEEDED or SERVER_UNAVAILABLE
// is not reported, because simpleforce holds REST error codes, which carry
// no prefix, in the same field; only the codes that only login() answers,
// and the library's own typed constants, are. A switch on a fault code (or
// an if chain testing a string for codes) is assumed to classify login
// faults when it names a login code other than INVALID_SESSION_ID. Logins
// in _test.go files are checked only with -sflogin.tests.
package unhandledfault
