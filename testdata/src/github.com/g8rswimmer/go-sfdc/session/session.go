// Stub of github.com/g8rswimmer/go-sfdc@v2.0.1+incompatible (package session) for analysistest.
// Copied from session/session.go of that version; bodies return zero values.
//
// Open performs the OAuth password (or JWT) grant against
// Credentials.URL()+"/services/oauth2/token". A failed login returns
// fmt.Errorf("session response error: %d %s", ...): no fault code can be recovered.
// There is no logout.

package session

import (
	"net/http"

	"github.com/g8rswimmer/go-sfdc"
)

type Session struct {
	response *sessionPasswordResponse
	config   sfdc.Configuration
}

type Clienter interface {
	Client() *http.Client
}

type InstanceFormatter interface {
	InstanceURL() string
	AuthorizationHeader(*http.Request)
	Clienter
}

type ServiceFormatter interface {
	InstanceFormatter
	ServiceURL() string
}

type sessionPasswordResponse struct {
	AccessToken string `json:"access_token"`
	InstanceURL string `json:"instance_url"`
	ID          string `json:"id"`
	TokenType   string `json:"token_type"`
	IssuedAt    string `json:"issued_at"`
	Signature   string `json:"signature"`
}

func Open(config sfdc.Configuration) (*Session, error) { return nil, nil }

func (session *Session) InstanceURL() string { return "" }

func (session *Session) ServiceURL() string { return "" }

func (session *Session) AuthorizationHeader(request *http.Request) {}

func (session *Session) Client() *http.Client { return session.config.Client }
