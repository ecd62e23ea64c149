// want package:"salesforce"

// Package rawwrap logs in with hand-written OAuth requests and wraps the
// transport error with %v, as go-force's own Authenticate and a Terraform
// provider's login do: how the transport error is wrapped says nothing about
// the login fault (it is in the body), so each is still a login wrapper.
package rawwrap

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

type Token struct {
	AccessToken string `json:"access_token"`
	InstanceURL string `json:"instance_url"`
}

// Login returns the decoded token.
func Login(id, secret, user, password string) (*Token, error) { // want Login:`login OAuth token endpoint \(/services/oauth2/token\) err=1 session=0 arg0=client id arg1=client secret arg2=username arg3=password\+security token`
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"password"}, "client_id": {id},
		"client_secret": {secret}, "username": {user}, "password": {password}})
	if err != nil {
		return nil, fmt.Errorf("token request: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("reading the token: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("token request: %d %s", resp.StatusCode, body)
	}
	var t Token
	if err := json.Unmarshal(body, &t); err != nil {
		return nil, errors.New("bad token")
	}
	return &t, nil
}

type Client struct {
	token    string
	instance string
	user     string
	password string
}

// Authenticate keeps the session in the receiver.
func (c *Client) Authenticate() error { // want Authenticate:`login OAuth token endpoint \(/services/oauth2/token\) err=0 session=recv`
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"password"}, "username": {c.user}, "password": {c.password}})
	if err != nil {
		return fmt.Errorf("error sending authentication request: %v", err)
	}
	defer resp.Body.Close()
	var t Token
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return fmt.Errorf("unable to decode the token: %v", err)
	}
	c.token, c.instance = t.AccessToken, t.InstanceURL
	return nil
}

type session struct {
	AccessToken string `json:"access_token"`
}

// Decode decodes into its parameter.
func Decode(s *session, user, password string) error { // want Decode:`login OAuth token endpoint \(/services/oauth2/token\) err=0 session=recv`
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"password"}, "username": {user}, "password": {password}})
	if err != nil {
		return fmt.Errorf("token request: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return json.Unmarshal(b, s)
}

// Ping uses the token itself: the error it returns (a decoding error
// included) carries no session.
func Ping(user, password string) error { // want Ping:`^login OAuth token endpoint \(/services/oauth2/token\) err=0 arg0=username arg1=password\+security token$`
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"password"}, "username": {user}, "password": {password}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var t Token
	err = json.NewDecoder(resp.Body).Decode(&t)
	if err != nil {
		return err
	}
	return use(t.AccessToken)
}

func use(string) error { return nil }
