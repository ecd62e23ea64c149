// Shape: a wrapper over simpleforce of 2021 that hands the error back: its
// fact says the code is in the text, in that version.
package lib

import "github.com/simpleforce/simpleforce"

func Connect(url, user, pass, token string) (*simpleforce.Client, error) { // want Connect:`^fault in text SOAP \(github.com/simpleforce/simpleforce as loaded \(the 2021 versions\) has no simpleforce.SalesforceError\)$`
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	return c, c.LoginPassword(user, pass, token)
}
