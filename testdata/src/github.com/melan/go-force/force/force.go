// Package force is a stub of github.com/melan/go-force/force at 6a45aa01b553
// (the revision a Terraform provider pins), a fork of nimajalali/go-force that
// splits Create into CreateOAuth (the OAuth username-password login: the
// library appends the security token to the password) and CreateApi. A
// failed login is the fork's *ApiError (ErrorName holds the OAuth "error",
// e.g. invalid_grant). Subset: the login, session and error API, and a few
// query methods; bodies return zero values.
package force

import "net/url"

type ForceApiLogger interface {
	Printf(format string, v ...interface{})
}

type traceable struct{}

func (t *traceable) TraceOn(prefix string, logger ForceApiLogger) {}
func (t *traceable) TraceOff()                                    {}

type OAuth struct {
	*traceable
	AccessToken string `json:"access_token"`
	InstanceUrl string `json:"instance_url"`
	Id          string `json:"id"`
	IssuedAt    string `json:"issued_at"`
	Signature   string `json:"signature"`

	clientId, clientSecret, refreshToken, userName, password, securityToken, environment string
}

type Api struct {
	*traceable
	apiVersion string
	oauth      *OAuth
}

type ApiErrors []*ApiError

type ApiError struct {
	Fields           []string `json:"fields,omitempty" force:"fields,omitempty"`
	Message          string   `json:"message,omitempty" force:"message,omitempty"`
	ErrorCode        string   `json:"errorCode,omitempty" force:"errorCode,omitempty"`
	ErrorName        string   `json:"error,omitempty" force:"error,omitempty"`
	ErrorDescription string   `json:"error_description,omitempty" force:"error_description,omitempty"`
}

func (e ApiErrors) Error() string  { return "" }
func (e ApiErrors) String() string { return "" }
func (e ApiErrors) Validate() bool { return false }
func (e ApiError) Error() string   { return "" }
func (e ApiError) String() string  { return "" }
func (e ApiError) Validate() bool  { return false }

// CreateOAuth logs in with the OAuth username-password flow.
func CreateOAuth(clientId, clientSecret, userName, password, securityToken, environment string) (*OAuth, error) {
	return nil, nil
}
func CreateOAuthWithAccessToken(clientId, accessToken, instanceUrl string) (*OAuth, error) {
	return nil, nil
}
func CreateOAuthWithRefreshToken(clientId, accessToken, instanceUrl string) (*OAuth, error) {
	return nil, nil
}
func CreateApi(version string, oauth *OAuth) (*Api, error) { return nil, nil }

func (oauth *OAuth) Authenticate() error                              { return nil }
func (oauth *OAuth) RefreshToken() error                              { return nil }
func (oauth *OAuth) Validate() error                                  { return nil }
func (oauth *OAuth) Expired(apiErrors ApiErrors) bool                 { return false }
func (forceApi *Api) GetAccessToken() string                          { return "" }
func (forceApi *Api) GetInstanceURL() string                          { return "" }
func (forceApi *Api) Query(query string, out interface{}) (err error) { return nil }
func (forceApi *Api) Get(path string, params url.Values, out interface{}) error {
	return nil
}
