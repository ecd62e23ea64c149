// Package funcvalue logs in through function values: a method value bound
// to the client, a library function kept in a variable, and a closure the
// loop calls (seen in sync jobs that wrap the login in a local attempt
// function). The retry is the loop around the call of the value.
package funcvalue

import (
	"time"

	"github.com/nimajalali/go-force/force"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

func MethodValue(c *soapforce.Client, user, pass string) error {
	login := c.Login
	var err error
	for i := 0; i < 5; i++ {
		if _, err = login(user, pass); err == nil { // want `login \(which calls soapforce.\(\*Client\).Login\) is retried in a loop`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func FuncValue(user, pass, token string) (*force.ForceApi, error) {
	create := force.Create
	for {
		api, err := create("v59.0", "id", "secret", user, pass, token, "production") // want `create \(which calls force.Create\) is retried in a loop`
		if err == nil {
			return api, nil
		}
	}
}

func Closure(c *soapforce.Client, user, pass string) error {
	attempt := func() error {
		_, err := c.Login(user, pass)
		return err
	}
	var err error
	for i := 0; i < 3; i++ {
		if err = attempt(); err == nil { // want `attempt \(which calls soapforce.\(\*Client\).Login\) is retried in a loop`
			return nil
		}
	}
	return err
}

// Negative: the closure is called once.
func ClosureOnce(c *soapforce.Client, user, pass string) error {
	attempt := func() error {
		_, err := c.Login(user, pass)
		return err
	}
	return attempt()
}

// Negative: a variable assigned twice may hold anything.
func Reassigned(c *soapforce.Client, user, pass string, dry bool) error {
	login := c.Login
	if dry {
		login = func(string, string) (*soapforce.LoginResult, error) { return nil, nil }
	}
	for {
		if _, err := login(user, pass); err == nil {
			return nil
		}
	}
}
