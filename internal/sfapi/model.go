// Package sfapi is sflint's one model of the Go Salesforce client libraries.
//
// Every analyzer asks the same questions of a call: is it a Salesforce
// login? Which argument is the password, which the security token? Does the
// session it creates have a logout? Which error type carries the fault code,
// in which field, with which prefix? The answers live here, as rows of a
// table ([Default]), and nowhere else: adding a library is adding rows.
//
// Rows match an API by package-path suffix + receiver type + name, so forks
// (github.com/conductorone/simpleforce) and major-version paths
// (go-salesforce/v3) match the row written for the original. A leading
// context.Context parameter, added by several forks, is skipped when
// argument positions are counted.
package sfapi

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/mod/module"
)

// Role is what an argument, struct field or form field of a Salesforce API carries.
type Role uint8

// The roles an argument can play.
const (
	RoleNone         Role = iota
	Username              // the login user name
	Password              // the password alone; the library appends the token itself
	PasswordAndToken      // the password with the security token already appended by the caller
	SecurityToken         // the user's security token
	ClientID              // the connected app's consumer key
	ClientSecret          // the connected app's consumer secret
	SessionID             // a session id or OAuth access token
	RefreshToken          // an OAuth refresh token
	PrivateKey            // a PEM private key for the JWT flow
)

var roleNames = [...]string{
	RoleNone:         "none",
	Username:         "username",
	Password:         "password",
	PasswordAndToken: "password+security token",
	SecurityToken:    "security token",
	ClientID:         "client id",
	ClientSecret:     "client secret",
	SessionID:        "session id",
	RefreshToken:     "refresh token",
	PrivateKey:       "private key",
}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "Role(" + strconv.Itoa(int(r)) + ")"
}

// Secret reports whether a value in this role must never be written into source code.
func (r Role) Secret() bool {
	switch r {
	case Password, PasswordAndToken, SecurityToken, ClientSecret, SessionID, RefreshToken, PrivateKey:
		return true
	}
	return false
}

// Kind is what a call does to a Salesforce session.
type Kind uint8

// The kinds of API.
const (
	KindNone Kind = iota
	Login         // authenticates with credentials and creates a new session
	Logout        // ends a session on the server
	Reuse         // installs an existing session id or access token: no login
	Refresh       // exchanges a refresh token for a new access token: no password
	Setter        // stores a credential on a client without logging in
)

