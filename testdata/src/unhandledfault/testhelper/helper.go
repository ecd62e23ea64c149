// Shape: a helper in a non-test file that only the package's tests call; it prints the whole
// login error and calls os.Exit(1). Seen in the go-force library itself (force.createTest).
// Library: github.com/nimajalali/go-force/force (served v0.0.0-20200831220737-454890ee2b7c).
// Policy: a test (or code only tests reach) that prints the whole error and exits has handled it.
package testhelper

import (
	"fmt"
	"os"

	"github.com/nimajalali/go-force/force"
)

func newTestAPI() *force.ForceApi {
	api, err := force.Create("v52.0", os.Getenv("SF_CLIENT_ID"), os.Getenv("SF_CLIENT_SECRET"),
		os.Getenv("SF_USER"), os.Getenv("SF_PASS"), os.Getenv("SF_TOKEN"), "production")
	if err != nil {
		fmt.Printf("cannot create api for tests: %v", err)
		os.Exit(1)
	}
	return api
}

// NewAPI is reached from production code: printing and exiting here kills the host.
func NewAPI() *force.ForceApi {
	api, err := force.Create("v52.0", os.Getenv("SF_CLIENT_ID"), os.Getenv("SF_CLIENT_SECRET"), // want `^the login error of force.Create is only printed and followed by os.Exit`
		os.Getenv("SF_USER"), os.Getenv("SF_PASS"), os.Getenv("SF_TOKEN"), "production")
	if err != nil {
		fmt.Printf("cannot create api: %v", err)
		os.Exit(1)
	}
	return api
}
