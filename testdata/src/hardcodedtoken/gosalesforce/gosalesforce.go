// Package gosalesforce checks go-salesforce's Creds (v1, v2, v3), at Init and
// wherever the struct is built.
package gosalesforce

import (
	"os"

	salesforcev1 "github.com/k-capehart/go-salesforce"
	salesforcev2 "github.com/k-capehart/go-salesforce/v2"
	"github.com/k-capehart/go-salesforce/v3"
)

func initLiteral() (*salesforce.Salesforce, error) {
	return salesforce.Init(salesforce.Creds{
		Domain:        "https://acme.my.salesforce.com",
		Username:      "qa@example.com",
		Password:      "Winter2024!x",              // want `^password \(field Password\) for salesforce.Init is a 12-char string literal`
		SecurityToken: "kQ7zR2mX9vB4nL8pW3sT6yH1c", // want `^security token \(field SecurityToken\) for salesforce.Init is a 25-char string literal`
		ConsumerKey:   "3MVG9fTLmJ60pJ5JdQ9Yb0qN7rXy3vWc8KpZs2HhLmR4tUeD1oQaGfV6nB9xCiE",
	})
}

func builtThenPassed() (*salesforce.Salesforce, error) {
	creds := salesforce.Creds{Domain: "https://acme.my.salesforce.com", ConsumerKey: os.Getenv("SF_CLIENT_ID")}
	creds.ConsumerSecret = "7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2" // want `^client secret \(field ConsumerSecret\) for salesforce.Init is a 64-char string literal`
	return salesforce.Init(creds)
}

// Built here, passed to Init elsewhere: checked where it is built.
func newCreds() salesforce.Creds {
	return salesforce.Creds{
		Domain:      "https://acme.my.salesforce.com",
		AccessToken: "00D5g000004Ab1C!AQ4AQLq2Bf8Xn3Kp7Rv1Tw9Yz5Cm0Hd6Jg.Ls2Np8Qr4Vx_Wb7", // want `^session id \(field AccessToken of salesforce.Creds\) is a 66-char Salesforce session id literal`
	}
}

func v2() (*salesforcev2.Salesforce, error) {
	return salesforcev2.Init(salesforcev2.Creds{Domain: "https://acme.my.salesforce.com", Username: "qa@example.com",
		Password: os.Getenv("SF_PASSWORD"), SecurityToken: "kQ7zR2mX9vB4nL8pW3sT6yH1c"}) // want `^security token \(field SecurityToken\) for salesforce.Init is a 25-char string literal`
}

func v1() (*salesforcev1.Salesforce, error) {
	return salesforcev1.Init(salesforcev1.Creds{Domain: "https://acme.my.salesforce.com", Username: "qa@example.com",
		Password: "Winter2024!x", SecurityToken: os.Getenv("SF_SECURITY_TOKEN")}) // want `^password \(field Password\) for salesforce.Init is a 12-char string literal`
}

// The JWT flow's private key, as a PEM literal (spaces and all: never a placeholder).
func jwt() (*salesforce.Salesforce, error) {
	return salesforce.Init(salesforce.Creds{Domain: "https://acme.my.salesforce.com", Username: "qa@example.com", ConsumerKey: os.Getenv("SF_CLIENT_ID"),
		ConsumerRSAPem: "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\nKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm\n-----END RSA PRIVATE KEY-----", // want `^private key \(field ConsumerRSAPem\) for salesforce.Init is a 191-char PEM private key literal`
	})
}

// Not reported: the empty token, the environment, a parameter.
func fine(password string) (*salesforce.Salesforce, error) {
	return salesforce.Init(salesforce.Creds{Domain: "https://acme.my.salesforce.com", Username: "qa@example.com",
		Password: password, SecurityToken: "", ConsumerKey: os.Getenv("SF_CLIENT_ID"), ConsumerSecret: os.Getenv("SF_CLIENT_SECRET")})
}
