// Package sfwrap wraps go-soapforce the way integrations do; package
// wrapuse calls it. The shared pass exports facts on these functions.
package sfwrap

import (
	"fmt"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

// Connect logs in and hands the client back: the caller must log it out.
func Connect(u, p string) (*soapforce.Client, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return c, nil
}

// LoginOn logs in on the client it is given.
func LoginOn(c *soapforce.Client, u, p string) (*soapforce.LoginResult, error) {
	return c.Login(u, p)
}

// Disconnect logs the client out.
func Disconnect(c *soapforce.Client) error { return c.Logout() }

// DAO keeps the client it logs in with.
type DAO struct{ c *soapforce.Client }

// NewDAO returns a DAO with a fresh client.
func NewDAO() *DAO { return &DAO{c: soapforce.NewClient()} }

// Open logs in on the DAO's own client.
func (d *DAO) Open(u, p string) error {
	_, err := d.c.Login(u, p)
	return err
}

// Close logs the DAO's session out.
func (d *DAO) Close() error { return d.c.Logout() }

// Accounts queries with the DAO's session.
func (d *DAO) Accounts() (int, error) {
	qr, err := d.c.Query("SELECT Id FROM Account")
	if err != nil {
		return 0, err
	}
	return int(qr.Size), nil
}

// Keeper logs in on a client it creates and keeps.
type Keeper struct{ c *soapforce.Client }

// Start logs in on the Keeper's own client.
func (k *Keeper) Start(u, p string) error {
	k.c = soapforce.NewClient()
	_, err := k.c.Login(u, p)
	return err
}
