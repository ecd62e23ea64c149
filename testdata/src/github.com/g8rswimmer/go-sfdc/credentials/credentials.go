// Stub of github.com/g8rswimmer/go-sfdc@v2.0.1+incompatible (package credentials) for analysistest.
// Copied from credentials/credentials.go of that version; bodies return zero values.
// The security token must be appended to PasswordCredentials.Password by the caller.

package credentials

import "io"

type PasswordCredentials struct {
	URL          string
	Username     string
	Password     string
	ClientID     string
	ClientSecret string
}

type Credentials struct {
	provider Provider
}

type Provider interface {
	Retrieve() (io.Reader, error)
	URL() string
}

func (creds *Credentials) Retrieve() (io.Reader, error) { return nil, nil }

func (creds *Credentials) URL() string { return "" }

func NewCredentials(provider Provider) (*Credentials, error) { return nil, nil }

func NewPasswordCredentials(creds PasswordCredentials) (*Credentials, error) { return nil, nil }