var kindNames = [...]string{KindNone: "none", Login: "login", Logout: "logout", Reuse: "reuse", Refresh: "refresh", Setter: "setter"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Vocabulary is the set of fault codes an API can answer a failed login with.
type Vocabulary uint8

// The fault vocabularies.
const (
	// NoCode: the library throws the fault code away; nothing can be inspected.
	NoCode Vocabulary = iota
	// SOAP: ExceptionCode values of the SOAP login() call (INVALID_LOGIN, ...).
	SOAP
	// OAuth: error values of the OAuth token endpoint (invalid_grant, ...).
	OAuth
)

func (v Vocabulary) String() string {
	switch v {
	case SOAP:
		return "SOAP"
	case OAuth:
		return "OAuth"
	}
	return "none"
}

// Fault describes the error type a library returns for a failed login.
type Fault struct {
	Pkg       string     // package-path suffix of the type
	Type      string     // type name
	Pointer   bool       // the error value is *Type (otherwise Type itself)
	CodeField string     // field holding the fault code; "" when only Error() carries it
	Prefix    string     // prefix the library keeps on the code ("sf:" for SOAP faultcodes)
	Vocab     Vocabulary // which codes the field holds
	// Since names the first version of the library whose fault type has its
	// code field, for the advice to upgrade ("" when every version has it).
	Since string
	// Older describes the versions before Since, newest first: what their
	// errors keep of the code (see [Model.LoadedFault]).
	Older []Older
}

// Older describes versions of a library that lack its fault type, or the
// type's code field.
type Older struct {
	// Marker is a package-level name (or, with the type present, a field of
	// the fault type) that only these versions declare; "" matches any
	// version the entries before it did not.
	Marker string
	// Text: their errors keep the code in err.Error().
	Text bool
	// Versions names them, for messages ("the 2021 versions").
	Versions string
}

// Name is the Go spelling of the error type, e.g. "*soapforce.SOAPFault".
func (f *Fault) Name() string {
	s := lastElem(f.Pkg) + "." + f.Type
	if f.Pointer {
		s = "*" + s
	}
	return s
}

// Arg says which argument (or field of a struct argument) of an API carries a role.
type Arg struct {
	Role  Role
	Index int    // parameter index, not counting a leading context.Context
	Field string // set when the argument is a struct: the field carrying Role
}

// Condition is an extra test a call must pass to match a row.
type Condition uint8

// The conditions.
const (
	Always Condition = iota
	// SalesforceTokenURL: the receiver is an oauth2.Config whose Endpoint.TokenURL is
	// a constant naming the Salesforce token endpoint or a salesforce.com host.
	SalesforceTokenURL
)

// Session results: where a login leaves the session.
const (
	// InReceiver: the client the method was called on holds the session.
	InReceiver = -1
	// NoResult: no error (or no session) result.
	NoResult = -2
)

// API is one row of the table: a function or method of a client library.
type API struct {
	Pkg  string // package-path suffix ("go-soapforce", "go-force/force")
	Recv string // receiver type name, "" for a package-level function
	Name string // function or method name
	Kind Kind
	Args []Arg // credential-carrying arguments

	// Session is the index of the result holding the new session, or InReceiver.
	Session int
	// Logout names the method on the session holder that ends the session ("" when
	// the library has none).
	Logout string
	// Fault is the error type of a failed call (nil when the library drops the code).
	Fault *Fault
	// Vocab is the vocabulary of the endpoint behind the call, even where Fault is nil.
	Vocab Vocabulary
	// FaultText: no typed fault, but the error's text keeps the code
	// (ForceCLI's SOAP login: "Login failed: INVALID_LOGIN: ...").
	FaultText bool
	// Lost says, for a login that keeps no fault code (no Fault, no
	// FaultText), what its error is instead, for messages.
	Lost string
	// ReuseField: when the credential struct argument sets this field, the call
	// reuses a session instead of logging in (go-salesforce Creds.AccessToken).
	ReuseField string
	// When is an extra condition the call must satisfy.
	When Condition
	// Note is a library quirk worth telling the user about.
	Note string
	// Declared marks rows that come from user flags, or that the table
	// inferred (Inferred): Pkg is then an exact path.
	Declared bool
	// Inferred marks rows inferred for a fork that renamed the library's
	// login (see [Model.Lookup]).
	Inferred bool
}

// String is the API's name as diagnostics print it: "soapforce.(*Client).Login".
func (a *API) String() string {
	pkg := lastElem(StripMajor(a.Pkg))
	if a.Recv == "" {
		return pkg + "." + a.Name
	}
	return pkg + ".(*" + a.Recv + ")." + a.Name
}

// Arg returns the argument for role r, if the API has one.
func (a *API) Arg(r Role) (Arg, bool) {
	for _, x := range a.Args {
		if x.Role == r {
			return x, true
		}
	}
	return Arg{}, false
}

// CredStruct is a struct type whose fields carry credentials wherever it is built.
type CredStruct struct {
	Pkg    string
	Type   string
	Fields map[string]Role
}

// String is the struct's Go spelling, e.g. "salesforce.Creds".
func (c *CredStruct) String() string { return lastElem(StripMajor(c.Pkg)) + "." + c.Type }

// Endpoint describes a raw HTTP call to a Salesforce authentication endpoint.
type Endpoint struct {
	Name string // "OAuth token endpoint"
	Kind Kind
	// URL is a fragment the request URL's constant parts must contain.
	URL string
	// Body lists fragments of which one must occur in the constant parts of the
	// body or form ("" entries match any body).
	Body []string
	// Form maps form fields to the roles they carry.
	Form  map[string]Role
	Vocab Vocabulary
}

// MatchPath reports whether the import path matches the package-path suffix:
// the path equals the suffix or ends in "/"+suffix, once a trailing major
// version element ("/v2", "/v3", ...) is removed. Forks and /vN paths match.
func MatchPath(path, suffix string) bool {
	path = StripMajor(path)
	suffix = StripMajor(suffix)
	return path == suffix ||
		len(path) > len(suffix) && strings.HasSuffix(path, suffix) && path[len(path)-len(suffix)-1] == '/'
}

// stripMajor removes a trailing "/vN" (N >= 2) element.
func StripMajor(path string) string {
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return path
	}
	v := path[i+1:]
	if len(v) >= 2 && v[0] == 'v' {
		if n, err := strconv.Atoi(v[1:]); err == nil && n >= 2 && v[1] != '0' {
			return path[:i]
		}
	}
	return path
}

