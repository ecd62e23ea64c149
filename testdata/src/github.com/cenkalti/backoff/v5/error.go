// Stub of github.com/cenkalti/backoff/v5@v5.0.3 (package backoff), error.go, for analysistest.
// Generated from the real source: declarations kept, function bodies replaced
// by zero-value returns, unreferenced unexported declarations dropped.

package backoff

import (
	"time"
)

// PermanentError signals that the operation should not be retried.
type PermanentError struct {
	Err error
}

// Permanent wraps the given err in a *PermanentError.
func Permanent(err error) error {
	return nil
}

// Error returns a string representation of the Permanent error.
func (e *PermanentError) Error() string {
	return ""
}

// Unwrap returns the wrapped error.
func (e *PermanentError) Unwrap() error {
	return nil
}

// RetryAfterError signals that the operation should be retried after the given duration.
type RetryAfterError struct {
	Duration time.Duration
}

// RetryAfter returns a RetryAfter error that specifies how long to wait before retrying.
func RetryAfter(seconds int) error {
	return nil
}

// Error returns a string representation of the RetryAfter error.
func (e *RetryAfterError) Error() string {
	return ""
}
