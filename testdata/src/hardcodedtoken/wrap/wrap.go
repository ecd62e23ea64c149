// Package wrap declares login wrappers; package wrapuse calls them with
// literals. The wrappers' own parameters are not reported here.
package wrap

import (
	"fmt"

	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

// Connect logs in with the password and the token appended by the caller.
func Connect(user, pass string) (*soapforce.Client, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return c, nil
}

// ConnectParts appends the token itself.
func ConnectParts(user, password, token string) (*soapforce.Client, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(user, password+token); err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return c, nil
}

// Open logs in with simpleforce.
func Open(url, user, password, token string) (*simpleforce.Client, error) {
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, password, token); err != nil {
		return nil, err
	}
	return c, nil
}

// Literal hides a token in the wrapper itself.
func Literal(user, pass string) (*soapforce.Client, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass+"kQ7zR2mX9vB4nL8pW3sT6yH1c"); err != nil { // want `^password\+security token for soapforce.\(\*Client\).Login has a 25-char string literal appended`
		return nil, err
	}
	return c, nil
}
