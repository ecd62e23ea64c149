// Package plain has nothing to do with Salesforce: the shared pass skips it.
package plain

import (
	"net/http"
	"strings"
)

// Login is a method that merely shares the name.
type Client struct{}

// Login logs in to something else.
func (Client) Login(user, password string) error { return nil }

func handler(w http.ResponseWriter, r *http.Request) {
	var c Client
	_ = c.Login("u", strings.TrimSpace("p"))
}
