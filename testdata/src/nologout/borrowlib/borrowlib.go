// want package:"salesforce"
// Package borrowlib stands for the helpers of a command-line tool or a
// service that work with a Salesforce client they are given: some only call
// methods on it (they borrow it: the caller must still log it out), others
// keep it, hand it on, or log it out (they take it over). Which is which is
// known from facts across packages, never from a name.
package borrowlib

import (
	"fmt"
	"sync"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

// Describe only calls methods on the client: a borrow.
func Describe(c *soapforce.Client, object string) (string, error) { // want Describe:"borrows 0"
	d, err := c.DescribeSObject(object)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s (%s)", object, d.Label), nil
}

// Count borrows the client through another borrowing helper of its package.
func Count(c *soapforce.Client, object string) (int, error) { // want Count:"borrows 0"
	if _, err := Describe(c, object); err != nil {
		return 0, err
	}
	res, err := c.Query("SELECT Id FROM " + object)
	if err != nil {
		return 0, err
	}
	return int(res.Size), nil
}

var (
	mu   sync.Mutex
	pool []*soapforce.Client
)

// Keep stores the client in a package-level pool: it takes it over.
func Keep(c *soapforce.Client) {
	mu.Lock()
	defer mu.Unlock()
	pool = append(pool, c)
}

// Close logs the client out: it takes the session over, and ends it.
func Close(c *soapforce.Client) error { return c.Logout() } // want Close:`logout soapforce.\(\*Client\).Logout session=recv`

// Owner keeps the client in the value it returns: it takes it over.
type Owner struct{ c *soapforce.Client }

func Wrap(c *soapforce.Client) *Owner { return &Owner{c: c} }
