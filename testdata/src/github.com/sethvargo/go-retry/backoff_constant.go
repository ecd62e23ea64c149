// Stub of github.com/sethvargo/go-retry@v0.5.0 (package retry), backoff_constant.go, for analysistest.
// Generated from the real source: declarations kept, function bodies replaced
// by zero-value returns, unreferenced unexported declarations dropped.

package retry

import (
	"context"
	"time"
)

// Constant is a wrapper around Retry that uses a constant backoff. It panics if
// the given base is less than zero.
func Constant(ctx context.Context, t time.Duration, f RetryFunc) error {
	return nil
}

// NewConstant creates a new constant backoff using the value t. The wait time
// is the provided constant value. It panics if the given base is less than
// or equal to zero.
func NewConstant(t time.Duration) Backoff {
	return nil
}
