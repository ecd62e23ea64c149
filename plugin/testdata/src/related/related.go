// Package related has a finding with related information: a login retried
// by a loop (the loop is the related location).
package related

import (
	"os"

	"github.com/simpleforce/simpleforce"
)

func Connect() *simpleforce.Client {
	c := simpleforce.NewClient(os.Getenv("SF_URL"), "id", "54.0")
	for {
		if err := c.LoginPassword(os.Getenv("SF_USER"), os.Getenv("SF_PASSWORD"), os.Getenv("SF_TOKEN")); err != nil {
			continue
		}
		return c
	}
}
