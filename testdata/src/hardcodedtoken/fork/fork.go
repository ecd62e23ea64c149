// Package fork is a go-force fork's test package: the fork renamed Create to
// CreateOAuth, which the shared pass infers from its parameter names.
package fork

import (
	"os"

	"github.com/melan/go-force/force"
)

// Login reads every secret from the environment: nothing to report.
func Login() (*force.OAuth, error) {
	return force.CreateOAuth(os.Getenv("SF_CLIENT_ID"), os.Getenv("SF_CLIENT_SECRET"), os.Getenv("SF_USER"),
		os.Getenv("SF_PASSWORD"), os.Getenv("SF_TOKEN"), "production")
}
