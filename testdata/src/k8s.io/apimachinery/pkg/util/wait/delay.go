// Stub of k8s.io/apimachinery@v0.37.2 (package wait), delay.go, for analysistest.
// Generated from the real source: declarations kept, function bodies replaced
// by zero-value returns, unreferenced unexported declarations dropped.
// Deviation: declarations that need k8s.io/utils/clock (Backoff.DelayWithReset,
// DelayFunc.Timer, BackoffManager, NewExponentialBackoffManager,
// NewJitteredBackoffManager, BackoffUntil, BackoffUntilWithContext, RealTimer)
// are left out so that the stub imports no other k8s package.

package wait

import (
	"context"
	"time"
)

// DelayFunc returns the next time interval to wait.
type DelayFunc func() time.Duration

// Until takes an arbitrary delay function and runs until cancelled or the condition indicates exit. This
// offers all of the functionality of the methods in this package.
func (fn DelayFunc) Until(ctx context.Context, immediate, sliding bool, condition ConditionWithContextFunc) error {
	return nil
}

// Concurrent returns a version of this DelayFunc that is safe for use by multiple goroutines that
// wish to share a single delay timer.
func (fn DelayFunc) Concurrent() DelayFunc {
	return nil
}
