// Package oauth2ev checks the ClientSecret of an oauth2.Config whose TokenURL
// is a setting named for Salesforce (no constant says so).
package oauth2ev

import (
	"context"
	"os"

	"golang.org/x/oauth2"
)

func login(ctx context.Context, u, p string) (*oauth2.Token, error) {
	conf := &oauth2.Config{
		ClientID:     os.Getenv("SF_CLIENT_ID"),
		ClientSecret: "7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9", // want `^client secret \(field ClientSecret of an oauth2.Config for Salesforce's token URL\) is a 32-char string literal`
		Endpoint:     oauth2.Endpoint{TokenURL: os.Getenv("SALESFORCE_TOKEN_URL")},
	}
	return conf.PasswordCredentialsToken(ctx, u, p)
}

// ---- not reported: nothing says the server is Salesforce's ----

func other(ctx context.Context, tokenURL, u, p string) (*oauth2.Token, error) {
	conf := &oauth2.Config{ClientSecret: "9F8E7D6C5B4A39281706F5E4D3C2B1A0", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	return conf.PasswordCredentialsToken(ctx, u, p)
}
