package sfapi

import (
	"go/types"
	"strings"
	"testing"
)

// pkgWith builds a package with the given struct types (name -> fields),
// functions and imports.
func pkgWith(path string, structs map[string][]string, funcs []string, imports ...*types.Package) *types.Package {
	pkg := types.NewPackage(path, path[strings.LastIndexByte(path, '/')+1:])
	for name, fields := range structs {
		var vars []*types.Var
		for _, f := range fields {
			vars = append(vars, types.NewField(0, pkg, f, types.Typ[types.String], false))
		}
		tn := types.NewTypeName(0, pkg, name, nil)
		types.NewNamed(tn, types.NewStruct(vars, nil), nil)
		pkg.Scope().Insert(tn)
	}
	for _, f := range funcs {
		pkg.Scope().Insert(types.NewFunc(0, pkg, f, types.NewSignatureType(nil, nil, nil, nil, nil, false)))
	}
	pkg.SetImports(imports)
	return pkg
}

func row(pkg, name string) *API {
	for _, a := range apis {
		if a.Pkg == pkg && a.Name == name {
			return a
		}
	}
	panic("no row " + pkg + "." + name)
}

func TestLoadedFault(t *testing.T) {
	m := Default()
	sf := row("simpleforce", "LoginPassword")
	const path = "github.com/simpleforce/simpleforce"

	// 2022 and later: SalesforceError.ErrorCode.
	l := m.LoadedFault(sf, pkgWith(path, map[string][]string{"SalesforceError": {"Message", "HttpCode", "ErrorCode", "ErrorMessage"}}, nil))
	if l.Fault == nil || l.Missing != nil || l.Text || !l.Coded() || l.Upgrade() != "" {
		t.Errorf("2022: %+v", l)
	}
	// 2021: no type, ParseSalesforceError: the code is in the text.
	l = m.LoadedFault(sf, pkgWith(path, nil, []string{"ParseSalesforceError"}))
	if l.Fault != nil || l.Missing == nil || !l.Text || !l.Coded() || l.Prefix != "sf:" || l.Older == nil || !strings.Contains(l.Older.Versions, "2021") {
		t.Errorf("2021: %+v", l)
	}
	if up := l.Upgrade(); !strings.Contains(up, "upgrade "+path+" to v0.0.0-20220429021116-acf4ac67ef68") {
		t.Errorf("2021 upgrade advice: %q", up)
	}
	// 2020: nothing keeps the code.
	l = m.LoadedFault(sf, pkgWith(path, nil, nil))
	if l.Fault != nil || l.Text || l.Coded() || l.Older == nil || !strings.Contains(l.Older.Versions, "2020") || l.Upgrade() == "" {
		t.Errorf("2020: %+v", l)
	}
	// A fork that has the type (conductorone) matches by suffix.
	l = m.LoadedFault(sf, pkgWith("github.com/conductorone/simpleforce", map[string][]string{"SalesforceError": {"ErrorCode"}}, nil))
	if l.Fault == nil {
		t.Errorf("fork: %+v", l)
	}

	// go-metaforce returns go-soapforce's SOAPFault: found among its imports.
	soap := pkgWith("github.com/tzmfreedom/go-soapforce", map[string][]string{"SOAPFault": {"Code", "String"}}, nil)
	meta := pkgWith("github.com/tzmfreedom/go-metaforce", nil, nil, soap)
	if l := m.LoadedFault(row("go-metaforce", "Login"), meta); l.Fault == nil || l.Lib != soap.Path() {
		t.Errorf("metaforce: %+v", l)
	}
	// Its fault package not loaded at all: the row is trusted.
	if l := m.LoadedFault(row("go-metaforce", "Login"), pkgWith("github.com/tzmfreedom/go-metaforce", nil, nil)); l.Fault == nil {
		t.Errorf("metaforce without soapforce: %+v", l)
	}

	// x/oauth2 before v0.8.0: RetrieveError without ErrorCode, the body in the text.
	oauth := row("golang.org/x/oauth2", "PasswordCredentialsToken")
	l = m.LoadedFault(oauth, pkgWith("golang.org/x/oauth2", map[string][]string{"RetrieveError": {"Response", "Body"}}, nil))
	if l.Fault != nil || !l.Text || !l.MissingField || !strings.Contains(l.Upgrade(), "v0.8.0") {
		t.Errorf("oauth2 v0.7.0: %+v", l)
	}
	l = m.LoadedFault(oauth, pkgWith("golang.org/x/oauth2", map[string][]string{"RetrieveError": {"Response", "Body", "ErrorCode"}}, nil))
	if l.Fault == nil || l.Text {
		t.Errorf("oauth2 v0.8.0: %+v", l)
	}

	// ForceCLI: the SOAP flow keeps the code in the text, the OAuth flows nothing.
	if l := m.LoadedFault(row("force/lib", "ForceSoapLoginAtEndpoint"), nil); !l.Text || !l.Coded() {
		t.Errorf("ForceCLI SOAP: %+v", l)
	}
	for _, name := range []string{"PasswordFlowLoginAtEndpoint", "ClientCredentialsLoginAtEndpoint", "JWTLoginAtEndpoint"} {
		a := row("force/lib", name)
		if l := m.LoadedFault(a, nil); l.Text || l.Coded() || a.Lost == "" {
			t.Errorf("ForceCLI %s: %+v", name, l)
		}
	}
}

// TestNoCodeRowsSayWhy checks that every login row that keeps no code says
// what its error is instead (the messages quote it).
func TestNoCodeRowsSayWhy(t *testing.T) {
	for _, a := range apis {
		if a.Kind == Login && !a.Declared && a.Fault == nil && !a.FaultText && a.Lost == "" {
			t.Errorf("%s keeps no fault code and does not say what its error is (Lost)", a)
		}
	}
}
