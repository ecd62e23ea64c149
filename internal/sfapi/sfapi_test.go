package sfapi

import (
	"go/types"
	"strings"
	"testing"
)

func TestMatchPath(t *testing.T) {
	for _, c := range []struct {
		path, suffix string
		want         bool
	}{
		{"github.com/tzmfreedom/go-soapforce", "go-soapforce", true},
		{"github.com/fork/go-soapforce", "go-soapforce", true},
		{"github.com/k-capehart/go-salesforce/v3", "go-salesforce", true},
		{"github.com/k-capehart/go-salesforce/v2", "go-salesforce", true},
		{"github.com/k-capehart/go-salesforce", "go-salesforce", true},
		{"github.com/conductorone/simpleforce", "simpleforce", true},
		{"github.com/nimajalali/go-force/force", "go-force/force", true},
		{"github.com/elastic/go-sfdc/session", "go-sfdc/session", true},
		{"golang.org/x/oauth2", "golang.org/x/oauth2", true},
		{"vendor/golang.org/x/oauth2", "golang.org/x/oauth2", true},
		{"github.com/acme/notsimpleforce", "simpleforce", false},
		{"github.com/acme/simpleforce/internal", "simpleforce", false},
		{"example.com/ldap", "go-soapforce", false},
		{"github.com/x/go-salesforce/v0", "go-salesforce", false},
		{"github.com/x/go-salesforce/v1x", "go-salesforce", false},
	} {
		if got := MatchPath(c.path, c.suffix); got != c.want {
			t.Errorf("MatchPath(%q, %q) = %v, want %v", c.path, c.suffix, got, c.want)
		}
	}
}

