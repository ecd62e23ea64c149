package directives

import (
	"testing"

	"github.com/simpleforce/simpleforce"
)

// The checks do not look at _test.go files unless -sflogin.tests is set, so a
// directive here is not judged unused: nothing is reported.
func TestLogin(t *testing.T) {
	c := simpleforce.NewClient("https://login.salesforce.com", "id", "60.0")
	//sflint:ignore fakelogin -- test files are not analysed: not judged
	_ = c.LoginPassword("u", "p", "t")
}

// But a malformed directive is reported wherever it is.
func TestMalformed(t *testing.T) {
	//sflint:ignore nosuchcheck -- reported everywhere // want `"nosuchcheck", which is not an sflint analyzer`
}
