// Package revoke: OAuth logins whose access token is (not) revoked at
// /services/oauth2/revoke. Checked with -nologout.revoke.
package revoke

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	"golang.org/x/oauth2"

	"nologout/rawhelper"
)

const (
	tokenURL  = "https://login.salesforce.com/services/oauth2/token"
	revokeURL = "https://login.salesforce.com/services/oauth2/revoke"
)

var conf = &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}

func limits(ctx context.Context, instance, token string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", instance+"/services/data/v59.0/limits", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func notRevoked(ctx context.Context, u, p string) error {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p) // want `access token from oauth2.\(\*Config\).PasswordCredentialsToken is not revoked on all paths\. POST the access token to /services/oauth2/revoke before every return`
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "GET", "https://example.my.salesforce.com/services/data/v59.0/limits", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func revokedByHelper(ctx context.Context, u, p string) error {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return err
	}
	defer rawhelper.Revoke(tok.AccessToken)
	if tok.TokenType != "Bearer" {
		return nil
	}
	return nil
}

func revokedInline(ctx context.Context, u, p string) error {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return err
	}
	_, err = http.PostForm(revokeURL, url.Values{"token": {tok.AccessToken}})
	return err
}

// handedToClient: the token goes into an *http.Client made by the config:
// passed to a function, it belongs to that client.
func handedToClient(ctx context.Context, u, p string) (*http.Client, error) {
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return nil, err
	}
	return conf.Client(ctx, tok), nil
}

func forceNotRevoked(u, p, t string) error {
	api, err := force.Create("v59.0", "id", "secret", u, p, t, "production") // want `access token from force.Create is not revoked on all paths`
	if err != nil {
		return err
	}
	var out map[string]any
	return api.Query("SELECT Id FROM Account", &out)
}

func forceRevoked(u, p, t string) error {
	api, err := force.Create("v59.0", "id", "secret", u, p, t, "production")
	if err != nil {
		return err
	}
	defer rawhelper.Revoke(api.GetAccessToken())
	var out map[string]any
	return api.Query("SELECT Id FROM Account", &out)
}

func forceDiscarded(u, p, t string) error {
	_, err := force.Create("v59.0", "id", "secret", u, p, t, "production") // want `access token from force.Create is discarded, so it can never be revoked`
	return err
}

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	InstanceURL string `json:"instance_url"`
}

func rawNotRevoked(ctx context.Context, u, p string) error {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"password"}, "username": {u}, "password": {p}}) // want `access token from OAuth token endpoint \(/services/oauth2/token\) is not revoked on all paths`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "GET", tr.InstanceURL+"/services/data/v59.0/limits", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tr.AccessToken)
	lr, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return lr.Body.Close()
}

// rawPassedOn hands the token to a function of the package: escape.
func rawPassedOn(ctx context.Context, u, p string) error {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"password"}, "username": {u}, "password": {p}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return err
	}
	return limits(ctx, tr.InstanceURL, tr.AccessToken)
}

func rawRevoked(ctx context.Context, u, p string) error {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"password"}, "username": {u}, "password": {p}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return err
	}
	defer rawhelper.Revoke(tr.AccessToken)
	if tr.InstanceURL == "" {
		return nil
	}
	return nil
}

// simple: simpleforce logs in with SOAP: not an OAuth token, not reported.
func simple(u, p, t string) error {
	c := simpleforce.NewClient("https://login.salesforce.com", "id", "52.0")
	return c.LoginPassword(u, p, t)
}
