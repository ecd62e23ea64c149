// Package method has methods that log in again on the client their receiver
// holds before every use, next to constructors and lazily connecting ones.
package method

import (
	"errors"

	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	"github.com/tzmfreedom/go-soapforce"

	"sessionreuse/wrap"
)

type DAO struct {
	cfg    wrap.Config
	client *simpleforce.Client
}

// Query logs in before every query.
func (d *DAO) Query(q string) (*simpleforce.QueryResult, error) { // want Query:"logs in on every call \\(reported\\)"
	if err := d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token); err != nil { // want `^simpleforce.\(\*Client\).LoginPassword logs in on every call of method.\(\*DAO\).Query although d.client holds the session\. Log in once \(in the constructor, or when d.client has no session yet\) and reuse it; log in again only when a call fails with INVALID_SESSION_ID\.$`
		return nil, err
	}
	return d.client.Query(q)
}

// Repo stores the go-force client on itself, then queries.
type Repo struct {
	cfg wrap.Config
	api *force.ForceApi
}

func (r *Repo) Accounts(out any) error { // want Accounts:"logs in on every call \\(reported\\)"
	var err error
	r.api, err = force.Create("v52.0", "id", "secret", r.cfg.User, r.cfg.Password, r.cfg.Token, "production") // want `force.Create logs in on every call of method.\(\*Repo\).Accounts although r.api holds the session`
	if err != nil {
		return err
	}
	return r.api.Query("SELECT Id FROM Account", out)
}

// Store logs in through a wrapper method that keeps the session on the receiver.
type Store struct {
	cfg    wrap.Config
	client *simpleforce.Client
}

func (s *Store) connect() error { // want connect:"logs in on every call"
	c := simpleforce.NewClient(s.cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(s.cfg.User, s.cfg.Password, s.cfg.Token); err != nil {
		return err
	}
	s.client = c
	return nil
}

func (s *Store) Count() (int, error) { // want Count:"logs in on every call \\(reported\\)"
	if err := s.connect(); err != nil { // want `method.\(\*Store\).connect logs in on every call of method.\(\*Store\).Count although s holds the session`
		return 0, err
	}
	res, err := s.client.Query("SELECT COUNT() FROM Account")
	if err != nil {
		return 0, err
	}
	return res.TotalSize, nil
}

// --- not reported ---

// Constructors and methods meant to log in.
func NewDAO(cfg wrap.Config) (*DAO, error) { // want NewDAO:"logs in on every call"
	d := &DAO{cfg: cfg, client: simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)}
	if err := d.client.LoginPassword(cfg.User, cfg.Password, cfg.Token); err != nil {
		return nil, err
	}
	d.client.Query("SELECT Id FROM User LIMIT 1")
	return d, nil
}

func (d *DAO) Connect() error { // want Connect:"logs in on every call"
	if err := d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token); err != nil {
		return err
	}
	_, err := d.client.Query("SELECT Id FROM User LIMIT 1")
	return err
}

func (d *DAO) Reconnect() error { return d.Connect() } // want Reconnect:"logs in on every call"

func (d *DAO) Login() error { // want Login:"logs in on every call"
	err := d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token)
	d.client.Query("SELECT Id FROM User LIMIT 1")
	return err
}

func (d *DAO) Init() { // want Init:"logs in on every call"
	d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token)
	d.client.Query("SELECT Id FROM User LIMIT 1")
}

func (d *DAO) Authenticate() { // want Authenticate:"logs in on every call"
	d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token)
	d.client.Query("SELECT Id FROM User LIMIT 1")
}

// Lazily connected: the login only runs while there is no session.
type Lazy struct {
	cfg    wrap.Config
	client *simpleforce.Client
}

func (l *Lazy) Query(q string) (*simpleforce.QueryResult, error) {
	if l.client == nil {
		c := simpleforce.NewClient(l.cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
		if err := c.LoginPassword(l.cfg.User, l.cfg.Password, l.cfg.Token); err != nil {
			return nil, err
		}
		l.client = c
	}
	return l.client.Query(q)
}

// An initialized flag the method sets.
type Flagged struct {
	cfg      wrap.Config
	client   *simpleforce.Client
	loggedIn bool
}

func (f *Flagged) Query(q string) (*simpleforce.QueryResult, error) {
	if !f.loggedIn {
		if err := f.client.LoginPassword(f.cfg.User, f.cfg.Password, f.cfg.Token); err != nil {
			return nil, err
		}
		f.loggedIn = true
	}
	return f.client.Query(q)
}

// Logs in again only after the session was rejected.
type Refreshing struct {
	cfg    wrap.Config
	client *soapforce.Client
}

func (r *Refreshing) Query(q string) (*soapforce.QueryResult, error) {
	res, err := r.client.Query(q)
	var fault *soapforce.SOAPFault
	if errors.As(err, &fault) && fault.Code == "sf:INVALID_SESSION_ID" {
		if _, err := r.client.Login(r.cfg.User, r.cfg.Password+r.cfg.Token); err != nil {
			return nil, err
		}
		return r.client.Query(q)
	}
	return res, err
}

// Nothing is done with the session after the login.
func (d *DAO) Ping() error { // want Ping:"logs in on every call"
	return d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token)
}

// The session is handed back: the caller reuses it.
func (d *DAO) Client() (*simpleforce.Client, error) { // want Client:"logs in on every call"
	if err := d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token); err != nil {
		return nil, err
	}
	d.client.Query("SELECT Id FROM User LIMIT 1")
	return d.client, nil
}

// The session is handed back through a local copy, or as its session id.
func (r *Repo) Fresh() (*force.ForceApi, error) { // want Fresh:"logs in on every call"
	api, err := force.Create("v52.0", "id", "secret", r.cfg.User, r.cfg.Password, r.cfg.Token, "production")
	if err != nil {
		return nil, err
	}
	r.api = api
	var out map[string]any
	r.api.Query("SELECT Id FROM User LIMIT 1", &out)
	return api, nil
}

func (d *DAO) SessionID() (string, error) { // want SessionID:"logs in on every call"
	if err := d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token); err != nil {
		return "", err
	}
	d.client.Query("SELECT Id FROM User LIMIT 1")
	return d.client.GetSid(), nil
}

// The caller passes the credentials: a session per caller.
func (d *DAO) QueryAs(user, pass, q string) (*simpleforce.QueryResult, error) { // want QueryAs:"logs in on every call"
	if err := d.client.LoginPassword(user, pass, ""); err != nil {
		return nil, err
	}
	return d.client.Query(q)
}

// A client of its own: the receiver keeps nothing (per request or per
// iteration callers are reported where they are).
func (d *DAO) Once(q string) (*simpleforce.QueryResult, error) { // want Once:"logs in on every call"
	c := simpleforce.NewClient(d.cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token); err != nil {
		return nil, err
	}
	return c.Query(q)
}

// A branch that is not a cache check.
func (d *DAO) Maybe(fresh bool, q string) (*simpleforce.QueryResult, error) { // want Maybe:"logs in on every call"
	if fresh {
		d.client.LoginPassword(d.cfg.User, d.cfg.Password, d.cfg.Token)
	}
	return d.client.Query(q)
}

// A plain function: called once by a command, a login per call is its design.
func Report(cfg wrap.Config) (int, error) { // want Report:"logs in on every call"
	c, err := wrap.Connect(cfg)
	if err != nil {
		return 0, err
	}
	res, err := c.Query("SELECT COUNT() FROM Account")
	if err != nil {
		return 0, err
	}
	return res.TotalSize, nil
}
