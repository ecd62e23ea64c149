// Package owner: types that keep a logged-in client in a field, and whose
// Close, Shutdown or Stop must log it out (the database/sql-driver shape).
package owner

import (
	"errors"
	"fmt"

	soapforce "github.com/tzmfreedom/go-soapforce"

	"nologout/sfwrap"
)

// Conn is one session per connection; Close only drops the pointer.
type Conn struct {
	client *soapforce.Client
	userID string
}

// Open logs in and wraps the session.
func Open(u, p string) (*Conn, error) {
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	return &Conn{client: c, userID: res.UserId}, nil
}

func (c *Conn) Close() error { // want `owner.\(\*Conn\).Close does not log out the session in field client \(from soapforce.\(\*Client\).Login\)\. Call c.client.Logout\(\) in Close`
	if c.client == nil {
		return errors.New("already closed")
	}
	c.client = nil
	return nil
}

// Session logs in on its own field and logs out through a helper method.
type Session struct{ c *soapforce.Client }

func (s *Session) Start(u, p string) error {
	s.c = soapforce.NewClient()
	_, err := s.c.Login(u, p)
	return err
}

func (s *Session) Close() error { return s.end() }

func (s *Session) end() error {
	if s.c == nil {
		return nil
	}
	return s.c.Logout()
}

// Worker's Stop forgets the session it logged in on.
type Worker struct{ sf *soapforce.Client }

func (w *Worker) Run(u, p string) error {
	_, err := w.sf.Login(u, p)
	return err
}

func (w *Worker) Stop() { // want `owner.\(\*Worker\).Stop does not log out the session in field sf`
	w.sf = nil
}

// Server assigns the client to its field after the login.
type Server struct{ api *soapforce.Client }

func (s *Server) Connect(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	s.api = c
	return nil
}

func (s *Server) Shutdown() error { // want `owner.\(\*Server\).Shutdown does not log out the session in field api`
	return nil
}

// Keeper's Close hands the client to a wrapper that logs it out.
type Keeper struct{ c *soapforce.Client }

func (k *Keeper) Open(u, p string) error {
	k.c = soapforce.NewClient()
	_, err := k.c.Login(u, p)
	return err
}

func (k *Keeper) Close() error { return sfwrap.Disconnect(k.c) }

// Handover's Close passes the client on: someone else owns it then.
type Handover struct{ c *soapforce.Client }

func (h *Handover) Open(u, p string) error {
	h.c = soapforce.NewClient()
	_, err := h.c.Login(u, p)
	return err
}

func (h *Handover) Close() error {
	release(h.c)
	return nil
}

func release(c *soapforce.Client) {}

// Forever has no teardown method: it lives as long as the program.
type Forever struct{ c *soapforce.Client }

func (f *Forever) Open(u, p string) error {
	f.c = soapforce.NewClient()
	_, err := f.c.Login(u, p)
	return err
}

// Pool keeps clients in a slice and logs every one out.
type Pool struct{ all []*soapforce.Client }

func (p *Pool) Get(u, pw string) (*soapforce.Client, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(u, pw); err != nil {
		return nil, err
	}
	p.all = append(p.all, c)
	return c, nil
}

func (p *Pool) Close() error {
	var errs []error
	for _, c := range p.all {
		errs = append(errs, c.Logout())
	}
	return errors.Join(errs...)
}

// Ignored documents why its Close does not log out.
type Ignored struct{ c *soapforce.Client }

func (i *Ignored) Open(u, p string) error {
	i.c = soapforce.NewClient()
	_, err := i.c.Login(u, p)
	return err
}

//sflint:ignore nologout -- the session is shared with the parent process, which logs it out
func (i *Ignored) Close() error { return nil }

// Positional stores the client with a positional composite literal.
type Positional struct {
	c    *soapforce.Client
	name string
}

func OpenPositional(u, p string) (*Positional, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return nil, err
	}
	return &Positional{c, u}, nil
}

func (p *Positional) Close() error { return nil } // want `owner.\(\*Positional\).Close does not log out the session in field c`

// Generic owners are followed through their origin.
type Box[T any] struct {
	c   *soapforce.Client
	val T
}

func (b *Box[T]) Open(u, p string) error {
	b.c = soapforce.NewClient()
	_, err := b.c.Login(u, p)
	return err
}

func (b *Box[T]) Close() error { return b.c.Logout() }

// BadBox's Close forgets the session.
type BadBox[T any] struct{ c *soapforce.Client }

func (b *BadBox[T]) Open(u, p string) error {
	b.c = soapforce.NewClient()
	_, err := b.c.Login(u, p)
	return err
}

func (b *BadBox[T]) Close() error { return nil } // want `owner.\(\*BadBox\).Close does not log out the session in field c`
