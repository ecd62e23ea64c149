// Package ldap is an UNRELATED look-alike used by negative tests: it has a
// NewClient/Login/Logout shape like the Salesforce clients but is not one.
// It mirrors no real module.
package ldap

type Client struct{}

type Session struct{ Token string }

func NewClient(addr string) *Client { return &Client{} }

func (c *Client) Login(user, password string) (*Session, error) { return &Session{}, nil }

func (c *Client) Logout() error { return nil }
