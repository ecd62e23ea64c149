// Package oauth2ev logs in with x/oauth2's password grant where the TokenURL
// is not a constant: the code says otherwise that the endpoint is
// Salesforce's (a setting named for it, the token's instance_url, the token
// handed to a Salesforce client), or does not, and the call stays unresolved.
package oauth2ev

import (
	"context"
	"flag"
	"net/http"
	"os"

	salesforce "github.com/k-capehart/go-salesforce/v3"
	"github.com/nimajalali/go-force/force"
	"golang.org/x/oauth2"
)

type SalesforceConfig struct {
	ClientID, ClientSecret, TokenURL, Username, Password string
}

// A Terraform provider's setting: the TokenURL of a SalesforceConfig.
func fromSetting(ctx context.Context, cfg SalesforceConfig) (*oauth2.Token, error) {
	conf := &oauth2.Config{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, Endpoint: oauth2.Endpoint{TokenURL: cfg.TokenURL}}
	return conf.PasswordCredentialsToken(ctx, cfg.Username, cfg.Password) // want `login oauth2.\(\*Config\).PasswordCredentialsToken err=1 session=0 username password\+security token`
}

type settings struct{ SFTokenURL string }

func fromField(ctx context.Context, s settings, u, p string) (*oauth2.Token, error) {
	conf := oauth2.Config{}
	conf.Endpoint.TokenURL = s.SFTokenURL
	return conf.PasswordCredentialsToken(ctx, u, p) // want `login oauth2.\(\*Config\).PasswordCredentialsToken`
}

func fromEnv(ctx context.Context, u, p string) (*oauth2.Token, error) {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: os.Getenv("SF_TOKEN_URL")}}
	return conf.PasswordCredentialsToken(ctx, u, p) // want `login oauth2.\(\*Config\).PasswordCredentialsToken`
}

var tokenURLFlag = flag.String("salesforce-token-url", "", "the org's token URL")

func fromFlag(ctx context.Context, u, p string) (*oauth2.Token, error) {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: *tokenURLFlag}}
	return conf.PasswordCredentialsToken(ctx, u, p) // want `login oauth2.\(\*Config\).PasswordCredentialsToken`
}

// The token's instance_url: only Salesforce answers one.
func instance(ctx context.Context, tokenURL, u, p string) (string, error) {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	tok, err := conf.PasswordCredentialsToken(ctx, u, p) // want `login oauth2.\(\*Config\).PasswordCredentialsToken`
	if err != nil {
		return "", err
	}
	s, _ := tok.Extra("instance_url").(string)
	return s, nil
}

// The access token handed to Salesforce clients.
func goForce(ctx context.Context, tokenURL, u, p, instanceURL string) (*force.ForceApi, error) {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	tok, err := conf.PasswordCredentialsToken(ctx, u, p) // want `login oauth2.\(\*Config\).PasswordCredentialsToken`
	if err != nil {
		return nil, err
	}
	return force.CreateWithAccessToken("v52.0", "id", tok.AccessToken, instanceURL) // want `reuse force.CreateWithAccessToken`
}

func goSalesforce(ctx context.Context, tokenURL, u, p, domain string) (*salesforce.Salesforce, error) {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	tok, err := conf.PasswordCredentialsToken(ctx, u, p) // want `login oauth2.\(\*Config\).PasswordCredentialsToken`
	if err != nil {
		return nil, err
	}
	return salesforce.Init(salesforce.Creds{Domain: domain, AccessToken: tok.AccessToken}) // want `reuse salesforce.Init`
}

// ---- not Salesforce, or not sure ----

func anyServer(ctx context.Context, tokenURL, u, p string) (*http.Client, error) {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return nil, err
	}
	return conf.Client(ctx, tok), nil
}

type GitLabConfig struct{ TokenURL string }

func gitlab(ctx context.Context, cfg GitLabConfig, u, p string) (*oauth2.Token, error) {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: cfg.TokenURL}}
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return nil, err
	}
	_ = tok.Extra("id_token")
	return tok, nil
}
