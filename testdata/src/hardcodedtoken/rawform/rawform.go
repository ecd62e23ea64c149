// Package rawform checks hand-built form bodies of a raw POST to the OAuth
// token endpoint: a client secret or password literal formatted into the
// body with fmt.Sprintf, or concatenated into it.
package rawform

import (
	"fmt"
	"net/http"
	"os"
	"strings"
)

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

func sprintf(user string) error {
	body := fmt.Sprintf("grant_type=password&client_id=%s&client_secret=%s&username=%s&password=%s",
		os.Getenv("SF_CLIENT_ID"), "7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9", user, os.Getenv("SF_PASSWORD")) // want `^client secret \(form field client_secret\) for OAuth token endpoint \(/services/oauth2/token\) is a 32-char string literal`
	resp, err := http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func concat(user string) error {
	req, err := http.NewRequest("POST", tokenURL, strings.NewReader(
		"grant_type=password&username="+user+"&password="+"Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c")) // want `^password\+security token for OAuth token endpoint \(/services/oauth2/token\) is a 37-char string literal`
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- not reported ----

func fromEnv(user string) error {
	body := fmt.Sprintf("grant_type=password&client_id=%s&client_secret=%s&username=%s&password=%s",
		os.Getenv("SF_CLIENT_ID"), os.Getenv("SF_CLIENT_SECRET"), user, os.Getenv("SF_PASSWORD"))
	resp, err := http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A literal that is no credential: the grant type.
func grant(secret string) error {
	body := fmt.Sprintf("grant_type=%s&client_secret=%s", "client_credentials", secret)
	resp, err := http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
