// Shape: a library's connect wrapper over simpleforce of 2020: it hands the
// login error back unchanged, so its callers (another package) are checked,
// and told what the version they load keeps.
package lib

import "github.com/simpleforce/simpleforce"

func Connect(url, user, pass, token string) (*simpleforce.Client, error) { // want Connect:`^no fault code SOAP \(github.com/simpleforce/simpleforce as loaded \(the 2020 version\) has no simpleforce.SalesforceError\)$`
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil {
		return nil, err
	}
	return c, nil
}
