// Package sfpool hands out logged-in go-soapforce clients to parallel
// workers (the bulk re-parenting tool runs eight of them). Each client holds
// its own SOAP session.
package sfpool

import (
	"errors"
	"fmt"
	"sync"

	"github.com/tzmfreedom/go-soapforce"
)

// Config is filled by the caller from its own configuration (environment or
// flags); nothing here has defaults for credentials.
type Config struct {
	LoginHost     string
	APIVersion    string
	Username      string
	Password      string
	SecurityToken string
}

// ErrPasswordExpired is returned when the integration user must reset the
// password before the API can be used.
var ErrPasswordExpired = errors.New("sfpool: salesforce password expired")

// Pool keeps idle sessions for reuse and logs all of them out on Close.
type Pool struct {
	cfg Config

	mu     sync.Mutex
	idle   []*soapforce.Client
	all    []*soapforce.Client
	closed bool
}

// New returns an empty pool; sessions are created on demand.
func New(cfg Config) *Pool {
	return &Pool{cfg: cfg}
}

// Get returns an idle session or logs a new one in.
func (p *Pool) Get() (*soapforce.Client, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, errors.New("sfpool: pool closed")
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		return c, nil
	}

	c := soapforce.NewClient()
	c.SetLoginUrl(p.cfg.LoginHost)
	if p.cfg.APIVersion != "" {
		c.SetApiVersion(p.cfg.APIVersion)
	}
	// GOOD(nologout): every session is recorded in p.all before anything else can fail, and Close logs each one out.
	res, err := c.Login(p.cfg.Username, p.cfg.Password+p.cfg.SecurityToken)
	if err != nil {
		return nil, fmt.Errorf("sfpool: login: %w", err)
	}
	p.all = append(p.all, c)
	if res.PasswordExpired {
		return nil, ErrPasswordExpired
	}
	return c, nil
}

// Put gives a session back for reuse.
func (p *Pool) Put(c *soapforce.Client) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle = append(p.idle, c)
}

// Close logs out every session the pool ever created.
func (p *Pool) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	var errs []error
	for _, c := range p.all {
		if err := c.Logout(); err != nil {
			errs = append(errs, err)
		}
	}
	p.all, p.idle = nil, nil
	return errors.Join(errs...)
}
