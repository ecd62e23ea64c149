// Stub of github.com/cenkalti/backoff/v4@v4.3.0 (package backoff), timer.go, for analysistest.
// Generated from the real source: declarations kept, function bodies replaced
// by zero-value returns, unreferenced unexported declarations dropped.

package backoff

import "time"

type Timer interface {
	Start(duration time.Duration)
	Stop()
	C() <-chan time.Time
}
