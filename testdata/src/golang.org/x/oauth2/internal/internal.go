// Stub of golang.org/x/oauth2@v0.37.0, package internal: only the two types the
// oauth2 stub's exported API mentions (HTTPClient's type, Config's unexported field).

package internal

// HTTPClient is the context key to use with [context.WithValue]
// to associate an [*http.Client] value with a context.
var HTTPClient ContextKey

// ContextKey is just an empty struct. It exists so HTTPClient can be
// an immutable public variable with a unique type. It's immutable
// because nobody else can create a ContextKey, being unexported.
type ContextKey struct{}

// LazyAuthStyleCache: the real type holds a sync.Once and a cache; fields omitted.
type LazyAuthStyleCache struct{}
