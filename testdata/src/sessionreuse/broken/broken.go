// Package broken does not type-check: the analyzer must not panic on it,
// and still reports the login in the handler that is well typed around it.
package broken

import (
	"net/http"
	"time"

	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

func wrongArity(u, p string) {
	for range time.Tick(time.Minute) {
		c := soapforce.NewClient()
		res, err, extra := c.Login(u, p)
		if err != nil {
			continue
		}
		c.Query(res, extra)
	}
}

func undefinedClient(w http.ResponseWriter, r *http.Request) {
	_, err := missing.Login("u", "p")
	if err != nil {
		undefinedFunc(w)
	}
}

var cache *simpleforce.Client

func shadowUndefined(u, p string) *simpleforce.Client {
	if cache != nil {
		return cache
	}
	cache, err := undefinedConnect(u, p)
	_ = err
	return cache
}

type dao struct{ c *soapforce.Client }

func (d *dao) Query(q string) (*soapforce.QueryResult, error) {
	if _, err := d.c.Login(); err != nil {
		return nil, err
	}
	return d.c.Query(q, 2)
}

func every(d time.Duration, fn func()) {
	for {
		fn(1)
		time.Sleep(d)
	}
}

func handler(w http.ResponseWriter, r *http.Request) {
	c := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword("user", "pass", "tok"); err != nil {
		return
	}
	c.Query("SELECT Id FROM User")
}

// A type error of its own: findings in this function would be dropped, not
// those of the functions around it.
func illTyped() {
	var x int = "s"
	_ = x
}
