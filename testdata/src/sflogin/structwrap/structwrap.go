// want package:"salesforce"

// Package structwrap is a small REST library's own login wrapper: it takes a
// Credentials struct and builds the OAuth form from its fields. Its LoginFact
// says which field of the parameter plays which role.
package structwrap

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

type Credentials struct {
	Username, Password, Token, ClientID, ClientSecret string
}

type Session struct{ AccessToken, InstanceURL string }

func LoginByOAuth(c Credentials) (*Session, error) { // want LoginByOAuth:`login OAuth token endpoint \(/services/oauth2/token\) err=1 session=0 arg0.ClientID=client id arg0.ClientSecret=client secret arg0.Username=username arg0.Password=password\+security token arg0.Token=password\+security token`
	resp, err := http.PostForm("https://login.salesforce.com/services/oauth2/token", url.Values{
		"grant_type":    {"password"},
		"client_id":     {c.ClientID},
		"client_secret": {c.ClientSecret},
		"username":      {c.Username},
		"password":      {fmt.Sprintf("%v%v", c.Password, c.Token)},
	})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("login: %s", resp.Status)
	}
	var s Session
	return &s, json.NewDecoder(resp.Body).Decode(&s)
}

type Config struct {
	Creds *Credentials
	Env   string
}

// LoginConfig reads them one level deeper, through a pointer.
func LoginConfig(cfg Config) (*Session, error) { // want LoginConfig:`login OAuth token endpoint \(/services/oauth2/token\) err=1 session=0 arg0.Creds.ClientSecret=client secret`
	resp, err := http.PostForm("https://login.salesforce.com/services/oauth2/token", url.Values{
		"grant_type": {"client_credentials"}, "client_secret": {cfg.Creds.ClientSecret},
	})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var s Session
	return &s, json.NewDecoder(resp.Body).Decode(&s)
}
