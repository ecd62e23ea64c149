package raw

// Shapes: REST client libraries and CLIs that split the hand-written OAuth
// login over several functions of the package: one builds the token request
// (or the token URL) and another sends it. The endpoint is known from the
// calls: every call of the sender passes the token request, or the token
// URL. A sender some caller also uses for other URLs is a general helper,
// not a login: silent.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// ---- the request built in one function, sent in another ----

func newTokenRequest(base string, c Creds) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, base+tokenPath, strings.NewReader(form(c).Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req, nil
}

func exchange(hc *http.Client, req *http.Request) (*tokenResponse, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("token exchange: %d %s", resp.StatusCode, resp.Status) // want `^when the OAuth token endpoint rejects the login, an error with only the status replaces the answer`
	}
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return nil, err
	}
	return &tr, nil
}

func OpenSession(hc *http.Client, base string, c Creds) (*tokenResponse, error) { // want OpenSession:"no fault code none inspected"
	req, err := newTokenRequest(base, c)
	if err != nil {
		return nil, err
	}
	return exchange(hc, req)
}

// ---- the URL and the body as parameters ----

func authenticate(hc *http.Client, url string, body io.Reader) (*tokenResponse, error) {
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status + ": authentication failed") // want `^when the OAuth token endpoint rejects the login, an error with only the status replaces the answer`
	}
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return nil, err
	}
	return &tr, nil
}

func PasswordLogin(hc *http.Client, domain string, c Creds) (*tokenResponse, error) { // want PasswordLogin:"no fault code none inspected"
	return authenticate(hc, "https://"+domain+tokenPath, strings.NewReader(form(c).Encode()))
}

// ---- the token URL from a getter of the package ----

func tokenURL(domain string) string {
	return fmt.Sprintf("https://%s/services/oauth2/token", domain)
}

func CodeLogin(domain string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(tokenURL(domain), form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("token request failed with status %d", resp.StatusCode) // want `^when the OAuth token endpoint rejects the login, an error with only the status replaces the answer`
	}
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return nil, err
	}
	return &tr, nil
}

// ---- a general helper: the token URL and other URLs go through it ----

func post(hc *http.Client, url string, body io.Reader) ([]byte, error) {
	resp, err := hc.Post(url, "application/x-www-form-urlencoded", body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func TokenThroughHelper(hc *http.Client, domain string, c Creds) ([]byte, error) {
	return post(hc, "https://"+domain+tokenPath, strings.NewReader(form(c).Encode()))
}

func QueryThroughHelper(hc *http.Client, domain, soql string) ([]byte, error) {
	return post(hc, "https://"+domain+"/services/data/v60.0/query", strings.NewReader("q="+soql))
}

// ---- a getter with several returns may build several URLs: not followed ----

func endpointFor(domain string, token bool) string {
	if token {
		return "https://" + domain + tokenPath
	}
	return "https://" + domain + "/services/data/v60.0/"
}

func LoginThroughSwitch(domain string, c Creds) error {
	resp, err := http.PostForm(endpointFor(domain, true), form(c))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}
