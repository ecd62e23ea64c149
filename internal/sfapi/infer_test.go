package sfapi

import (
	"go/types"
	"strings"
	"testing"
)

// fn declares a package-level function in pkg with string parameters of the
// given names and the given results ("error", "int").
func fn(pkg *types.Package, name string, params []string, results ...string) *types.Func {
	var ps, rs []*types.Var
	for _, p := range params {
		ps = append(ps, types.NewParam(0, pkg, p, types.Typ[types.String]))
	}
	for _, r := range results {
		t := types.Universe.Lookup(r).Type()
		rs = append(rs, types.NewParam(0, pkg, "", t))
	}
	f := types.NewFunc(0, pkg, name, types.NewSignatureType(nil, nil, nil, types.NewTuple(ps...), types.NewTuple(rs...), false))
	pkg.Scope().Insert(f)
	return f
}

func TestInferFork(t *testing.T) {
	m := Default()
	fork := types.NewPackage("github.com/melan/go-force/force", "force")
	login := fn(fork, "CreateOAuth", []string{"clientId", "clientSecret", "userName", "password", "securityToken", "environment"}, "int", "error")
	a := m.Lookup(login)
	if a == nil || a.Kind != Login || !a.Inferred || a.Fault == nil || a.Fault.Type != "ApiError" || a.Vocab != OAuth || a.Session != 0 {
		t.Fatalf("CreateOAuth: %+v", a)
	}
	var roles []string
	for _, x := range a.Args {
		roles = append(roles, x.Role.String())
	}
	if got := strings.Join(roles, ","); got != "client secret,username,password,security token" {
		t.Errorf("CreateOAuth roles: %s", got)
	}
	if a := m.Lookup(fn(fork, "CreateOAuthWithAccessToken", []string{"clientId", "accessToken", "instanceUrl"}, "int", "error")); a == nil || a.Kind != Reuse {
		t.Errorf("CreateOAuthWithAccessToken: %+v", a)
	}
	for name, f := range map[string]*types.Func{
		"no error result":       fn(fork, "Hash", []string{"password"}, "int"),
		"no credential":         fn(fork, "CreateApi", []string{"version"}, "int", "error"),
		"a name that says none": fn(fork, "Open", []string{"p", "secret"}, "int", "error"),
	} {
		if a := m.Lookup(f); a != nil {
			t.Errorf("%s: inferred %+v", name, a)
		}
	}

	// A package that declares a row's function is the library: no inference.
	lib := types.NewPackage("github.com/acme/go-force/force", "force")
	fn(lib, "Create", []string{"version", "clientId", "clientSecret", "userName", "password", "securityToken", "environment"}, "int", "error")
	if a := m.Lookup(fn(lib, "SetPassword", []string{"uid", "password"}, "int", "error")); a != nil {
		t.Errorf("SetPassword in a package with the library's names: %+v", a)
	}
	// A package of no library: no inference.
	other := types.NewPackage("example.com/vault", "vault")
	if a := m.Lookup(fn(other, "Unlock", []string{"password"}, "error")); a != nil {
		t.Errorf("a package of no library: %+v", a)
	}
}
