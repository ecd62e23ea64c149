// Shape: a collector that retries its simpleforce login in a loop, pinning
// the 2020 version: the error is ErrFailure whatever the reason, so the
// advice cannot be "stop on INVALID_LOGIN" (nothing says it): retry only
// network errors, or do not retry.
package v2020

import (
	"time"

	"github.com/simpleforce/simpleforce"
)

func Connect(url, user, pass, token string) *simpleforce.Client {
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	for {
		err := c.LoginPassword(user, pass, token) // want `simpleforce\.\(\*Client\)\.LoginPassword is retried in a loop without looking at why it failed\. The library keeps no fault code: retry only network errors`
		if err == nil {
			return c
		}
		time.Sleep(time.Second)
	}
}
