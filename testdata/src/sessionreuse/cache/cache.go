// Package cache has session caches: broken ones, whose cache variable is
// shadowed by := and never filled (reported, with a fix), and working ones.
package cache

import (
	"context"
	"sync"
	"time"

	"github.com/simpleforce/simpleforce"
	"golang.org/x/oauth2"

	"sessionreuse/wrap"
)

var (
	mu     sync.Mutex
	cached *simpleforce.Client
)

// Shared checks cached, then declares a new cached.
func Shared(cfg wrap.Config) (*simpleforce.Client, error) { // want Shared:"logs in on every call \\(reported\\)"
	mu.Lock()
	defer mu.Unlock()
	if cached != nil {
		return cached, nil
	}
	cached, err := wrap.Connect(cfg) // want `^wrap.Connect's session goes into a new cached \(:=\), so the package-level cached checked on line 25 stays empty\. wrap.Connect calls simpleforce.\(\*Client\).LoginPassword: assign the cache with = instead of :=`
	if err != nil {
		return nil, err
	}
	return cached, nil
}

var client *simpleforce.Client

// Direct shows the shadowing on the client the login fills.
func Direct(cfg wrap.Config) *simpleforce.Client { // want Direct:"logs in on every call \\(reported\\)"
	if client == nil {
		client := simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
		client.LoginPassword(cfg.User, cfg.Password, cfg.Token) // want `^LoginPassword's session goes into a new client \(:=\), so the package-level client checked on line 39 stays empty\. Assign the cache with = instead of :=`
		client.Query("SELECT Id FROM User")
	}
	return client
}

// Getter caches in a variable captured by the closure.
func Getter(cfg wrap.Config) func() (*simpleforce.Client, error) {
	var c *simpleforce.Client
	return func() (*simpleforce.Client, error) {
		if c != nil {
			return c, nil
		}
		if c, err := wrap.Connect(cfg); err == nil { // want `goes into a new c \(:=\), so the outer c checked on line 51`
			return c, nil
		}
		return nil, nil
	}
}

type getter interface {
	Query(string) (*simpleforce.QueryResult, error)
}

var iface getter

// Typed differently: reported, but := cannot simply become =.
func Iface(cfg wrap.Config) getter { // want Iface:"logs in on every call \\(reported\\)"
	if iface != nil {
		return iface
	}
	iface, _ := wrap.Connect(cfg) // want `goes into a new iface \(:=\), so the package-level iface`
	return iface
}

// --- not reported ---

// The cache is filled.
func Filled(cfg wrap.Config) (*simpleforce.Client, error) {
	mu.Lock()
	defer mu.Unlock()
	if cached != nil {
		return cached, nil
	}
	c, err := wrap.Connect(cfg)
	if err != nil {
		return nil, err
	}
	cached = c
	return c, nil
}

// Shadowed, but the outer variable is assigned afterwards.
func Copied(cfg wrap.Config) (*simpleforce.Client, error) {
	if cached != nil {
		return cached, nil
	}
	cached, err := wrap.Connect(cfg)
	if err != nil {
		return nil, err
	}
	setCached(cached)
	return cached, nil
}

func setCached(c *simpleforce.Client) { cached = c }

var (
	once     sync.Once
	onceC    *simpleforce.Client
	onceErr  error
	onceFunc = sync.OnceValues(func() (*simpleforce.Client, error) { return wrap.Connect(wrap.Config{}) })
)

// sync.Once and sync.OnceValues.
func Once(cfg wrap.Config) (*simpleforce.Client, error) {
	once.Do(func() { onceC, onceErr = wrap.Connect(cfg) })
	if onceErr != nil {
		return nil, onceErr
	}
	return onceFunc()
}

// An initialized flag.
var (
	initialized bool
	flagged     *simpleforce.Client
)

func Flag(cfg wrap.Config) *simpleforce.Client {
	if !initialized {
		flagged, _ = wrap.Connect(cfg)
		initialized = true
	}
	return flagged
}

// An expiry check.
type tokenCache struct {
	mu      sync.Mutex
	c       *simpleforce.Client
	expires time.Time
}

func (t *tokenCache) Get(cfg wrap.Config) (*simpleforce.Client, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if time.Now().After(t.expires) {
		c, err := wrap.Connect(cfg)
		if err != nil {
			return nil, err
		}
		t.c, t.expires = c, time.Now().Add(time.Hour)
	}
	return t.c, nil
}

// A token validity check.
var tok *oauth2.Token

func Token(ctx context.Context, conf *oauth2.Config, u, p string) (*oauth2.Token, error) {
	if tok.Valid() {
		return tok, nil
	}
	t, err := conf.PasswordCredentialsToken(ctx, u, p)
	if err != nil {
		return nil, err
	}
	tok = t
	return t, nil
}

// A cache with Get and Set.
type store struct {
	m map[string]*simpleforce.Client
}

func (s *store) Get(k string) (*simpleforce.Client, bool) { c, ok := s.m[k]; return c, ok }
func (s *store) Set(k string, c *simpleforce.Client)      { s.m[k] = c }

var sessions = &store{m: map[string]*simpleforce.Client{}}

func FromStore(cfg wrap.Config) (*simpleforce.Client, error) {
	if c, ok := sessions.Get(cfg.User); ok {
		return c, nil
	}
	c, err := wrap.Connect(cfg)
	if err != nil {
		return nil, err
	}
	sessions.Set(cfg.User, c)
	return c, nil
}

// A map of sessions per org.
var byOrg = map[string]*simpleforce.Client{}

func ForOrg(cfg wrap.Config) *simpleforce.Client {
	if c, ok := byOrg[cfg.URL]; ok {
		return c
	}
	c, _ := wrap.Connect(cfg)
	byOrg[cfg.URL] = c
	return c
}
