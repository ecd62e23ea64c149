// Package busy logs in: the shared pass must analyse it (the contrast to plain).
package busy

import soapforce "github.com/tzmfreedom/go-soapforce"

func login(u, p string) error {
	_, err := soapforce.NewClient().Login(u, p)
	return err
}
