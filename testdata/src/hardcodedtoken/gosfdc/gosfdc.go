// Package gosfdc checks go-sfdc's PasswordCredentials (g8rswimmer and the
// elastic fork): Password carries the token appended by the caller.
package gosfdc

import (
	"os"

	elastic "github.com/elastic/go-sfdc/credentials"
	"github.com/g8rswimmer/go-sfdc/credentials"
)

func g8rswimmer(pass string) (*credentials.Credentials, error) {
	return credentials.NewPasswordCredentials(credentials.PasswordCredentials{
		URL:          "https://login.salesforce.com",
		Username:     "qa@example.com",
		Password:     pass + "kQ7zR2mX9vB4nL8pW3sT6yH1c", // want `^password\+security token \(field Password of credentials.PasswordCredentials\) has a 25-char string literal appended`
		ClientID:     "3MVG9fTLmJ60pJ5JdQ9Yb0qN7rXy3vWc8KpZs2HhLmR4tUeD1oQaGfV6nB9xCiE",
		ClientSecret: "7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2", // want `^client secret \(field ClientSecret of credentials.PasswordCredentials\) is a 64-char string literal`
	})
}

func elasticFork() (*elastic.Credentials, error) {
	creds := elastic.PasswordCredentials{URL: "https://login.salesforce.com", Username: "qa@example.com"}
	creds.Password = "Winter2024!x" // want `^password\+security token \(field Password of credentials.PasswordCredentials\) starts with a 12-char string literal`
	creds.Password += os.Getenv("SF_SECURITY_TOKEN")
	creds.ClientSecret = os.Getenv("SF_CLIENT_SECRET")
	return elastic.NewPasswordCredentials(creds)
}
