package tokenauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/avast/retry-go/v4"
)

// TokenResponse is the success body of /services/oauth2/token.
type TokenResponse struct {
	AccessToken string `json:"access_token"`
	InstanceURL string `json:"instance_url"`
	ID          string `json:"id"`
	TokenType   string `json:"token_type"`
	IssuedAt    string `json:"issued_at"`
	Signature   string `json:"signature"`
}

// OAuthError is the error body: {"error":"invalid_grant","error_description":"authentication failure"}.
type OAuthError struct {
	Status      int
	Code        string `json:"error"`
	Description string `json:"error_description"`
}

func (e *OAuthError) Error() string {
	return fmt.Sprintf("salesforce oauth: %d %s: %s", e.Status, e.Code, e.Description)
}

// Transient reports whether the failure may go away on its own.
func (e *OAuthError) Transient() bool {
	return e.Status >= http.StatusInternalServerError || e.Code == "rate_limit_exceeded"
}

// decodeTokenResponse turns the token endpoint's answer into a TokenResponse
// or an *OAuthError.
func decodeTokenResponse(resp *http.Response) (*TokenResponse, error) {
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		oe := &OAuthError{Status: resp.StatusCode}
		if jerr := json.Unmarshal(body, oe); jerr != nil {
			oe.Description = strings.TrimSpace(string(body))
		}
		return nil, oe
	}
	var tr TokenResponse
	if err := json.Unmarshal(body, &tr); err != nil {
		return nil, fmt.Errorf("decode token response: %w", err)
	}
	return &tr, nil
}

// FetchToken posts the password grant and retries only transient failures.
func FetchToken(ctx context.Context, loginURL string, c Credentials) (*TokenResponse, error) {
	form := url.Values{
		"grant_type":    {"password"},
		"client_id":     {c.ClientID},
		"client_secret": {c.ClientSecret},
		"username":      {c.Username},
		"password":      {c.Password + c.SecurityToken},
	}
	var tr *TokenResponse
	err := retry.Do(func() error {
		// GOOD(blindretry): credential errors (invalid_grant, invalid_client...) are wrapped in retry.Unrecoverable; only 5xx, rate limits and network errors are retried.
		resp, err := http.PostForm(strings.TrimSuffix(loginURL, "/")+"/services/oauth2/token", form)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		tr, err = decodeTokenResponse(resp)
		var oe *OAuthError
		if errors.As(err, &oe) && !oe.Transient() {
			return retry.Unrecoverable(err)
		}
		return err
	}, retry.Context(ctx), retry.Attempts(4), retry.Delay(2*time.Second), retry.DelayType(retry.BackOffDelay), retry.LastErrorOnly(true))
	if err != nil {
		return nil, fmt.Errorf("tokenauth: %w", err)
	}
	return tr, nil
}

// FetchTokenStubborn is the export service's original login. It "had to be
// robust" against Salesforce maintenance windows.
func FetchTokenStubborn(loginURL string, c Credentials) (*TokenResponse, error) {
	form := url.Values{
		"grant_type":    {"password"},
		"client_id":     {c.ClientID},
		"client_secret": {c.ClientSecret},
		"username":      {c.Username},
		"password":      {c.Password + c.SecurityToken},
	}
	var tr *TokenResponse
	err := retry.Do(func() error {
		// BAD(blindretry): retry-go retries the POST on any error and the 400 invalid_grant is returned as an ordinary error, so a wrong password is sent eight times.
		resp, err := http.PostForm(loginURL+"/services/oauth2/token", form)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		tr, err = decodeTokenResponse(resp)
		return err
	}, retry.Attempts(8), retry.Delay(5*time.Second))
	if err != nil {
		return nil, fmt.Errorf("tokenauth: %w", err)
	}
	return tr, nil
}
