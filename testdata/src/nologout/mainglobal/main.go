// Command mainglobal keeps its go-soapforce client in a package variable,
// logs in from a helper main calls and never logs out: the shape of small
// schema-sync tools and sample programs. The variable is the command's own
// (nothing outside package main can end the session), and no function of
// the program logs it out.
package main

import (
	"fmt"
	"os"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

var client = soapforce.NewClient()

// describe only borrows the client.
func describe(c *soapforce.Client, name string) error {
	_, err := c.DescribeSObject(name)
	return err
}

func sync() error {
	res, err := client.Login(os.Getenv("SF_USER"), os.Getenv("SF_PASS")) // want `session from soapforce.\(\*Client\).Login, kept in the package variable client, is never logged out\. `
	if err != nil {
		return err
	}
	if res.PasswordExpired {
		return fmt.Errorf("password expired")
	}
	if client == nil {
		return nil
	}
	return describe(client, "Account")
}

// other is a second global handed to a function the program cannot see
// into: it may be ended there, so it is not reported.
var other = soapforce.NewClient()

var keep func(*soapforce.Client)

func syncOther() error {
	_, err := other.Login(os.Getenv("SF_USER"), os.Getenv("SF_PASS"))
	if err != nil {
		return err
	}
	keep(other)
	return nil
}

func main() {
	if err := sync(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := syncOther(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
