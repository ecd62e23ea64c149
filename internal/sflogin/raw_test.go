package sflogin_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sflint/sflint/internal/sflogin"
)

// TestRawWrappers checks that a hand-written login is a login wrapper
// whatever it does with the transport error (%v included), that its session
// is what it decodes the answer into (a result, the receiver, a parameter),
// and that its callers in another package resolve it by fact.
func TestRawWrappers(t *testing.T) {
	analysistest.Run(t, testdata(t), sflogin.Analyzer, "sflogin/rawwrap")
	analysistest.Run(t, testdata(t), probe, "sflogin/rawuse")
}

// TestStructCredentials checks that a wrapper's fact says which field of its
// struct parameter plays which role.
func TestStructCredentials(t *testing.T) {
	analysistest.Run(t, testdata(t), sflogin.Analyzer, "sflogin/structwrap")
}
