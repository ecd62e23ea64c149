package sflogin

import (
	"fmt"
	"strings"

	"github.com/sflint/sflint/internal/sfapi"
)

// LoginFact marks a function or method that logs in (directly or through
// another wrapper) and hands the session, the client, or the login error back
// to its caller, so that a call to it is a login too (the printf-wrapper idea).
type LoginFact struct {
	// API is the library API the function wraps, as sfapi.API.String prints it.
	API string
	// Kind is sfapi.Login or sfapi.Logout.
	Kind sfapi.Kind
	// Err is the index of the result carrying the login error, or sfapi.NoResult.
	Err int
	// Session is the index of the result carrying the session or client,
	// sfapi.InReceiver when the receiver (or a parameter) keeps it, or sfapi.NoResult.
	Session int
	// Logout is the name of the library's logout method for the session, if any.
	Logout string
	// Creds maps parameters of the function to the credential roles they reach.
	Creds []CredParam
	// Vocab is the fault vocabulary of the wrapped API.
	Vocab sfapi.Vocabulary
}

// CredParam says that parameter Param of a wrapper reaches a credential of the wrapped API.
type CredParam struct {
	Param int
	Role  sfapi.Role
}

// AFact implements analysis.Fact.
func (*LoginFact) AFact() {}

func (f *LoginFact) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", f.Kind, f.API)
	if f.Err >= 0 {
		fmt.Fprintf(&b, " err=%d", f.Err)
	}
	switch {
	case f.Session == sfapi.InReceiver:
		b.WriteString(" session=recv")
	case f.Session >= 0:
		fmt.Fprintf(&b, " session=%d", f.Session)
	}
	for _, c := range f.Creds {
		fmt.Fprintf(&b, " arg%d=%s", c.Param, c.Role)
	}
	return b.String()
}

func (f *LoginFact) equal(g *LoginFact) bool {
	if f.API != g.API || f.Kind != g.Kind || f.Err != g.Err || f.Session != g.Session || len(f.Creds) != len(g.Creds) {
		return false
	}
	for i := range f.Creds {
		if f.Creds[i] != g.Creds[i] {
			return false
		}
	}
	return true
}

// ClassifierFact marks a function that inspects a Salesforce fault code in
// the error it is given: calling it counts as classifying the fault.
type ClassifierFact struct{}

// AFact implements analysis.Fact.
func (*ClassifierFact) AFact() {}

func (*ClassifierFact) String() string { return "classifier" }

// PackageFact marks a package that declares login wrappers or classifiers, so
// that packages importing it are analysed (and the others skipped).
type PackageFact struct{}

// AFact implements analysis.Fact.
func (*PackageFact) AFact() {}

func (*PackageFact) String() string { return "salesforce" }
