package sfapi

// Fault types of the libraries.
var (
	soapFault = &Fault{Pkg: "go-soapforce", Type: "SOAPFault", Pointer: true, CodeField: "Code", Prefix: "sf:", Vocab: SOAP}
	// simpleforce has SalesforceError from 2022-04 on. The 2021 versions
	// (245ee39ac3ec, af9d9a281fea) return errors whose text ends
	// "Error Code: sf:INVALID_LOGIN" and export ParseSalesforceError; the
	// 2020 version (2062cbbdbb89) returns the sentinel ErrFailure: no code.
	sfError = &Fault{Pkg: "simpleforce", Type: "SalesforceError", Pointer: false, CodeField: "ErrorCode", Prefix: "sf:", Vocab: SOAP,
		Since: "v0.0.0-20220429021116-acf4ac67ef68 (2022-04)",
		Older: []Older{
			{Marker: "ParseSalesforceError", Text: true, Versions: "the 2021 versions"},
			{Versions: "the 2020 version"},
		}}
	forceErr = &Fault{Pkg: "go-force/force", Type: "ApiError", Pointer: true, CodeField: "ErrorName", Vocab: OAuth}
	// x/oauth2's RetrieveError has ErrorCode from v0.8.0 on; before, the
	// answer's body (with "error":"invalid_grant") is in Body and in Error().
	oauthErr = &Fault{Pkg: "golang.org/x/oauth2", Type: "RetrieveError", Pointer: true, CodeField: "ErrorCode", Vocab: OAuth,
		Since: "v0.8.0",
		Older: []Older{{Marker: "Body", Text: true, Versions: "versions before v0.8.0"}}}
)

// salesforceCreds lists the fields of go-salesforce's Creds (v1, v2, v3).
var salesforceCreds = []Arg{
	{Role: Username, Index: 0, Field: "Username"},
	{Role: Password, Index: 0, Field: "Password"},
	{Role: SecurityToken, Index: 0, Field: "SecurityToken"},
	{Role: ClientID, Index: 0, Field: "ConsumerKey"},
	{Role: ClientSecret, Index: 0, Field: "ConsumerSecret"},
	{Role: PrivateKey, Index: 0, Field: "ConsumerRSAPem"},
	{Role: SessionID, Index: 0, Field: "AccessToken"},
}

