// Package rawuse calls package rawwrap's hand-written logins: logins by fact.
package rawuse

import (
	"os"

	"sflogin/rawwrap"
)

func run() error {
	t, err := rawwrap.Login("id", os.Getenv("SF_SECRET"), "u", os.Getenv("SF_PASSWORD")) // want `login rawwrap.Login \(which calls OAuth token endpoint \(/services/oauth2/token\)\) err=1 session=0 client id client secret username password\+security token`
	if err != nil {
		return err
	}
	_ = t
	var c rawwrap.Client
	return c.Authenticate() // want `login rawwrap.\(\*Client\).Authenticate \(which calls OAuth token endpoint \(/services/oauth2/token\)\) err=0 session=recv`
}
