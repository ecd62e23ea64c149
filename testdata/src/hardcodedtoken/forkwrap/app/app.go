// Package app passes literals to another package's wrapper of the fork's login.
package app

import (
	"os"

	"hardcodedtoken/forkwrap/conn"
)

func Open() error {
	_, err := conn.Connect(os.Getenv("SF_CLIENT_ID"), "9f8e7d6c5b4a39281706f5e4d3c2b1a0", os.Getenv("SF_USER"), // want `^client secret \(parameter clientSecret\) for conn.Connect \(which calls force.CreateOAuth\) is a 32-char string literal`
		os.Getenv("SF_PASSWORD"), os.Getenv("SF_TOKEN"))
	return err
}
