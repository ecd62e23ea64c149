// Package simpleforce is a stub of github.com/simpleforce/simpleforce (the
// two calls the plugin test needs).
package simpleforce

type Client struct{ sid string }

func NewClient(url, clientID, apiVersion string) *Client { return &Client{} }

func (client *Client) LoginPassword(username, password, token string) error { return nil }