func TestParseRef(t *testing.T) {
	for in, want := range map[string]Ref{
		"example.com/sf.Connect":             {Pkg: "example.com/sf", Name: "Connect"},
		"example.com/a/sf.DAO.Open":          {Pkg: "example.com/a/sf", Recv: "DAO", Name: "Open"},
		"example.com/a/sf.(*DAO).Open":       {Pkg: "example.com/a/sf", Recv: "DAO", Name: "Open"},
		"github.com/x/go-sf.v2/auth.Login":   {Pkg: "github.com/x/go-sf.v2/auth", Name: "Login"},
		" example.com/sf.Connect ":           {Pkg: "example.com/sf", Name: "Connect"},
		"internal.Check":                     {Pkg: "internal", Name: "Check"},
		"example.com/sf.Client.Login_Legacy": {Pkg: "example.com/sf", Recv: "Client", Name: "Login_Legacy"},
	} {
		got, err := ParseRef(in)
		if err != nil || got != want {
			t.Errorf("ParseRef(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{
		"", "   ",
		// no name, or too many
		"nodot", "example.com/sf", "example.com/sf.", "example.com/sf..Connect", "example.com/sf.a.b.c",
		"example.com/sf.(*DAO).Open.Close",
		// names that are not identifiers
		"example.com/sf.1x", "example.com/sf.a-b", "example.com/sf.Connect Now", "example.com/sf.func",
		"example.com/sf.DAO.type", "example.com/sf._", "example.com/sf.Connect·", "example.com/sf.Connect()",
		"example.com/sf.Connect\x00",
		// parentheses other than (*Type)
		"example.com/sf.(DAO).Open", "example.com/sf.(*DAO.Open", "example.com/sf.DAO).Open",
		"example.com/sf.(*(*DAO)).Open", "example.com/sf.(**DAO).Open", "example.com/sf.(*DAO)Open",
		"example.com/sf.(*DAO)", "example.com/sf.(*DAO).", "(*example.com/sf.DAO).Open", "example.com/sf.(*DAO/x).Open",
		"example.com/sf.*DAO.Open",
		// import paths the go command rejects
		"example.com/my pkg.Connect", "/abs/sf.Connect", "./sf.Connect", "../sf.Connect", "example.com//sf.Connect",
		"example.com/./sf.Connect", "example.com/sf/.Connect", "example.com/s:f.Connect", "example.com/s\\f.Connect",
		"example.com/s\"f.Connect", ".Connect", "-sf.Connect",
	} {
		if r, err := ParseRef(bad); err == nil {
			t.Errorf("ParseRef(%q) = %+v, want an error", bad, r)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("ParseRef(%q): error on more than one line: %v", bad, err)
		}
	}
}

// method builds a *types.Func for (*T).name in a package with the given path.
func method(path, recv, name string, ptr bool) *types.Func {
	pkg := types.NewPackage(path, path[strings.LastIndexByte(path, '/')+1:])
	tn := types.NewTypeName(0, pkg, recv, nil)
	named := types.NewNamed(tn, types.NewStruct(nil, nil), nil)
	var rt types.Type = named
	if ptr {
		rt = types.NewPointer(named)
	}
	sig := types.NewSignatureType(types.NewVar(0, pkg, "c", rt), nil, nil, nil, nil, false)
	return types.NewFunc(0, pkg, name, sig)
}

func TestLookup(t *testing.T) {
	m := Default()
	if a := m.Lookup(method("github.com/tzmfreedom/go-soapforce", "Client", "Login", true)); a == nil || a.Kind != Login || a.Logout != "Logout" || a.Fault == nil || a.Fault.Prefix != "sf:" {
		t.Errorf("soapforce Login: %+v", a)
	}
	if a := m.Lookup(method("github.com/myfork/go-soapforce", "Client", "Logout", true)); a == nil || a.Kind != Logout {
		t.Errorf("forked soapforce Logout: %+v", a)
	}
	if a := m.Lookup(method("example.com/ldap", "Client", "Login", true)); a != nil {
		t.Errorf("ldap Login matched %v", a)
	}
	if a := m.Lookup(method("github.com/simpleforce/simpleforce", "Other", "LoginPassword", true)); a != nil {
		t.Errorf("method of another type matched %v", a)
	}
	d, err := New(Decls{Logins: []string{"example.com/sf.(*Vault).Open"}, Logouts: []string{"example.com/sf.(*Vault).Close"}})
	if err != nil {
		t.Fatal(err)
	}
	if a := d.Lookup(method("example.com/sf", "Vault", "Open", true)); a == nil || !a.Declared || a.Kind != Login {
		t.Errorf("declared login: %+v", a)
	}
	if a := d.Lookup(method("other.com/sf", "Vault", "Open", true)); a != nil {
		t.Errorf("declared login matched another path by suffix: %+v", a)
	}
	if !d.Relevant("example.com/sf") || !d.Relevant("github.com/k-capehart/go-salesforce/v3") || d.Relevant("net/http") {
		t.Error("Relevant is wrong")
	}
}

func TestEveryLoginRowIsComplete(t *testing.T) {
	for _, a := range apis {
		if a.Kind == Login && a.Vocab == NoCode {
			t.Errorf("%s: a login without a fault vocabulary", a)
		}
		if a.Fault != nil && a.Fault.CodeField == "" {
			t.Errorf("%s: fault type without a code field", a)
		}
		if a.Kind == Login && a.Session == NoResult {
			t.Errorf("%s: a login that keeps no session", a)
		}
		for _, x := range a.Args {
			if x.Role == RoleNone {
				t.Errorf("%s: argument %d without a role", a, x.Index)
			}
		}
	}
	if !strings.Contains(Default().Describe(), "soapforce.(*Client).Login") {
		t.Error("Describe lacks a row")
	}
}

func TestCodes(t *testing.T) {
	if v, bare := CodeVocabulary("sf:INVALID_LOGIN"); v != SOAP || bare != "INVALID_LOGIN" {
		t.Errorf("sf:INVALID_LOGIN: %v %q", v, bare)
	}
	if v, _ := CodeVocabulary("invalid_grant"); v != OAuth {
		t.Errorf("invalid_grant: %v", v)
	}
	if v, _ := CodeVocabulary("INVALID_GRANT_X"); v != NoCode {
		t.Errorf("unknown code: %v", v)
	}
	if !ContainsCode("Login failed: INVALID_LOGIN: Invalid username") || ContainsCode("MY_INVALID_LOGIN_COUNT") {
		t.Error("ContainsCode matches parts of identifiers or misses a code")
	}
	for _, v := range []Vocabulary{SOAP, OAuth} {
		for _, c := range NonRetryable(v) {
			if got, _ := CodeVocabulary(c); got != v {
				t.Errorf("non-retryable %s is not in vocabulary %v", c, v)
			}
		}
	}
}

// TestIsLibrary: a package is a client library itself when it matches a
// row's path and declares one of its rows' functions; a fork that renamed
// them, or a user's package, is not.
func TestIsLibrary(t *testing.T) {
	m := Default()
	pkg := func(path string, funcs ...string) *types.Package {
		p := types.NewPackage(path, "salesforce")
		sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
		for _, f := range funcs {
			p.Scope().Insert(types.NewFunc(0, p, f, sig))
		}
		return p
	}
	if !m.IsLibrary(pkg("github.com/k-capehart/go-salesforce/v3", "Init", "DoRequest")) {
		t.Error("go-salesforce declaring Init is not the library")
	}
	if m.IsLibrary(pkg("github.com/someone/go-salesforce", "Connect")) {
		t.Error("a fork that renamed Init is the library: its inferred logins would export no fact")
	}
	if m.IsLibrary(pkg("example.com/app", "Init")) {
		t.Error("a user's package declaring Init is a library")
	}
	if m.IsLibrary(nil) {
		t.Error("nil package is a library")
	}
}
