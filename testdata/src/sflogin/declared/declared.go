// Package declared has its own login API, declared to sflint by flags.
package declared

// Vault logs in to Salesforce through a secrets service.
type Vault struct{}

// Open logs in (declared with -sflogin.login).
func (v *Vault) Open(username, password string) error { return nil }

// Close logs out (declared with -sflogin.logout).
func (v *Vault) Close() error { return nil }

// Authenticate logs in (declared with -sflogin.login).
func Authenticate(user, securityToken string) (string, error) { return "", nil }

// Retryable classifies a fault (declared with -sflogin.classifier).
func Retryable(err error) bool { return false }

// Open is not declared: only the method is.
func Open(username, password string) error { return nil }

func use() {
	var v Vault
	_ = v.Open("u", "p")               // want `login declared.\(\*Vault\).Open err=0 session=recv username password`
	defer v.Close()                    // want `logout declared.\(\*Vault\).Close`
	sid, err := Authenticate("u", "t") // want `login declared.Authenticate err=1 session=0 username security token`
	if err != nil && Retryable(err) {  // want "inspects"
		_ = sid
	}
	_ = Open("u", "p")
}
