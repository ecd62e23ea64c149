// Stub of github.com/sethvargo/go-retry@v0.5.0 (package retry), retry.go, for analysistest.
// Generated from the real source: declarations kept, function bodies replaced
// by zero-value returns, unreferenced unexported declarations dropped.

package retry

import (
	"context"
)

// RetryFunc is a function passed to [Do].
type RetryFunc func(ctx context.Context) error

// RetryFuncValue is a function passed to [Do] which returns a value.
type RetryFuncValue[T any] func(ctx context.Context) (T, error)

// RetryableError marks an error as retryable.
func RetryableError(err error) error {
	return nil
}

func DoValue[T any](ctx context.Context, b Backoff, f RetryFuncValue[T]) (T, error) {
	return *new(T), nil
}

// Do wraps a function with a backoff to retry. The provided context is the same
// context passed to the [RetryFunc].
func Do(ctx context.Context, b Backoff, f RetryFunc) error {
	return nil
}
