// Package raw logs in over plain net/http and with x/oauth2.
package raw

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

func postForm(user, pass string) error {
	resp, err := http.PostForm(tokenURL, url.Values{ // want `login OAuth token endpoint \(/services/oauth2/token\) err=1 session=0 username password\+security token`
		"grant_type": {"password"},
		"username":   {user},
		"password":   {pass},
	})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func newRequest(ctx context.Context, instance, pass string) error {
	form := url.Values{}
	form.Set("grant_type", "password")
	form.Set("password", pass)
	req, err := http.NewRequestWithContext(ctx, "POST", instance+"/services/oauth2/token", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `login OAuth token endpoint \(/services/oauth2/token\) err=1 session=0 password\+security token`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func refresh(rt string) error {
	_, err := http.PostForm(tokenURL, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}) // want `refresh OAuth token endpoint`
	return err
}

func revoke(tok string) error {
	_, err := http.PostForm("https://login.salesforce.com/services/oauth2/revoke", url.Values{"token": {tok}}) // want `logout OAuth revoke endpoint`
	return err
}

const envelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
<soapenv:Body><urn:login><urn:username>%s</urn:username><urn:password>%s</urn:password></urn:login></soapenv:Body></soapenv:Envelope>`

func soapLogin(u, p string) error {
	body := strings.NewReader(strings.ReplaceAll(envelope, "%s", u+p))
	_, err := http.Post("https://login.salesforce.com/services/Soap/u/59.0", "text/xml", body) // want `login SOAP login\(\) \(/services/Soap\) err=1 session=0`
	return err
}

func notSalesforce() error {
	_, err := http.PostForm("https://example.com/token", url.Values{"password": {"x"}})
	return err
}

var sfConfig = &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}

func oauthLogin(ctx context.Context, u, p string) (*oauth2.Token, error) {
	return sfConfig.PasswordCredentialsToken(ctx, u, p) // want `login oauth2.\(\*Config\).PasswordCredentialsToken err=1 session=0 username password\+security token`
}

func googleLogin(ctx context.Context, u, p string) (*oauth2.Token, error) {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: "https://oauth2.googleapis.com/token"}}
	return conf.PasswordCredentialsToken(ctx, u, p)
}

func oauthLoginLocal(ctx context.Context, u, p string) error {
	conf := oauth2.Config{}
	conf.Endpoint.TokenURL = "https://test.salesforce.com/services/oauth2/token"
	_, err := conf.PasswordCredentialsToken(ctx, u, p) // want `login oauth2.\(\*Config\).PasswordCredentialsToken`
	return err
}
