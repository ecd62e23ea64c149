package sfconn

import (
	"errors"
	"fmt"
	"sync"

	"github.com/simpleforce/simpleforce"
)

// Backfill re-reads accounts one by one for the "fix owner" script and hands
// each to fix.
func Backfill(cfg Config, ids []string, fix func(owner string) error) error {
	for _, id := range ids {
		// BAD(sessionreuse): a new login for every account id, with the same credentials; log in once before the loop.
		client, err := Connect(cfg)
		if err != nil {
			return err
		}
		acct := client.SObject("Account").Get(id)
		if acct == nil {
			continue
		}
		if err := fix(acct.StringField("OwnerId")); err != nil {
			return err
		}
	}
	return nil
}

// OrgCounts counts the accounts of every org of the holding company.
func OrgCounts(orgs []Config) (map[string]int, error) {
	counts := map[string]int{}
	for _, org := range orgs {
		// GOOD(sessionreuse): every iteration logs in to a different org with that org's credentials.
		client, err := Connect(org)
		if err != nil {
			return nil, err
		}
		res, err := client.Query("SELECT COUNT() FROM Account")
		if err != nil {
			return nil, fmt.Errorf("sfconn: count accounts in %s: %w", org.URL, err)
		}
		counts[org.URL] = res.TotalSize
	}
	return counts, nil
}

// Session is what new tools should use: one client, logged in on first use
// and again only after Salesforce rejected the session.
type Session struct {
	cfg Config

	mu     sync.Mutex
	client *simpleforce.Client
}

// NewSession returns a Session that logs in on its first query.
func NewSession(cfg Config) *Session { return &Session{cfg: cfg} }

// Query runs a SOQL query on the shared session.
func (s *Session) Query(soql string) (*simpleforce.QueryResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client == nil {
		// GOOD(sessionreuse): only the first query logs in; the session is kept in s.client for the next ones.
		c, err := Connect(s.cfg)
		if err != nil {
			return nil, err
		}
		s.client = c
	}
	res, err := s.client.Query(soql)
	var sfErr simpleforce.SalesforceError
	if errors.As(err, &sfErr) && sfErr.ErrorCode == "INVALID_SESSION_ID" {
		// GOOD(sessionreuse): the session expired, so Salesforce answered INVALID_SESSION_ID: log in again once and repeat the query.
		c, lerr := Connect(s.cfg)
		if lerr != nil {
			return nil, lerr
		}
		s.client = c
		return s.client.Query(soql)
	}
	return res, err
}
