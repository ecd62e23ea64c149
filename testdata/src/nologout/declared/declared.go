// Package declared has its own Salesforce session API, declared to sflint
// with -sflogin.login and -sflogin.logout.
package declared

import "errors"

// Vault logs in through a secrets service (declared login: Open; logout: Close).
type Vault struct{ sid string }

func (v *Vault) Open(username, password string) error { return nil }
func (v *Vault) Close() error                         { return nil }
func (v *Vault) Query(soql string) error              { return nil }

// Authenticate returns a session id (declared login); Revoke ends it (declared logout).
func Authenticate(username, password string) (string, error) { return "", nil }
func Revoke(sid string) error                                { return nil }

// Dial logs in too (declared), but no declared logout ends a *Conn: not reported.
func Dial(username, password string) (*Conn, error) { return &Conn{}, nil }

// Conn's Close is not declared as a logout.
type Conn struct{}

func (c *Conn) Close() error { return nil }

func vaultLeak(u, p string) error {
	v := &Vault{}
	if err := v.Open(u, p); err != nil { // want `session from declared.\(\*Vault\).Open is not logged out on all paths\. Defer v.Close\(\) after the login's error check`
		return err
	}
	return v.Query("SELECT Id FROM Account")
}

func vaultClosed(u, p string) error {
	v := &Vault{}
	if err := v.Open(u, p); err != nil {
		return err
	}
	defer v.Close()
	return v.Query("SELECT Id FROM Account")
}

func sidLeak(u, p string) error {
	sid, err := Authenticate(u, p) // want `session from declared.Authenticate is not logged out on all paths\. Defer declared.Revoke\(sid\) after the login's error check`
	if err != nil {
		return err
	}
	if sid == "" {
		return errors.New("empty session")
	}
	return Revoke(sid)
}

func sidRevoked(u, p string) error {
	sid, err := Authenticate(u, p)
	if err != nil {
		return err
	}
	defer Revoke(sid)
	if sid == "" {
		return errors.New("empty session")
	}
	return nil
}

func noLogout(u, p string) error {
	_, err := Dial(u, p)
	return err
}