// apis is the table of client-library functions and methods. See SALESFORCE-APIS.md.
var apis = []*API{
	// github.com/tzmfreedom/go-soapforce
	{Pkg: "go-soapforce", Recv: "Client", Name: "Login", Kind: Login,
		Args:    []Arg{{Role: Username, Index: 0}, {Role: PasswordAndToken, Index: 1}},
		Session: InReceiver, Logout: "Logout", Fault: soapFault, Vocab: SOAP},
	{Pkg: "go-soapforce", Recv: "Client", Name: "LoginWithOAuth", Kind: Login,
		Args:    []Arg{{Role: Username, Index: 0}, {Role: PasswordAndToken, Index: 1}},
		Session: InReceiver, Logout: "Logout", Vocab: OAuth,
		Note: "on a failed login it returns nil and stores an empty token",
		Lost: "go-soapforce's LoginWithOAuth returns nil on a failed login (and stores an empty token)"},
	{Pkg: "go-soapforce", Recv: "Client", Name: "Refresh", Kind: Refresh,
		Args: []Arg{{Role: RefreshToken, Index: 0}}, Session: InReceiver, Logout: "Logout", Vocab: OAuth},
	{Pkg: "go-soapforce", Recv: "Client", Name: "SetAccessToken", Kind: Reuse,
		Args: []Arg{{Role: SessionID, Index: 0}}, Session: InReceiver, Logout: "Logout"},
	{Pkg: "go-soapforce", Recv: "Client", Name: "SetClientSecret", Kind: Setter,
		Args: []Arg{{Role: ClientSecret, Index: 0}}, Session: InReceiver},
	{Pkg: "go-soapforce", Recv: "Client", Name: "Logout", Kind: Logout, Session: InReceiver, Fault: soapFault, Vocab: SOAP},
	{Pkg: "go-soapforce", Recv: "Soap", Name: "Login", Kind: Login,
		Args:    []Arg{{Role: Username, Index: 0, Field: "Username"}, {Role: PasswordAndToken, Index: 0, Field: "Password"}},
		Session: 0, Fault: soapFault, Vocab: SOAP},

	// github.com/tzmfreedom/go-metaforce
	{Pkg: "go-metaforce", Recv: "Client", Name: "Login", Kind: Login,
		Args:    []Arg{{Role: Username, Index: 0}, {Role: PasswordAndToken, Index: 1}},
		Session: InReceiver, Fault: soapFault, Vocab: SOAP},

	// github.com/simpleforce/simpleforce (and forks: conductorone adds a leading ctx)
	{Pkg: "simpleforce", Recv: "Client", Name: "LoginPassword", Kind: Login,
		Args:    []Arg{{Role: Username, Index: 0}, {Role: Password, Index: 1}, {Role: SecurityToken, Index: 2}},
		Session: InReceiver, Fault: sfError, Vocab: SOAP},
	{Pkg: "simpleforce", Recv: "Client", Name: "SetSidLoc", Kind: Reuse,
		Args: []Arg{{Role: SessionID, Index: 0}}, Session: InReceiver},

	// github.com/nimajalali/go-force/force
	{Pkg: "go-force/force", Name: "Create", Kind: Login,
		Args: []Arg{{Role: ClientID, Index: 1}, {Role: ClientSecret, Index: 2}, {Role: Username, Index: 3},
			{Role: Password, Index: 4}, {Role: SecurityToken, Index: 5}},
		Session: 0, Fault: forceErr, Vocab: OAuth,
		Note: "on INVALID_SESSION_ID the library logs in again by itself, without limit"},
	{Pkg: "go-force/force", Name: "CreateWithAccessToken", Kind: Reuse,
		Args: []Arg{{Role: ClientID, Index: 1}, {Role: SessionID, Index: 2}}, Session: 0, Fault: forceErr, Vocab: OAuth},
	{Pkg: "go-force/force", Name: "CreateWithRefreshToken", Kind: Refresh,
		Args: []Arg{{Role: ClientID, Index: 1}, {Role: SessionID, Index: 2}}, Session: 0, Fault: forceErr, Vocab: OAuth},
	{Pkg: "go-force/force", Recv: "ForceApi", Name: "RefreshToken", Kind: Refresh, Session: InReceiver, Fault: forceErr, Vocab: OAuth},

	// github.com/k-capehart/go-salesforce (v1, /v2, /v3)
	{Pkg: "go-salesforce", Name: "Init", Kind: Login, Args: salesforceCreds, Session: 0, Vocab: OAuth,
		ReuseField: "AccessToken",
		Lost:       `go-salesforce's Init returns errors.New(status + ": failed authentication")`,
		Note:       "the error is errors.New(status + \": failed authentication\"): no fault code can be recovered; an empty SecurityToken silently switches to the client-credentials flow"},

	// github.com/g8rswimmer/go-sfdc and github.com/elastic/go-sfdc
	{Pkg: "go-sfdc/session", Name: "Open", Kind: Login, Session: 0, Vocab: OAuth,
		Lost: `go-sfdc's session.Open returns fmt.Errorf("session response error: ...") with the HTTP status only`,
		Note: "the error is fmt.Errorf(\"session response error: ...\"): no fault code can be recovered"},

	// github.com/ForceCLI/force/lib. Errors are strings. The SOAP flow keeps
	// the code in the text ("Login failed: INVALID_LOGIN: ..."); the OAuth
	// flows end with errors.New(oauthError.ErrorDescription): only the
	// description ("authentication failure") survives, never invalid_grant.
	{Pkg: "force/lib", Name: "ForceSoapLoginAtEndpoint", Kind: Login,
		Args: []Arg{{Role: Username, Index: 1}, {Role: PasswordAndToken, Index: 2}}, Session: 0, Vocab: SOAP, FaultText: true,
		Note: "errors are plain strings: the code can only be read from err.Error()"},
	{Pkg: "force/lib", Name: "PasswordFlowLoginAtEndpoint", Kind: Login,
		Args:    []Arg{{Role: ClientID, Index: 1}, {Role: ClientSecret, Index: 2}, {Role: Username, Index: 3}, {Role: PasswordAndToken, Index: 4}},
		Session: 0, Vocab: OAuth, Note: forceCLIOAuth, Lost: forceCLILost},
	{Pkg: "force/lib", Name: "ClientCredentialsLoginAtEndpoint", Kind: Login,
		Args:    []Arg{{Role: ClientID, Index: 1}, {Role: ClientSecret, Index: 2}},
		Session: 0, Vocab: OAuth, Note: forceCLIOAuth, Lost: forceCLILost},
	{Pkg: "force/lib", Name: "JWTLoginAtEndpoint", Kind: Login, Session: 0, Vocab: OAuth, Note: forceCLIOAuth, Lost: forceCLILost},

	// golang.org/x/oauth2, when the Config points at Salesforce's token endpoint
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "PasswordCredentialsToken", Kind: Login,
		Args:    []Arg{{Role: Username, Index: 0}, {Role: PasswordAndToken, Index: 1}},
		Session: 0, Fault: oauthErr, Vocab: OAuth, When: SalesforceTokenURL},
}

