// Package iface logs in through interfaces and through every library of the table.
package iface

import (
	"context"

	"github.com/ForceCLI/force/lib"
	csf "github.com/conductorone/simpleforce"
	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/session"
	salesforce "github.com/k-capehart/go-salesforce/v3"
	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	metaforce "github.com/tzmfreedom/go-metaforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

type passwordLogin interface {
	LoginPassword(username, password, token string) error
}

func viaInterface(l passwordLogin, u, p, t string) error {
	return l.LoginPassword(u, p, t) // want `login simpleforce.\(\*Client\).LoginPassword err=0 session=recv username password security token`
}

// other has a Login that no client of the table implements.
type other interface {
	Login(ctx context.Context, u, p string) error
}

func unrelatedInterface(ctx context.Context, o other) error {
	return o.Login(ctx, "u", "p")
}

func everyLibrary(ctx context.Context, u, p, t string) {
	_ = simpleforce.NewClient("url", "id", "v").LoginPassword(u, p, t) // want `login simpleforce.\(\*Client\).LoginPassword`
	cc, _ := csf.NewClient(ctx, "url", "id", "v")
	_ = cc.LoginPassword(ctx, u, p, t)                                                                // want `login simpleforce.\(\*Client\).LoginPassword err=0 session=recv username password security token`
	_, _ = force.Create("v", "id", "secret", u, p, t, "production")                                   // want `login force.Create err=1 session=0 client id client secret username password security token`
	_, _ = force.CreateWithAccessToken("v", "id", "tok", "https://x.my.salesforce.com")               // want `reuse force.CreateWithAccessToken`
	_, _ = salesforce.Init(salesforce.Creds{Domain: "d", Username: u, Password: p, SecurityToken: t}) // want `login salesforce.Init err=1 session=0 username password security token`
	_, _ = salesforce.Init(salesforce.Creds{Domain: "d", AccessToken: t})                             // want `reuse salesforce.Init`
	_, _ = session.Open(sfdc.Configuration{})                                                         // want `login session.Open err=1 session=0`
	_, _ = lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", u, p)                         // want `login lib.ForceSoapLoginAtEndpoint err=1 session=0 username password\+security token`
	_ = metaforce.NewClient().Login(u, p)                                                             // want `login metaforce.\(\*Client\).Login err=0 session=recv`
	c := soapforce.NewClient()
	c.SetAccessToken(t) // want `reuse soapforce.\(\*Client\).SetAccessToken`
	_ = c.Logout()      // want `logout soapforce.\(\*Client\).Logout`
}
