package flow

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The facts below are exported by the shared pass (internal/sflogin) on the
// functions of every package that has to do with Salesforce, and read back
// through an [Importer] when another package calls them.

// NoReturnFact marks a function that never returns normally: every path
// panics, exits the process or the goroutine, or calls such a function.
type NoReturnFact struct{}

// AFact implements analysis.Fact.
func (*NoReturnFact) AFact() {}

func (*NoReturnFact) String() string { return "noreturn" }

// Receiver is the parameter index OwnerFact uses for a method's receiver.
const Receiver = -1

// OwnerFact says what a function does with those of its parameters that can
// hold a Salesforce client or session. A parameter it only reads, or calls
// methods on (other than a logout), is borrowed: the session stays the
// caller's to end. A parameter it returns, stores in a field, a global, a
// map or a slice, sends on a channel, captures in a goroutine or a closure
// that outlives the call, logs out, or passes to a function that takes it
// over, is taken over: the session is no longer the caller's business.
// A parameter the fact does not list is taken over (the safe answer).
type OwnerFact struct {
	Borrows []int // parameter indexes, Receiver for the receiver
}

// AFact implements analysis.Fact.
func (*OwnerFact) AFact() {}

func (f *OwnerFact) String() string {
	var parts []string
	for _, i := range f.Borrows {
		if i == Receiver {
			parts = append(parts, "recv")
		} else {
			parts = append(parts, fmt.Sprint(i))
		}
	}
	return "borrows " + strings.Join(parts, ",")
}

// Borrowed reports whether the fact says parameter i is only borrowed.
func (f *OwnerFact) Borrowed(i int) bool { return f != nil && slices.Contains(f.Borrows, i) }

// RetryFact marks a retry helper of the user's: a function that calls its
// func parameter Op again after the call returned a non-nil error, without
// looking at what the error is.
type RetryFact struct {
	Op int // the index of the func parameter
}

// AFact implements analysis.Fact.
func (*RetryFact) AFact() {}

func (f *RetryFact) String() string { return fmt.Sprintf("retries param %d", f.Op) }

// RawLogoutFact marks a function that ends a session with a raw HTTP
// request (a SOAP logout() envelope posted to /services/Soap, or a POST to
// /services/oauth2/revoke), directly or through another such function, and
// that does not log in itself (it ends its caller's session).
type RawLogoutFact struct {
	SOAP   bool // posts a SOAP logout()
	Revoke bool // posts to /services/oauth2/revoke
}

// AFact implements analysis.Fact.
func (*RawLogoutFact) AFact() {}

func (f *RawLogoutFact) String() string {
	switch {
	case f.SOAP && f.Revoke:
		return "raw logout: SOAP, revoke"
	case f.SOAP:
		return "raw logout: SOAP"
	}
	return "raw logout: revoke"
}

// sortedFuncs returns the keys of a set of functions in source order.
func sortedFuncs[V any](m map[*types.Func]V) []*types.Func {
	out := make([]*types.Func, 0, len(m))
	for fn := range m {
		out = append(out, fn)
	}
	slices.SortFunc(out, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	return out
}

// FactMemo keeps the facts of type *T of other packages' functions, each
// read once (a callee is asked about at every call that names it); nil for
// a function that has none. Most functions asked about have none: a miss
// reads into a spare fact and allocates nothing. It is not safe for
// concurrent use: callers that share one hold their own lock.
type FactMemo[T any, PT interface {
	*T
	analysis.Fact
}] struct {
	m     map[*types.Func]PT
	spare PT
}

// Get returns fn's fact, read with read (an analysis.Pass's
// ImportObjectFact) the first time, nil when it has none.
func (m *FactMemo[T, PT]) Get(fn *types.Func, read func(types.Object, analysis.Fact) bool) PT {
	if f, ok := m.m[fn]; ok {
		return f
	}
	f := m.spare
	if f == nil {
		f = new(T)
	} else {
		var zero T
		*f = zero
	}
	if read(fn, f) {
		m.spare = nil
	} else {
		m.spare, f = f, nil
	}
	if m.m == nil {
		m.m = map[*types.Func]PT{}
	}
	m.m[fn] = f
	return f
}
