// want package:"flow facts"

// Package retrylib stands for a team's own retry helpers, in a utility
// package that imports no Salesforce library (the shared pass skips it for
// everything else): generic helpers that call their operation again after
// it failed. Whether a helper looks at the error first is known from its
// body, by a fact (RetryFact), across packages.
package retrylib

import (
	"errors"
	"time"
)

// Do calls op until it succeeds or attempts run out, whatever the error:
// a blind retry helper.
func Do[T any](attempts int, op func() (T, error)) (T, error) { // want Do:"retries param 1"
	var (
		v   T
		err error
	)
	for i := 0; i < attempts; i++ {
		if v, err = op(); err == nil {
			return v, nil
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return v, err
}

// Forever calls op again and again until it succeeds.
func Forever(op func() error) { // want Forever:"retries param 0"
	for {
		if err := op(); err == nil {
			return
		}
	}
}

// ErrPermanent marks an error that must not be retried.
var ErrPermanent = errors.New("permanent")

// Classified stops when op's error is marked permanent: it looks at the
// error before calling op again (not a blind helper).
func Classified(attempts int, op func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		err = op()
		if err == nil || errors.Is(err, ErrPermanent) {
			return err
		}
	}
	return err
}

// Once calls op once: no retry.
func Once(op func() error) error { return op() }