func lastElem(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	}
	return strings.TrimPrefix(path, "go-")
}

// FuncKey identifies a function or method by package path, receiver type name
// (without pointer) and name.
func FuncKey(fn *types.Func) (pkg, recv, name string) {
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	name = fn.Name()
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return pkg, "", name
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		recv = t.Obj().Name()
	case *types.Interface:
		recv = "" // an interface method: resolved by the caller against implementations
	}
	return pkg, recv, name
}

// HasLeadingContext reports whether the function's first parameter is a context.Context.
func HasLeadingContext(sig *types.Signature) bool {
	if sig.Params().Len() == 0 {
		return false
	}
	n, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// Ref is a user's reference to a function or method: an import path, an
// optional receiver type and a name.
type Ref struct {
	Pkg, Recv, Name string
}

func (r Ref) String() string {
	if r.Recv == "" {
		return r.Pkg + "." + r.Name
	}
	return r.Pkg + ".(*" + r.Recv + ")." + r.Name
}

// ParseRef parses "import/path.Func", "import/path.Type.Method" or
// "import/path.(*Type).Method". Anything else is an error: an import path
// the go command would reject (empty, relative or absolute, with empty
// elements, spaces or characters like "(" and "*"), a name that is not a Go
// identifier (a keyword, "_", digits first), parentheses other than the one
// (*Type) form, or more than two names after the path.
func ParseRef(s string) (Ref, error) {
	orig := s
	s = strings.TrimSpace(s)
	if s == "" {
		return Ref{}, fmt.Errorf("empty reference: want import/path.Func or import/path.Type.Method")
	}
	if strings.ContainsAny(s, " \t\r\n") {
		return Ref{}, fmt.Errorf("%q: an import path or name cannot contain spaces", orig)
	}
	slash := strings.LastIndexByte(s, '/')
	if open := strings.IndexByte(s, '('); open >= 0 && open < slash {
		slash = strings.LastIndexByte(s[:open], '/') // "(*" cannot be in the path: "p.(*T/x).M" is malformed below
	}
	rest := s[slash+1:]
	dot := strings.IndexByte(rest, '.')
	if dot <= 0 {
		return Ref{}, fmt.Errorf("%q: want import/path.Func or import/path.Type.Method", orig)
	}
	pkg := s[:slash+1+dot]
	if err := module.CheckImportPath(pkg); err != nil {
		return Ref{}, fmt.Errorf("%q: bad import path: %v", orig, unquoted(err, pkg))
	}
	sel := rest[dot+1:]
	var parts []string
	if r, ok := strings.CutPrefix(sel, "(*"); ok {
		recv, name, ok := strings.Cut(r, ").")
		if !ok {
			return Ref{}, fmt.Errorf("%q: want import/path.(*Type).Method", orig)
		}
		parts = []string{recv, name}
	} else {
		parts = strings.Split(sel, ".")
	}
	for _, p := range parts {
		if !isIdent(p) {
			return Ref{}, fmt.Errorf("%q: %q is not a Go identifier", orig, p)
		}
	}
	switch len(parts) {
	case 1:
		return Ref{Pkg: pkg, Name: parts[0]}, nil
	case 2:
		return Ref{Pkg: pkg, Recv: parts[0], Name: parts[1]}, nil
	}
	return Ref{}, fmt.Errorf("%q: want import/path.Func or import/path.Type.Method", orig)
}

// unquoted drops the quoted path CheckImportPath puts in front of its
// message: the caller names the whole reference already.
func unquoted(err error, path string) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "malformed import path "+strconv.Quote(path)+": "); ok {
		return rest
	}
	return msg
}

// isIdent reports whether s is a Go identifier that can name a function,
// type or method: not a keyword, not the blank identifier.
func isIdent(s string) bool {
	return s != "_" && token.IsIdentifier(s)
}
