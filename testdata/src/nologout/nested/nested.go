// Package nested: services that keep the logged-in client one level down,
// in a connection struct of their own (seen in exporters that wrap a
// "salesforce connection" value in the service). The teardown of the outer
// type must end the session; it may do so through the inner type's method.
package nested

import soapforce "github.com/tzmfreedom/go-soapforce"

type conn struct {
	client *soapforce.Client
}

// Service keeps the session in conn.client; its Close forgets it.
type Service struct {
	sf   conn
	name string
}

func (s *Service) Start(u, p string) error {
	s.sf.client = soapforce.NewClient()
	_, err := s.sf.client.Login(u, p)
	return err
}

func (s *Service) Close() error { // want `nested.\(\*Service\).Close does not log out the session in field sf.client \(from soapforce.\(\*Client\).Login\)`
	s.name = ""
	return nil
}

// Exporter closes its inner connection, whose close logs out.
type Exporter struct {
	db *dbConn
}

type dbConn struct {
	c *soapforce.Client
}

func (d *dbConn) close() error { return d.c.Logout() }

func (e *Exporter) Start(u, p string) error {
	e.db = &dbConn{c: soapforce.NewClient()}
	_, err := e.db.c.Login(u, p)
	return err
}

func (e *Exporter) Close() error { return e.db.close() }
