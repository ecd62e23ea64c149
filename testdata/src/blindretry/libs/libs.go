// Package libs retries the logins of the other client libraries.
package libs

import (
	"context"
	"errors"
	"log"
	"time"

	csf "github.com/conductorone/simpleforce"
	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/session"
	salesforce "github.com/k-capehart/go-salesforce/v3"
	"github.com/nimajalali/go-force/force"
)

func forceCreate(id, secret, user, pass, tok string) *force.ForceApi {
	for {
		api, err := force.Create("v52.0", id, secret, user, pass, tok, "production") // want `force\.Create is retried in a loop without classifying the fault\. Stop on invalid_grant, invalid_client_id and every other code`
		if err == nil {
			return api
		}
		time.Sleep(time.Second)
	}
}

func forceClassified(id, secret, user, pass, tok string) (*force.ForceApi, error) {
	for {
		api, err := force.Create("v52.0", id, secret, user, pass, tok, "production")
		var apiErr *force.ApiError
		if errors.As(err, &apiErr) && apiErr.ErrorName == "invalid_grant" {
			return nil, err
		}
		if err == nil {
			return api, nil
		}
	}
}

func goSalesforce(user, pass, tok string) *salesforce.Salesforce {
	creds := salesforce.Creds{Domain: "https://example.my.salesforce.com", Username: user, Password: pass, SecurityToken: tok, ConsumerKey: "key", ConsumerSecret: "secret"}
	for i := 0; i < 3; i++ {
		sf, err := salesforce.Init(creds) // want `salesforce\.Init is retried in a loop without looking at why it failed\. The library keeps no fault code`
		if err == nil {
			return sf
		}
		log.Print(err)
	}
	return nil
}

func goSfdc(cfg sfdc.Configuration) *session.Session {
	for {
		s, err := session.Open(cfg) // want `session\.Open is retried in a loop without looking at why it failed`
		if err == nil {
			return s
		}
	}
}

// fork: conductorone's simpleforce takes a leading context.
func fork(ctx context.Context, c *csf.Client, user, pass, tok string) {
	for c.LoginPassword(ctx, user, pass, tok) != nil { // want `simpleforce\.\(\*Client\)\.LoginPassword is retried in a loop`
		time.Sleep(time.Second)
	}
}
