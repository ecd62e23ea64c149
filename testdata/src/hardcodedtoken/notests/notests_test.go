package notests

import (
	"testing"

	"github.com/k-capehart/go-salesforce/v3"
	"github.com/simpleforce/simpleforce"
)

func TestLogin(t *testing.T) {
	c := simpleforce.NewClient("https://acme--dev.sandbox.my.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword("qa.bot@acme-corp.com.dev", "Passw0rd!2024", "Hf3LmQ8zT1xW6cN9bR4kV7pJs"); err != nil {
		t.Fatal(err)
	}
	_ = salesforce.Creds{Password: "Passw0rd!2024", SecurityToken: "Hf3LmQ8zT1xW6cN9bR4kV7pJs"}
}
