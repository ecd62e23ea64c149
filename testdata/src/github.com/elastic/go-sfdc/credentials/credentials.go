// Stub of github.com/elastic/go-sfdc@v0.0.0-20241010131323-8e176480d727 (package credentials) for analysistest.
// Copied from credentials/credentials.go and jwt.go of that version; bodies return
// zero values. This fork adds JwtCredentials, NewJWTCredentials and JwtExpiration
// to the g8rswimmer API (the jwtProvider methods are unexported-type methods and
// are omitted).
// The security token must be appended to PasswordCredentials.Password by the caller.

package credentials

import (
	"crypto/rsa"
	"io"
	"time"
)

const (
	JwtExpiration = 3 * time.Minute
)

type PasswordCredentials struct {
	URL          string
	Username     string
	Password     string
	ClientID     string
	ClientSecret string
}

type JwtCredentials struct {
	URL            string
	ClientId       string // the client id as defined in the connected app in SalesForce
	ClientUsername string
	ClientKey      *rsa.PrivateKey // the client RSA key uploaded for authentication in the ConnectedApp
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

// NewJWTCredentials weill create a credntial with all required info about generating a JWT claims parameter
func NewJWTCredentials(creds JwtCredentials) (*Credentials, error) { return nil, nil }
