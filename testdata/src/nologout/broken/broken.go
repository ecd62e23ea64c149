// Package broken does not type-check: the analyzer must not panic on it.
package broken

import (
	soapforce "github.com/tzmfreedom/go-soapforce"
)

func wrongArity(u, p string) error {
	c := soapforce.NewClient()
	res, err, extra := c.Login(u, p)
	if err != nil {
		return err
	}
	return undefinedFunc(c, res, extra)
}

func undefinedClient(u, p string) error {
	_, err := missing.Login(u, p)
	return err
}

func badMethod(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u); err != nil {
		return err
	}
	c.NoSuchMethod()
	return c.Logout(1)
}

type owner struct{ c *soapforce.Client }

func (o *owner) Open(u, p string) error {
	_, err := o.c.Login(u, p)
	return err
}

func (o *owner) Close() error {
	o.c = undefinedValue
	return nil
}

func leak(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	return nil
}

// A type error of its own: findings in this function would be dropped, not
// those of the functions around it.
func illTyped() {
	var x int = "s"
	_ = x
}
