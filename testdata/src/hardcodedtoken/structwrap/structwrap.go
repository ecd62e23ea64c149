// Package structwrap is the library's example main (in real code an example
// that fills the struct with literals and passes it to the wrapper).
package structwrap

import (
	"os"

	oauth "sflogin/structwrap"
)

func Example() (*oauth.Session, error) {
	return oauth.LoginByOAuth(oauth.Credentials{
		Username:     "integration@example.invalid",
		Password:     "secret_password",                   // a placeholder: not reported
		Token:        "Qm4Exampl3Only9vTk2LpZ7",           // want `^security token \(field Token\) for structwrap.LoginByOAuth is a 23-char string literal`
		ClientID:     "3MVG9ExampleConsumerKeyNotASecret", // not a secret
		ClientSecret: "5150Exampl3Only0000000000",         // want `^client secret \(field ClientSecret\) for structwrap.LoginByOAuth`
	})
}

func Assigned() (*oauth.Session, error) {
	var c oauth.Credentials
	c.Username = os.Getenv("SF_USER")
	c.Password = os.Getenv("SF_PASSWORD")
	c.ClientSecret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0" // want `^client secret \(field ClientSecret\) for structwrap.LoginByOAuth`
	return oauth.LoginByOAuth(c)
}

func Nested() (*oauth.Session, error) {
	return oauth.LoginConfig(oauth.Config{Creds: &oauth.Credentials{ClientSecret: "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"}}) // want `^client secret \(field Creds.ClientSecret\) for structwrap.LoginConfig`
}

// ---- not reported ----

func FromEnv() (*oauth.Session, error) {
	return oauth.LoginByOAuth(oauth.Credentials{
		Username:     os.Getenv("SF_USER"),
		Password:     os.Getenv("SF_PASSWORD"),
		Token:        os.Getenv("SF_TOKEN"),
		ClientID:     os.Getenv("SF_CLIENT_ID"),
		ClientSecret: os.Getenv("SF_CLIENT_SECRET"),
	})
}
