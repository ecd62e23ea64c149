// Package declared has a login function of its own, declared to sflint with
// -sflogin.login=hardcodedtoken/declared.Authenticate: its parameters' names
// give the roles.
package declared

import "os"

// Authenticate logs in to Salesforce through the company's gateway.
func Authenticate(username, password, securityToken string) error { return nil }

func run() error {
	if err := Authenticate("qa@example.com", "Winter2024!x", os.Getenv("SF_SECURITY_TOKEN")); err != nil { // want `^password for declared.Authenticate is a 12-char string literal`
		return err
	}
	return Authenticate("qa@example.com", os.Getenv("SF_PASSWORD"), "kQ7zR2mX9vB4nL8pW3sT6yH1c") // want `^security token for declared.Authenticate is a 25-char string literal`
}
