// Package wrapped retries logins made through another package's wrappers.
package wrapped

import (
	"log"
	"time"

	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/session"
	"github.com/simpleforce/simpleforce"

	"blindretry/sfauth"
)

func blind(cfg sfauth.Config) *simpleforce.Client {
	for {
		c, err := sfauth.Connect(cfg) // want `sfauth\.Connect \(which calls simpleforce\.\(\*Client\)\.LoginPassword\) is retried in a loop without classifying the fault\. Stop on INVALID_LOGIN, PASSWORD_LOCKOUT`
		if err == nil {
			return c
		}
		log.Print(err)
		time.Sleep(time.Minute)
	}
}

// classified: the classifier of the other package is recognised by its fact.
func classified(cfg sfauth.Config) (*simpleforce.Client, error) {
	for {
		c, err := sfauth.Connect(cfg)
		if err == nil {
			return c, nil
		}
		if sfauth.Fatal(err) {
			return nil, err
		}
		time.Sleep(time.Minute)
	}
}

// noCode: go-sfdc drops the fault code, so the advice is network errors only.
func noCode(cfg sfdc.Configuration) *session.Session {
	for i := 0; ; i++ {
		s, err := sfauth.Open(cfg) // want `sfauth\.Open \(which calls session\.Open\) is retried in a loop without looking at why it failed\. The library keeps no fault code: retry only network errors \(errors\.As with \*net\.OpError, or a \*url\.Error whose Timeout\(\) is true\), or do not retry the login`
		if err == nil || i == 3 {
			return s
		}
	}
}

// perConfig logs in once per configuration.
func perConfig(cfgs []sfauth.Config) {
	for _, cfg := range cfgs {
		if _, err := sfauth.Connect(cfg); err != nil {
			log.Print(err)
		}
	}
}