// forceCLIOAuth is the note of ForceCLI's OAuth flows, forceCLILost what their error is.
const (
	forceCLIOAuth = "the error is errors.New(error_description): the OAuth error code (invalid_grant...) is not kept, not even in the text"
	forceCLILost  = `ForceCLI's OAuth flows return errors.New(error_description) ("authentication failure"), never the OAuth error code (invalid_grant)`
)

// credStructs are struct types whose fields carry credentials wherever the struct is built.
var credStructs = []*CredStruct{
	{Pkg: "go-salesforce", Type: "Creds", Fields: map[string]Role{
		"Username": Username, "Password": Password, "SecurityToken": SecurityToken, "ConsumerKey": ClientID,
		"ConsumerSecret": ClientSecret, "ConsumerRSAPem": PrivateKey, "AccessToken": SessionID}},
	{Pkg: "go-sfdc/credentials", Type: "PasswordCredentials", Fields: map[string]Role{
		"Username": Username, "Password": PasswordAndToken, "ClientID": ClientID, "ClientSecret": ClientSecret}},
	{Pkg: "go-soapforce", Type: "Login", Fields: map[string]Role{"Username": Username, "Password": PasswordAndToken}},
	{Pkg: "go-soapforce", Type: "Client", Fields: map[string]Role{"SessionId": SessionID, "ClientSecret": ClientSecret, "ClientID": ClientID}},
}

// endpoints are the raw HTTP forms of login and logout.
var endpoints = []*Endpoint{
	{Name: "OAuth token endpoint (/services/oauth2/token)", Kind: Login, URL: "/services/oauth2/token",
		Form: map[string]Role{"username": Username, "password": PasswordAndToken, "client_id": ClientID,
			"client_secret": ClientSecret, "refresh_token": RefreshToken, "assertion": PrivateKey},
		Vocab: OAuth},
	{Name: "OAuth revoke endpoint (/services/oauth2/revoke)", Kind: Logout, URL: "/services/oauth2/revoke",
		Form: map[string]Role{"token": SessionID}, Vocab: OAuth},
	{Name: "SOAP login() (/services/Soap)", Kind: Login, URL: "/services/Soap/",
		Body: []string{"<login", ":login>", ":login "}, Vocab: SOAP},
	{Name: "SOAP logout() (/services/Soap)", Kind: Logout, URL: "/services/Soap/",
		Body: []string{"<logout", ":logout>", ":logout ", ":logout/"}, Vocab: SOAP}, // <urn:logout/>: logout() takes no arguments
}
