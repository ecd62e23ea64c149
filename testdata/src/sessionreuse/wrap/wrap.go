// Package wrap declares login wrappers and a scheduler helper that the other
// sessionreuse test packages call: the facts cross the package boundary.
package wrap

import (
	"context"
	"sync"
	"time"

	"github.com/simpleforce/simpleforce"
)

// Config holds the credentials.
type Config struct{ URL, User, Password, Token string }

// Connect logs in on every call.
func Connect(cfg Config) (*simpleforce.Client, error) { // want Connect:"logs in on every call"
	c := simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(cfg.User, cfg.Password, cfg.Token); err != nil {
		return nil, err
	}
	return c, nil
}

// Dial goes through Connect: a wrapper of a wrapper logs in on every call too.
func Dial(cfg Config) (*simpleforce.Client, error) { // want Dial:"logs in on every call"
	return Connect(cfg)
}

var (
	mu     sync.Mutex
	shared *simpleforce.Client
)

// Cached logs in once and keeps the session: calling it is no repeat.
func Cached(cfg Config) (*simpleforce.Client, error) {
	mu.Lock()
	defer mu.Unlock()
	if shared != nil {
		return shared, nil
	}
	c, err := Connect(cfg)
	if err != nil {
		return nil, err
	}
	shared = c
	return c, nil
}

var cache *simpleforce.Client

// Broken checks cache but fills a shadowing variable: reported here, so its
// callers are not reported again.
func Broken(cfg Config) (*simpleforce.Client, error) { // want Broken:"logs in on every call \\(reported\\)"
	if cache != nil {
		return cache, nil
	}
	cache, err := Connect(cfg) // want `wrap.Connect's session goes into a new cache \(:=\), so the package-level cache checked on line 55 stays empty`
	return cache, err
}

var once struct {
	sync.Once
	c   *simpleforce.Client
	err error
}

// Once logs in under sync.Once.
func Once(cfg Config) (*simpleforce.Client, error) {
	once.Do(func() { once.c, once.err = Connect(cfg) })
	return once.c, once.err
}

// DAO logs in again before every query: reported in Query.
type DAO struct {
	cfg    Config
	client *simpleforce.Client
}

// Query is the per-call shape; its callers are not reported again.
func (d *DAO) Query(q string) (*simpleforce.QueryResult, error) { // want Query:"logs in on every call \\(reported\\)"
	if d.client == nil {
		d.client = simpleforce.NewClient(d.cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	}
	if err := d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token); err != nil { // want `simpleforce.\(\*Client\).LoginPassword logs in on every call of wrap.\(\*DAO\).Query although d.client holds the session`
		return nil, err
	}
	return d.client.Query(q)
}

// Search goes through Query.
func (d *DAO) Search(name string) (*simpleforce.QueryResult, error) { // want Search:"logs in on every call \\(reported\\)"
	return d.Query("SELECT Id FROM Account WHERE Name = '" + name + "'")
}

// Every calls fn now and then on every tick until it fails: a scheduler.
func Every(ctx context.Context, d time.Duration, fn func() error) error {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		if err := fn(); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Background runs fn on every tick in a goroutine.
func Background(d time.Duration, fn func()) {
	go func() {
		for range time.Tick(d) {
			fn()
		}
	}()
}

// Forward hands fn on to Every: a scheduler too.
func Forward(ctx context.Context, fn func() error) error {
	return Every(ctx, time.Minute, fn)
}

// Retry calls fn until it succeeds: a retry helper, not a scheduler.
func Retry(n int, fn func() error) (err error) {
	for i := 0; i < n; i++ {
		if err = fn(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// ForEach calls fn once per item, without waiting: not a scheduler.
func ForEach(items []string, fn func(string)) {
	for _, it := range items {
		fn(it)
	}
}
