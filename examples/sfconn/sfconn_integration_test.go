package sfconn

import (
	"errors"
	"os"
	"testing"

	"github.com/simpleforce/simpleforce"
)

// TestLoginAgainstDevOrg talks to the team's developer sandbox. It only runs
// with SF_INTEGRATION=1 so that CI stays offline.
func TestLoginAgainstDevOrg(t *testing.T) {
	if os.Getenv("SF_INTEGRATION") == "" {
		t.Skip("set SF_INTEGRATION=1 to run against the dev sandbox")
	}
	client := simpleforce.NewClient("https://acme--dev.sandbox.my.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	// BAD(hardcodedtoken): the QA user's real password and 25-character security token are committed in the test.
	if err := client.LoginPassword("qa.bot@acme-corp.com.dev", "Passw0rd!2024", "Hf3LmQ8zT1xW6cN9bR4kV7pJs"); err != nil {
		t.Fatalf("login: %v", err)
	}
	res, err := client.Query("SELECT Id FROM Account LIMIT 1")
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	if res.TotalSize == 0 {
		t.Log("dev sandbox has no accounts")
	}
}

func TestClassifyKeepsCause(t *testing.T) {
	in := simpleforce.SalesforceError{HttpCode: 500, ErrorCode: "sf:INVALID_LOGIN", Message: "INVALID_LOGIN: Invalid username, password, security token; or user locked out."}
	err := classify(in)
	if !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("classify(%v) = %v, want ErrBadCredentials", in, err)
	}
}
