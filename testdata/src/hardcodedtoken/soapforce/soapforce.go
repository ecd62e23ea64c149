// Package soapforce checks go-soapforce (Login takes the password with the
// security token already appended; SetAccessToken; SetClientSecret; Refresh;
// the Login and Client structs) and go-metaforce: the concatenation shapes.
package soapforce

import (
	"fmt"
	"os"
	"strings"

	metaforce "github.com/tzmfreedom/go-metaforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

const smokeToken = "kQ7zR2mX9vB4nL8pW3sT6yH1c"

func appendedToken(c *soapforce.Client, pass string) error {
	_, err := c.Login("qa@example.com", pass+"kQ7zR2mX9vB4nL8pW3sT6yH1c") // want `^password\+security token for soapforce.\(\*Client\).Login has a 25-char string literal appended`
	return err
}

func appendedConstant(c *soapforce.Client) error {
	_, err := c.Login("qa@example.com", os.Getenv("SF_PASSWORD")+smokeToken) // want `password\+security token for soapforce.\(\*Client\).Login has the constant smokeToken \(25 chars\) appended`
	return err
}

func literalPassword(c *soapforce.Client, tok string) error {
	_, err := c.Login("qa@example.com", "Winter2024!x"+tok) // want `password\+security token for soapforce.\(\*Client\).Login starts with a 12-char string literal`
	return err
}

func bothLiterals(c *soapforce.Client) error {
	_, err := c.Login("qa@example.com", "Winter2024!"+"kQ7zR2mX9vB4nL8pW3sT6yH1c") // want `password\+security token for soapforce.\(\*Client\).Login is a 36-char string literal`
	return err
}

func literalAndConstant(c *soapforce.Client) error {
	_, err := c.Login("qa@example.com", "Winter2024!x"+smokeToken) // want `starts with a 12-char string literal` `has the constant smokeToken \(25 chars\) appended`
	return err
}

func sprintf(c *soapforce.Client, pass string) error {
	if _, err := c.Login("qa@example.com", fmt.Sprintf("%s%s", pass, "kQ7zR2mX9vB4nL8pW3sT6yH1c")); err != nil { // want `password\+security token for soapforce.\(\*Client\).Login has a 25-char string literal appended`
		return err
	}
	_, err := c.Login("qa@example.com", fmt.Sprintf("%skQ7zR2mX9vB4nL8pW3sT6yH1c", pass)) // want `password\+security token for soapforce.\(\*Client\).Login has 25 chars of literal text in a format string appended`
	return err
}

func join(c *soapforce.Client, pass string) error {
	_, err := c.Login("qa@example.com", strings.Join([]string{pass, "kQ7zR2mX9vB4nL8pW3sT6yH1c"}, "")) // want `has a 25-char string literal appended`
	return err
}

func plusAssign(c *soapforce.Client) error {
	pw := os.Getenv("SF_PASSWORD")
	pw += "kQ7zR2mX9vB4nL8pW3sT6yH1c"
	_, err := c.Login("qa@example.com", pw) // want `password\+security token for soapforce.\(\*Client\).Login has a 25-char string literal appended via variable pw`
	return err
}

func plusAssignBoth(c *soapforce.Client) error {
	pw := "Winter2024!x"
	pw += "kQ7zR2mX9vB4nL8pW3sT6yH1c"
	_, err := c.Login("qa@example.com", pw) // want `starts with a 12-char string literal via variable pw` `has a 25-char string literal appended via variable pw`
	return err
}

// A fallback literal is still a password in the source.
func fallback(c *soapforce.Client) error {
	pw := os.Getenv("SF_PASSWORD")
	if pw == "" {
		pw = "Winter2024!x"
	}
	_, err := c.Login("qa@example.com", pw) // want `password\+security token for soapforce.\(\*Client\).Login is a 12-char string literal via variable pw`
	return err
}

func oauthLogin(c *soapforce.Client) error {
	return c.LoginWithOAuth("qa@example.com", "Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c") // want `password\+security token for soapforce.\(\*Client\).LoginWithOAuth is a 37-char string literal`
}

func setters(c *soapforce.Client) error {
	c.SetAccessToken("00D5g000004Ab1C!AQ4AQLq2Bf8Xn3Kp7Rv1Tw9Yz5Cm0Hd6Jg.Ls2Np8Qr4Vx_Wb7") // want `session id for soapforce.\(\*Client\).SetAccessToken is a 66-char Salesforce session id literal`
	c.SetAccessToken(os.Getenv("SF_SESSION_ID"))
	c.SetClientSecret("7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2") // want `client secret for soapforce.\(\*Client\).SetClientSecret is a 64-char string literal`
	return c.Refresh("5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJo7Xr34yOQ7GCFUbl0sJ")         // want `refresh token for soapforce.\(\*Client\).Refresh is a 57-char string literal`
}

func structs() (*soapforce.Login, *soapforce.Client) {
	req := &soapforce.Login{Username: "qa@example.com", Password: "Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c"}  // want `password\+security token \(field Password of soapforce.Login\) is a 37-char string literal`
	c := &soapforce.Client{SessionId: "00D5g000004Ab1C!AQ4AQLq2Bf8Xn3Kp7Rv1Tw9Yz5Cm0Hd6Jg.Ls2Np8Qr4Vx_Wb7"} // want `session id \(field SessionId of soapforce.Client\) is a 66-char Salesforce session id literal`
	c.ClientSecret = "7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2"                     // want `client secret \(field ClientSecret of soapforce.Client\) is a 64-char string literal`
	c.ClientID = "3MVG9fTLmJ60pJ5JdQ9Yb0qN7rXy3vWc8KpZs2HhLmR4tUeD1oQaGfV6nB9xCiE"                          // a client id is not a secret
	return req, c
}

func metadata(c *metaforce.Client) error {
	return c.Login("qa@example.com", "Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c") // want `password\+security token for metaforce.\(\*Client\).Login is a 37-char string literal`
}

// Not reported: the parts are read at run time.
func runtime(c *soapforce.Client, pass, tok string) error {
	if _, err := c.Login("qa@example.com", pass+tok); err != nil {
		return err
	}
	if _, err := c.Login("qa@example.com", fmt.Sprintf("%s%s", pass, os.Getenv("SF_SECURITY_TOKEN"))); err != nil {
		return err
	}
	_, err := c.Login("qa@example.com", strings.Join([]string{pass, tok}, ""))
	return err
}
