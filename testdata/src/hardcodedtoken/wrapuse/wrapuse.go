// Package wrapuse calls package wrap's login wrappers with literals: the
// wrappers' facts say which parameter reaches which credential.
package wrapuse

import (
	"os"

	"hardcodedtoken/wrap"
)

func use() error {
	if _, err := wrap.Connect("qa@example.com", "Winter2024!"+"kQ7zR2mX9vB4nL8pW3sT6yH1c"); err != nil { // want `^password\+security token for wrap.Connect \(which calls soapforce.\(\*Client\).Login\) is a 36-char string literal`
		return err
	}
	if _, err := wrap.ConnectParts("qa@example.com", os.Getenv("SF_PASSWORD"), "kQ7zR2mX9vB4nL8pW3sT6yH1c"); err != nil { // want `^security token for wrap.ConnectParts \(which calls soapforce.\(\*Client\).Login\) is a 25-char string literal`
		return err
	}
	if _, err := wrap.Open("https://login.salesforce.com", "qa@example.com", "Winter2024!x", os.Getenv("SF_SECURITY_TOKEN")); err != nil { // want `^password for wrap.Open \(which calls simpleforce.\(\*Client\).LoginPassword\) is a 12-char string literal`
		return err
	}
	_, err := wrap.Connect(os.Getenv("SF_USERNAME"), os.Getenv("SF_PASSWORD")+os.Getenv("SF_SECURITY_TOKEN"))
	return err
}
