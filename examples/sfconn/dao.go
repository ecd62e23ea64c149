package sfconn

import (
	"fmt"
	"strings"
	"time"

	"github.com/simpleforce/simpleforce"
)

// AccountDAO is the data-access object the account search endpoint uses.
type AccountDAO struct {
	cfg    Config
	client *simpleforce.Client
}

// NewAccountDAO returns a DAO that is not connected yet.
func NewAccountDAO(cfg Config) *AccountDAO {
	return &AccountDAO{cfg: cfg}
}

// Connect logs the DAO in, "riding out" Salesforce hiccups.
func (d *AccountDAO) Connect() error {
	return d.connect(0)
}

func (d *AccountDAO) connect(attempt int) error {
	client := simpleforce.NewClient(d.cfg.URL, d.cfg.ClientID, d.cfg.APIVersion)
	// BAD(blindretry): any login error, INVALID_LOGIN and PASSWORD_LOCKOUT included, recurses into another attempt after a pause.
	err := client.LoginPassword(d.cfg.Username, d.cfg.Password, d.cfg.SecurityToken)
	if err != nil {
		if attempt < 5 {
			time.Sleep(time.Duration(attempt+1) * 5 * time.Second)
			return d.connect(attempt + 1)
		}
		return fmt.Errorf("sfconn: login failed after %d attempts: %w", attempt+1, err)
	}
	d.client = client
	return nil
}

// Query runs a SOQL query. Sessions "kept expiring" in production, so it logs
// in again first.
func (d *AccountDAO) Query(soql string) (*simpleforce.QueryResult, error) {
	if d.client == nil {
		d.client = simpleforce.NewClient(d.cfg.URL, d.cfg.ClientID, d.cfg.APIVersion)
	}
	// BAD(sessionreuse): the wrapper logs in before every single query instead of reusing the session it already holds.
	if err := d.client.LoginPassword(d.cfg.Username, d.cfg.Password, d.cfg.SecurityToken); err != nil {
		return nil, classify(err)
	}
	return d.client.Query(soql)
}

// SearchByName returns accounts whose name starts with prefix.
func (d *AccountDAO) SearchByName(prefix string) ([]simpleforce.SObject, error) {
	escaped := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(prefix)
	res, err := d.Query(fmt.Sprintf("SELECT Id, Name, Industry FROM Account WHERE Name LIKE '%s%%' LIMIT 20", escaped))
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}
