// Package testfiles has its literal credentials in _test.go files, which
// hardcodedtoken checks by default.
package testfiles

import "github.com/simpleforce/simpleforce"

// NewClient returns a client for the sandbox.
func NewClient() *simpleforce.Client {
	return simpleforce.NewClient("https://acme--dev.sandbox.my.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
}
