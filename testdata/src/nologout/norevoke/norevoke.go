// Package norevoke: without -nologout.revoke, OAuth logins of libraries that
// have no logout are not reported.
package norevoke

import (
	"context"
	"net/http"

	"github.com/nimajalali/go-force/force"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: "https://login.salesforce.com/services/oauth2/token"}}

func notRevoked(ctx context.Context, u, p string) error {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "GET", "https://example.my.salesforce.com/services/data", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	_, err = http.DefaultClient.Do(req)
	return err
}

func forceNotRevoked(u, p, t string) error {
	_, err := force.Create("v59.0", "id", "secret", u, p, t, "production")
	return err
}
