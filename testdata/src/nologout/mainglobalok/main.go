// Command mainglobalok keeps its client in a package variable and logs it
// out when main is done: negative.
package main

import (
	"fmt"
	"os"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

var client = soapforce.NewClient()

func login() error {
	_, err := client.Login(os.Getenv("SF_USER"), os.Getenv("SF_PASS"))
	return err
}

func main() {
	if err := login(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer client.Logout()
	_, _ = client.DescribeSObject("Account")
}
