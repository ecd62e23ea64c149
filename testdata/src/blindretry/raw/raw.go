// Package raw retries raw HTTP and x/oauth2 logins.
package raw

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
	"golang.org/x/oauth2"
)

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

type token struct {
	AccessToken string `json:"access_token"`
	Error       string `json:"error"`
}

// emptyToken: a 400 invalid_grant decodes to an empty token, which is retried.
func emptyToken(user, pass string) (*token, error) {
	form := url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}}
	for i := 0; i < 5; i++ {
		resp, err := http.PostForm(tokenURL, form) // want `OAuth token endpoint \(/services/oauth2/token\) is retried in a loop without classifying the fault\. Stop on invalid_grant, invalid_client_id and every other "error" of the 400 answer .*; retry only rate_limit_exceeded, HTTP 5xx answers and network errors`
		if err != nil {
			continue // a network error: retrying it is right
		}
		var t token
		err = json.NewDecoder(resp.Body).Decode(&t)
		resp.Body.Close()
		if err == nil && t.AccessToken != "" {
			return &t, nil
		}
		time.Sleep(time.Second)
	}
	return nil, errors.New("no token")
}

// statusOnly: telling success from failure is not classifying.
func statusOnly(user, pass string) error {
	form := url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}}
	for {
		resp, err := http.PostForm(tokenURL, form) // want `OAuth token endpoint .* is retried in a loop`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return nil
		}
	}
}

// serverErrorsOnly retries 5xx answers and network errors, and stops on a 4xx.
func serverErrorsOnly(user, pass string) error {
	form := url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}}
	for i := 0; i < 4; i++ {
		resp, err := http.PostForm(tokenURL, form)
		if err != nil {
			continue
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			continue // reading the answer failed: a network error
		}
		if resp.StatusCode == http.StatusOK {
			return nil
		}
		if resp.StatusCode < 500 {
			return fmt.Errorf("token endpoint: %s", body)
		}
	}
	return errors.New("token endpoint unavailable")
}

// byCode reads the "error" field and stops on credential errors.
func byCode(user, pass string) error {
	form := url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}}
	for {
		resp, err := http.PostForm(tokenURL, form)
		if err != nil {
			return err
		}
		var t token
		json.NewDecoder(resp.Body).Decode(&t)
		resp.Body.Close()
		if t.AccessToken != "" {
			return nil
		}
		if t.Error == "invalid_grant" || t.Error == "invalid_client" {
			return errors.New(t.Error)
		}
	}
}

type oauthError struct {
	Status int
	Code   string
}

func (e *oauthError) Error() string { return e.Code }

func decode(resp *http.Response) (*token, error) {
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &oauthError{Status: resp.StatusCode}
	}
	var t token
	return &t, json.NewDecoder(resp.Body).Decode(&t)
}

// retryBlind: the decoded error answer is retried by retry-go.
func retryBlind(ctx context.Context, user, pass string) (*token, error) {
	var t *token
	err := retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, "POST", tokenURL, strings.NewReader(url.Values{"grant_type": {"password"}, "password": {pass}}.Encode()))
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req) // want `OAuth token endpoint .* is retried by retry\.Do`
		if err != nil {
			return err
		}
		t, err = decode(resp)
		return err
	})
	return t, err
}

// retryUnrecoverable stops on a 4xx answer.
func retryUnrecoverable(user, pass string) (*token, error) {
	form := url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}}
	var t *token
	err := retry.Do(func() error {
		resp, err := http.PostForm(tokenURL, form)
		if err != nil {
			return err
		}
		t, err = decode(resp)
		var oe *oauthError
		if errors.As(err, &oe) && oe.Status < 500 {
			return retry.Unrecoverable(err)
		}
		return err
	})
	return t, err
}

// passwordGrant retries x/oauth2's password grant.
func passwordGrant(ctx context.Context, user, pass string) *oauth2.Token {
	conf := &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	for {
		tok, err := conf.PasswordCredentialsToken(ctx, user, pass) // want `oauth2\.\(\*Config\)\.PasswordCredentialsToken is retried in a loop without classifying the fault\. Stop on invalid_grant, invalid_client_id and every other code`
		if err == nil {
			return tok
		}
		time.Sleep(time.Second)
	}
}

// passwordGrantClassified stops on RFC 6749 credential errors.
func passwordGrantClassified(ctx context.Context, user, pass string) (*oauth2.Token, error) {
	conf := &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	for {
		tok, err := conf.PasswordCredentialsToken(ctx, user, pass)
		var re *oauth2.RetrieveError
		if errors.As(err, &re) && re.ErrorCode == "invalid_grant" {
			return nil, err
		}
		if err == nil {
			return tok, nil
		}
	}
}
