// Shape: a Terraform provider (a library: its plugin serves many operations)
// logs in with x/oauth2's password grant against a token URL taken from its
// SalesforceConfig, and calls log.Fatal on failure: the plugin dies and no
// code is read. The TokenURL is no constant: the Salesforce evidence is the
// setting's type and the token's instance_url.
package oauth2ev

import (
	"context"
	"errors"
	"fmt"
	"log"

	"golang.org/x/oauth2"
)

type SalesforceConfig struct {
	ClientID, ClientSecret, TokenURL, Username, Password string
}

func SalesforceToken(cfg SalesforceConfig) (*oauth2.Token, string) {
	conf := &oauth2.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		Endpoint:     oauth2.Endpoint{TokenURL: cfg.TokenURL},
	}
	tok, err := conf.PasswordCredentialsToken(context.Background(), cfg.Username, cfg.Password) // want `^the login error of oauth2.\(\*Config\).PasswordCredentialsToken is only passed to log.Fatal`
	if err != nil {
		log.Fatal(err)
	}
	instance, _ := tok.Extra("instance_url").(string)
	return tok, instance
}

// ---- not reported ----

// The RetrieveError goes back to the provider, which reports it.
func salesforceTokenErr(cfg SalesforceConfig) (*oauth2.Token, error) { // want salesforceTokenErr:`fault \*oauth2.RetrieveError.ErrorCode OAuth`
	conf := &oauth2.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		Endpoint:     oauth2.Endpoint{TokenURL: cfg.TokenURL},
	}
	return conf.PasswordCredentialsToken(context.Background(), cfg.Username, cfg.Password)
}

// An OAuth server that is not Salesforce's, as far as the code says.
func anyToken(ctx context.Context, tokenURL, u, p string) *oauth2.Token {
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	tok, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		log.Print(err)
		return nil
	}
	return tok
}

// Classified: stops on invalid_grant.
func classified(ctx context.Context, cfg SalesforceConfig) (*oauth2.Token, error) { // want classified:`fault \*oauth2.RetrieveError.ErrorCode OAuth inspected`
	conf := oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: cfg.TokenURL}}
	tok, err := conf.PasswordCredentialsToken(ctx, cfg.Username, cfg.Password)
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.ErrorCode == "invalid_grant" {
		return nil, fmt.Errorf("salesforce rejected the credentials: %w", err)
	}
	return tok, err
}
