// want package:"salesforce"

// Package clientslib stands for the connection helpers of a migration tool:
// a constructor that logs in twice (a metadata client, which has no logout,
// then a SOAP client, which has one) and hands both back in a struct, and
// a getter that hands out one shared, cached session.
//
// Cached and Reconnect stand for the session getter of a code-generation
// tool: Cached means to keep its session in a package-level variable but
// declares a new one with := (a broken cache, sessionreuse's business),
// so its callers still share the session; Reconnect declares a local of
// the same name without ever handing out the package-level one, so its
// callers own theirs.
package clientslib

import (
	"fmt"
	"sync"

	metaforce "github.com/tzmfreedom/go-metaforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

// Clients holds both sessions.
type Clients struct {
	Meta *metaforce.Client
	SOAP *soapforce.Client
}

// Open logs in twice: the SOAP session is the one its callers must end.
func Open(user, pass string) (*Clients, error) { // want Open:`login soapforce.\(\*Client\).Login err=1 session=0 arg0=username arg1=password\+security token`
	m := metaforce.NewClient()
	if err := m.Login(user, pass); err != nil {
		return nil, fmt.Errorf("metadata login: %w", err)
	}
	s := soapforce.NewClient()
	if _, err := s.Login(user, pass); err != nil {
		return nil, fmt.Errorf("soap login: %w", err)
	}
	return &Clients{Meta: m, SOAP: s}, nil
}

var (
	mu     sync.Mutex
	shared *soapforce.Client
)

// Shared hands out one session, made on the first call and kept.
func Shared(user, pass string) (*soapforce.Client, error) { // want Shared:`login soapforce.\(\*Client\).Login err=1 session=0 arg0=username arg1=password\+security token shared`
	mu.Lock()
	defer mu.Unlock()
	if shared != nil {
		return shared, nil
	}
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return nil, err
	}
	shared = c
	return c, nil
}

// Fresh makes a new session on every call: its callers own it.
func Fresh(user, pass string) (*soapforce.Client, error) { // want Fresh:`login soapforce.\(\*Client\).Login err=1 session=0 arg0=username arg1=password\+security token`
	c := soapforce.NewClient()
	if _, err := c.Login(user, pass); err != nil {
		return nil, err
	}
	return c, nil
}

var cached *soapforce.Client

// Cached means to hand out one session; the := keeps it in a local.
func Cached(user, pass string) *soapforce.Client { // want Cached:`login soapforce.\(\*Client\).Login session=0 arg0=username arg1=password\+security token shared`
	if cached != nil {
		return cached
	}
	cached := soapforce.NewClient()
	if _, err := cached.Login(user, pass); err != nil {
		panic(err)
	}
	return cached
}

var session *soapforce.Client

// Reconnect never hands out the package-level session.
func Reconnect(user, pass string) (*soapforce.Client, error) { // want Reconnect:`login soapforce.\(\*Client\).Login err=1 session=0 arg0=username arg1=password\+security token`
	session := soapforce.NewClient()
	if _, err := session.Login(user, pass); err != nil {
		return nil, err
	}
	return session, nil
}
