// Package rawhttp checks the form fields of a raw POST to Salesforce's OAuth
// token endpoint.
package rawhttp

import (
	"net/http"
	"net/url"
	"os"
	"strings"
)

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

func postForm(user string) error {
	resp, err := http.PostForm(tokenURL, url.Values{
		"grant_type":    {"password"},
		"client_id":     {os.Getenv("SF_CLIENT_ID")},
		"client_secret": {"7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2"}, // want `^client secret \(form field client_secret\) for OAuth token endpoint \(/services/oauth2/token\) is a 64-char string literal`
		"username":      {user},
		"password":      {os.Getenv("SF_PASSWORD") + "kQ7zR2mX9vB4nL8pW3sT6yH1c"}, // want `^password\+security token for OAuth token endpoint \(/services/oauth2/token\) has a 25-char string literal appended`
	})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func newRequest(user string) error {
	form := url.Values{}
	form.Set("grant_type", "password")
	form.Set("username", user)
	form.Set("password", "Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c") // want `^password\+security token for OAuth token endpoint \(/services/oauth2/token\) is a 37-char string literal`
	req, err := http.NewRequest("POST", tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Not Salesforce.
func elsewhere() error {
	_, err := http.PostForm("https://auth.example.com/token", url.Values{"password": {"Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c"}})
	return err
}
