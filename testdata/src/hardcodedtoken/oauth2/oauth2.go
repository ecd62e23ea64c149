// Package oauth2 checks golang.org/x/oauth2 against Salesforce's token URL:
// the password of PasswordCredentialsToken and the client secret of the Config.
package oauth2

import (
	"context"
	"os"

	"golang.org/x/oauth2"
)

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

var legacyConfig = &oauth2.Config{ClientID: "3MVG9fTLmJ60pJ5JdQ9Yb0qN7rXy3vWc8KpZs2HhLmR4tUeD1oQaGfV6nB9xCiE", ClientSecret: "7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}} // want `^client secret \(field ClientSecret of an oauth2.Config for Salesforce's token URL\) is a 64-char string literal`

// Not Salesforce: another linter's business.
var googleConfig = &oauth2.Config{ClientID: "id", ClientSecret: "GOCSPX-4b7Hk2Lm9Qr3Tv8Wx1Yz6", Endpoint: oauth2.Endpoint{TokenURL: "https://oauth2.googleapis.com/token"}}

func passwordGrant(ctx context.Context) (*oauth2.Token, error) {
	return legacyConfig.PasswordCredentialsToken(ctx, "qa@example.com", "Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c") // want `^password\+security token for oauth2.\(\*Config\).PasswordCredentialsToken is a 37-char string literal`
}

func googleGrant(ctx context.Context) (*oauth2.Token, error) {
	return googleConfig.PasswordCredentialsToken(ctx, "qa@example.com", "Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c")
}

// The token URL is set on the variable, the secret assigned later.
func assigned(ctx context.Context) (*oauth2.Token, error) {
	conf := oauth2.Config{ClientID: os.Getenv("SF_CLIENT_ID")}
	conf.Endpoint.TokenURL = "https://acme.my.salesforce.com/services/oauth2/token"
	conf.ClientSecret = "7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2" // want `^client secret \(field ClientSecret of an oauth2.Config for Salesforce's token URL\) is a 64-char string literal`
	return conf.PasswordCredentialsToken(ctx, os.Getenv("SF_USERNAME"), os.Getenv("SF_PASSWORD")+os.Getenv("SF_SECURITY_TOKEN"))
}

// Not reported: everything from the environment.
func fromEnv(ctx context.Context) (*oauth2.Token, error) {
	conf := &oauth2.Config{ClientID: os.Getenv("SF_CLIENT_ID"), ClientSecret: os.Getenv("SF_CLIENT_SECRET"), Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	return conf.PasswordCredentialsToken(ctx, os.Getenv("SF_USERNAME"), os.Getenv("SF_PASSWORD")+os.Getenv("SF_SECURITY_TOKEN"))
}
