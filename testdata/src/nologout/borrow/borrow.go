// Package borrow holds command functions that log in and hand the client to
// helpers. A helper that only calls methods on the client borrows it, in this
// package or in another one (borrowlib): the command still owns the session
// and must log it out. Seen in data-loader CLIs where most commands pass the
// client to a query builder and return without a logout.
package borrow

import (
	"nologout/borrowlib"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

// buildQuery only calls a method on the client: a borrow.
func buildQuery(c *soapforce.Client, object string) (string, error) {
	d, err := c.DescribeSObject(object)
	if err != nil {
		return "", err
	}
	return "SELECT Id FROM " + d.Name, nil
}

// BorrowedHere: the helper of this package only borrows the client.
func BorrowedHere(user, pass, object string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil { // want `session from soapforce.\(\*Client\).Login is not logged out on all paths`
		return err
	}
	q, err := buildQuery(c, object)
	if err != nil {
		return err
	}
	_, err = c.Query(q)
	return err
}

// BorrowedThere: the helper of another package only borrows it (a fact).
func BorrowedThere(user, pass, object string) (int, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil { // want `not logged out on all paths`
		return 0, err
	}
	return borrowlib.Count(c, object)
}

// LoggedOut: borrowed, and logged out by the command.
func LoggedOut(user, pass, object string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return err
	}
	defer c.Logout()
	_, err := borrowlib.Describe(c, object)
	return err
}

// Kept: the helper stores the client in its pool: it is the pool's now.
func Kept(user, pass string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return err
	}
	borrowlib.Keep(c)
	return nil
}

// ClosedByHelper: the helper logs the session out.
func ClosedByHelper(user, pass, object string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return err
	}
	defer borrowlib.Close(c)
	_, err := borrowlib.Describe(c, object)
	return err
}

// Wrapped: the client goes into an owner value that is returned.
func Wrapped(user, pass string) (*borrowlib.Owner, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return nil, err
	}
	return borrowlib.Wrap(c), nil
}

// Unknown: a function value may do anything with the client: silent.
func Unknown(user, pass string, use func(*soapforce.Client) error) error {
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return err
	}
	return use(c)
}
