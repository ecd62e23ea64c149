// Shape: a go-force fork's tests log in to a real developer org with the
// password, security token and client secret written as constants (the
// parent library's identical test constants, force.Create, are reported too).
package fork

import (
	"testing"

	"github.com/melan/go-force/force"
)

const (
	testClientID      = "3MVG9ExampleConsumerKeyNotASecret"
	testClientSecret  = "4242Exmpl0nly0000000"
	testUserName      = "someone@example.invalid"
	testPassword      = "Ex4mple0nlyPw9"
	testSecurityToken = "Zx8Ex4mpleOnly4kQ2wN7rT5y"
)

func TestLogin(t *testing.T) {
	_, err := force.CreateOAuth(testClientID, testClientSecret, testUserName, testPassword, testSecurityToken, "production") // want `client secret for force.CreateOAuth is the constant testClientSecret` `password for force.CreateOAuth is the constant testPassword` `security token for force.CreateOAuth is the constant testSecurityToken`
	if err != nil {
		t.Fatal(err)
	}
}
