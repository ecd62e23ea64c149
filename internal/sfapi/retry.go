package sfapi

// RetryHelper is a library function that calls an operation again until it succeeds.
type RetryHelper struct {
	Pkg  string // package-path suffix
	Name string
	// Op is the index of the operation argument, not counting a leading context.Context.
	Op int
	// Stop names the functions of the same package that mark an error as final
	// (backoff.Permanent, retry.Unrecoverable).
	Stop []string
	// OnlyWrapped names the function whose wrapping makes an error retryable; any
	// other error stops (sethvargo/go-retry's RetryableError).
	OnlyWrapped string
	// ErrorStops: any non-nil error returned by the operation stops the retry
	// (k8s wait condition functions retry on (false, nil) only).
	ErrorStops bool
}

var retryHelpers = []*RetryHelper{
	// github.com/cenkalti/backoff/v4
	{Pkg: "cenkalti/backoff", Name: "Retry", Op: 0, Stop: []string{"Permanent"}},
	{Pkg: "cenkalti/backoff", Name: "RetryNotify", Op: 0, Stop: []string{"Permanent"}},
	{Pkg: "cenkalti/backoff", Name: "RetryWithData", Op: 0, Stop: []string{"Permanent"}},
	{Pkg: "cenkalti/backoff", Name: "RetryNotifyWithData", Op: 0, Stop: []string{"Permanent"}},
	{Pkg: "cenkalti/backoff", Name: "RetryNotifyWithTimer", Op: 0, Stop: []string{"Permanent"}},
	{Pkg: "cenkalti/backoff", Name: "RetryNotifyWithTimerAndData", Op: 0, Stop: []string{"Permanent"}},
	// github.com/avast/retry-go/v4
	{Pkg: "avast/retry-go", Name: "Do", Op: 0, Stop: []string{"Unrecoverable"}},
	{Pkg: "avast/retry-go", Name: "DoWithData", Op: 0, Stop: []string{"Unrecoverable"}},
	// github.com/sethvargo/go-retry
	{Pkg: "sethvargo/go-retry", Name: "Do", Op: 1, OnlyWrapped: "RetryableError"},
	{Pkg: "sethvargo/go-retry", Name: "DoValue", Op: 1, OnlyWrapped: "RetryableError"},
	// k8s.io/apimachinery/pkg/util/wait
	{Pkg: "pkg/util/wait", Name: "ExponentialBackoff", Op: 1, ErrorStops: true},
	{Pkg: "pkg/util/wait", Name: "ExponentialBackoffWithContext", Op: 1, ErrorStops: true},
	{Pkg: "pkg/util/wait", Name: "PollUntilContextTimeout", Op: 3, ErrorStops: true},
	{Pkg: "pkg/util/wait", Name: "PollUntilContextCancel", Op: 2, ErrorStops: true},
	{Pkg: "pkg/util/wait", Name: "PollImmediate", Op: 2, ErrorStops: true},
	{Pkg: "pkg/util/wait", Name: "Poll", Op: 2, ErrorStops: true},
	{Pkg: "pkg/util/wait", Name: "PollInfinite", Op: 1, ErrorStops: true},
	{Pkg: "pkg/util/wait", Name: "PollImmediateInfinite", Op: 1, ErrorStops: true},
}
