package sfpool

import (
	"fmt"

	"github.com/tzmfreedom/go-soapforce"
)

// Conn is the original one-session-per-connection type. The reporting tool
// still opens one per report with Open/Close, database/sql style.
type Conn struct {
	client    *soapforce.Client
	serverURL string
	userID    string
}

// Open logs in and wraps the session.
func Open(cfg Config) (*Conn, error) {
	c := soapforce.NewClient()
	c.SetLoginUrl(cfg.LoginHost)
	res, err := c.Login(cfg.Username, cfg.Password+cfg.SecurityToken)
	if err != nil {
		return nil, fmt.Errorf("sfpool: open: %w", err)
	}
	if res.PasswordExpired {
		return nil, ErrPasswordExpired
	}
	return &Conn{client: c, serverURL: res.ServerUrl, userID: res.UserId}, nil
}

// Query runs a SOQL query on the connection's session.
func (c *Conn) Query(soql string) (*soapforce.QueryResult, error) {
	if c.client == nil {
		return nil, fmt.Errorf("sfpool: query on closed connection")
	}
	return c.client.Query(soql)
}

// ServerURL is the instance the session lives on.
func (c *Conn) ServerURL() string { return c.serverURL }

// Close releases the connection.
// BAD(nologout): the session opened in Open lives as long as the Conn, but Close only drops the pointer and never calls Logout.
func (c *Conn) Close() error {
	c.client = nil
	return nil
}
