// Package hardcodedtoken defines an Analyzer that reports Salesforce
// credentials written into the source.
//
// # Analyzer hardcodedtoken
//
// hardcodedtoken: report Salesforce passwords, security tokens, client secrets and session ids written into the source
//
// A Salesforce API login takes the user's password with the security token
// appended. The SOAP API reference for login() puts it this way: "if a user's
// password is mypassword, and their security token is XXXXXXXXXX, then the
// user must enter mypasswordXXXXXXXXXX to log in". The token lets the
// password log in from any IP address, and "is valid until a user resets
// their security token, changes their password, or has their password
// reset". Teams paste both into code, or append a token literal to a
// password read from the environment. The token then stays in git history
// and keeps working until someone changes the password.
//
// Generic secret scanners guess. Some go by variable names; false positives
// are the top complaint about gosec's G101. Others match regular
// expressions, and gitleaks has no rule for Salesforce. This analyzer knows
// which argument of which login API is the password, the security token,
// the client secret or the session id. It reports a constant only when it
// reaches one of them.
//
// The value is never printed. A diagnostic names the credential, the API
// and the constant's length, and nothing more:
//
//	security token for simpleforce.(*Client).LoginPassword is a 25-char string literal. Read it
//	from SF_SECURITY_TOKEN or a secret store, and reset the security token.
//
// Why each credential matters is said here, not in every message: a
// security token lets the password log in from any IP address and stays
// valid until it is reset or the password changes; a password lets anyone
// who can read the repository or its history log in as the user; a client
// secret lets them request tokens as the connected app; a session id is a
// bearer credential, valid until the session expires or is revoked; a
// refresh token mints new sessions until it is revoked; a private key signs
// JWT logins as any user pre-authorised for the connected app.
//
// # What is reported
//
// A string constant that becomes a secret credential of a known Salesforce
// API. The constant can be a literal, a named constant, or a package-level
// variable that is initialised with a literal and never assigned. The
// credentials are passwords (with or without the token appended), security
// tokens, client (consumer) secrets, session ids and access tokens, refresh
// tokens and JWT private keys. The APIs:
//
//	simpleforce (and forks)   (*Client).LoginPassword(username, password, token), (*Client).SetSidLoc(sid, loc)
//	go-soapforce              (*Client).Login(u, p) and LoginWithOAuth: p is password+token;
//	                          SetAccessToken, SetClientSecret, Refresh;
//	                          soapforce.Login{Password}, soapforce.Client{SessionId, ClientSecret}
//	go-metaforce              (*Client).Login(username, password+token)
//	go-force                  force.Create(..., clientSecret, userName, password, securityToken, ...),
//	                          CreateWithAccessToken, CreateWithRefreshToken (access token)
//	go-salesforce v1-v3       salesforce.Creds{Password, SecurityToken, ConsumerSecret, ConsumerRSAPem, AccessToken}
//	go-sfdc (and elastic)     credentials.PasswordCredentials{Password (password+token), ClientSecret}
//	ForceCLI lib              ForceSoapLoginAtEndpoint, PasswordFlowLoginAtEndpoint, ClientCredentialsLoginAtEndpoint
//	golang.org/x/oauth2       (*Config).PasswordCredentialsToken(ctx, username, password+token), and the
//	                          ClientSecret of an oauth2.Config whose Endpoint.TokenURL is Salesforce's: a
//	                          constant naming it, a setting named for Salesforce (cfg.SalesforceTokenURL,
//	                          os.Getenv("SF_TOKEN_URL")), or a token whose instance_url is read or that
//	                          goes into a Salesforce client
//	net/http                  the password and client_secret fields of a form POSTed to
//	                          /services/oauth2/token (url.Values literals and form.Set, and a body
//	                          written with fmt.Sprintf("...&client_secret=%s", ...) or "...&password=" + ...)
//	go-force forks            a renamed login (melan/go-force's CreateOAuth), by its parameters' names
//	your wrappers             a function of yours (in any package) that logs in with its parameters, or
//	                          with fields of a struct parameter (LoginByOAuth(Credentials{ClientSecret: ...})),
//	                          and hands back the session, the client or the error, as the shared pass finds them
//	your declarations         functions declared with -sflogin.login, by their parameters' names
//
// The constant is found where it enters the login:
//
//	c.LoginPassword(user, pass, "Hf3Lm...")          // a literal argument
//	c.LoginPassword(user, pass, qaToken)             // a named constant (in any package)
//	c.LoginPassword(user, pass, legacyToken)         // var legacyToken = "..." never assigned
//	tok := "Hf3Lm..."; c.LoginPassword(user, pass, tok)
//	c.LoginPassword(cfg.User, cfg.Password, cfg.Token) // cfg := config{Token: "..."} in this package
//
// A credential built by concatenation is reported for each constant part
// that looks like a credential. This is the common case: a token appended
// to a password that is read at run time. The shapes are pass + "token",
// "password" + tok, fmt.Sprintf("%s%s", pass, "token"), the literal text of
// a Sprintf format ("%stoken"), strings.Join([]string{pass, "token"}, ""),
// and a variable built with += or v = v + ... in the same function. The
// message says where the part sits. "has a 25-char string literal
// appended" means the security token is in the source. "starts with a
// 12-char string literal" means the password is.
//
// Credential structs (salesforce.Creds, credentials.PasswordCredentials,
// soapforce.Login, soapforce.Client) are checked wherever they are built:
// in composite literals and in assignments to their fields. The struct is
// often built in one function and passed to Init or NewPasswordCredentials
// in another, so no call needs to be in sight.
//
// A Salesforce session id or access token is recognised by its shape: the
// org id (00D and 12 to 15 letters or digits), "!", then the session key.
// Such a constant is reported whenever it is passed to a session-setting
// API (SetSidLoc, SetAccessToken, CreateWithAccessToken, Creds.AccessToken,
// soapforce.Client.SessionId), whatever the argument. The message calls it
// a session id literal.
//
// _test.go files are checked too, because a real token in a test is leaked
// all the same. Use -hardcodedtoken.tests=false to leave them out.
//
// # What is not reported
//
//   - Values read at run time: os.Getenv, flags, files, function
//     parameters, fields of structs that come from elsewhere, results of
//     calls.
//   - The empty string. An empty security token means the org trusts the
//     caller's IP range.
//   - Obvious placeholders. These are text with spaces (the simpleforce
//     README's "Security token, could be omitted if Trusted IP is
//     configured." gets pasted into real code), <...>, ${...} and {{...}}
//     templates, strings of one repeated character (XXXXXXXXXX, ********),
//     names of settings such as YOUR_SECURITY_TOKEN or SF_PASSWORD and
//     references such as $SF_PASSWORD or %SF_PASSWORD%, dummy values
//     spelled only with words such as test, my, dummy, password, secret and
//     token (testpassword1, mySecret123, dummy-security-token), and anything
//     shorter than -hardcodedtoken.min-length characters (default 8). A
//     session id or a PEM private key is never taken for a placeholder.
//   - Usernames and client ids (consumer keys), which are not secrets.
//   - Literals passed to types that merely share a method name
//     (ldap.(*Client).Login, a fake client type of your own), and oauth2.Config
//     values that do not point at Salesforce.
//   - A package-level variable that is assigned anywhere, has its address
//     taken or is exported from a package other than main. Its literal is
//     only a default that may be replaced at run time.
//
// A local variable's literal is reported even when the variable is
// overwritten later, as in pw := os.Getenv("SF_PASSWORD"); if pw == "" {
// pw = "..." }. A fallback credential is a credential in the source.
//
// # Fix
//
// Move the credential out of the source: read it from the environment or
// a secret store. Then rotate it. Removing the line does not remove it from
// git history. Reset the security token, change the password (which also
// resets the token), rotate the connected app's consumer secret, or revoke
// the session.
//
// Each diagnostic carries a suggested fix (sflint -fix, go vet -fix, go fix
// -fixtool) that replaces the literal with an environment variable and
// adds the os import when the file lacks it. The variables are:
//
//	SF_PASSWORD                              a password
//	SF_SECURITY_TOKEN                        a security token, or the part appended to a password
//	os.Getenv("SF_PASSWORD") + os.Getenv("SF_SECURITY_TOKEN")
//	                                         a whole password+token literal
//	SF_CLIENT_SECRET, SF_SESSION_ID, SF_REFRESH_TOKEN, SF_PRIVATE_KEY
//
// For example:
//
//	_, err := client.Login(user, os.Getenv("SF_PASSWORD")+"Hf3Lm...")
//
// becomes
//
//	_, err := client.Login(user, os.Getenv("SF_PASSWORD")+os.Getenv("SF_SECURITY_TOKEN"))
//
// A literal reached through a variable is replaced where it is written,
// for instance in var legacyToken = "...". No fix is offered for a named
// constant (a constant cannot hold a call; replace its uses and delete it),
// for text inside a format string, for a value of a named string type, or
// where the name os is taken by something else.
//
// # Flags
//
//	-hardcodedtoken.tests=false     leave _test.go files out (default: checked)
//	-hardcodedtoken.min-length=N    constants shorter than N characters are placeholders (default 8)
//
// Under golangci-lint the settings are hardcodedtoken: {min-length: 12,
// tests: false}. This analyzer looks at _test.go files whatever
// -sflogin.tests says. golangci-lint only loads them with run.tests: true,
// which is its default.
//
// # Suppressing a finding
//
// A literal that really is not a credential, such as a documented test
// fixture of a scratch org deleted nightly, can be silenced under every
// driver. Put the directive on the finding's line or on the line above, or
// in the function's doc comment to cover the whole function:
//
//	//sflint:ignore hardcodedtoken -- scratch-org user, deleted nightly by CI
//	err := client.LoginPassword("ci@scratch.example", "Scratch2024x", "Hf3Lm...")
//
// Under golangci-lint, //nolint:sflint also works, but it silences every
// sflint analyzer on the line: golangci-lint knows only the plugin's name.
// Silencing a finding does not make a real secret safe. Rotate it anyway.
//
// # Mind the source lines
//
// hardcodedtoken never prints the value: not in the message, the -json and
// SARIF output, the related information, or the fix's description and
// replacement text. A test runs every output format of the driver on a
// package holding known secrets and fails if six consecutive characters of
// one appear. Some output, though, prints the source line itself, and with
// it the secret:
//
//   - sflint -c=N shows N lines of source context around each finding;
//   - sflint -diff prints the lines a fix removes;
//   - golangci-lint prints the offending source line in its default text
//     output (turn it off with output.formats.text.print-issued-lines:
//     false). It also carries source lines in its JSON (the SourceLines of
//     each issue), HTML and junit-xml outputs.
//
// Keep those out of CI logs and uploaded artifacts for a repository that
// may hold credentials. Run this analyzer with plain text, -json or
// -format=sarif there.
//
// # Limits
//
// Precision comes first, so some shapes are not followed:
//
//   - Values assembled through maps, slices, method results, strings.Builder,
//     encodings (base64), go:embed files, or SOAP envelopes posted with
//     net/http.
//   - A form body written as one literal ("grant_type=password&client_secret=...").
//   - A struct field a wrapper reads through a method or a map (c.Secret(),
//     c.Values["secret"]); fields it reads directly, at any depth
//     (cfg.Creds.ClientSecret), are followed.
//   - Login functions that hand nothing back to their caller. They carry
//     no wrapper fact, so the literals their callers pass are not seen.
//     Declare them with -sflogin.login.
//   - x/oauth2's clientcredentials.Config.
package hardcodedtoken
