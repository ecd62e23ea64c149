package sfpool

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/tzmfreedom/go-soapforce"
)

// Ping checks that the configured user can log in and read its user info
// within the caller's deadline.
func Ping(ctx context.Context, cfg Config) error {
	c := soapforce.NewClient()
	c.SetLoginUrl(cfg.LoginHost)
	// BAD(nologout): when the caller gave up during the login, the ctx.Err return leaves the new session open for two hours.
	res, err := c.Login(cfg.Username, cfg.Password+cfg.SecurityToken)
	if err != nil {
		return fmt.Errorf("sfpool: ping: %w", err)
	}
	if res.PasswordExpired {
		c.Logout()
		return ErrPasswordExpired
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, qerr := c.GetUserInfo()
	if lerr := c.Logout(); lerr != nil && qerr == nil {
		return lerr
	}
	return qerr
}

// Whoami prints the user the configuration logs in as.
func Whoami(cfg Config) error {
	c := soapforce.NewClient()
	c.SetLoginUrl(cfg.LoginHost)
	// GOOD(nologout): the deferred closure logs the session out on every path after a successful login, and reports a failed logout.
	res, err := c.Login(cfg.Username, cfg.Password+cfg.SecurityToken)
	if err != nil {
		return fmt.Errorf("sfpool: whoami: %w", err)
	}
	defer func() {
		if lerr := c.Logout(); lerr != nil {
			log.Printf("sfpool: logout: %v", lerr)
		}
	}()
	if res.PasswordExpired {
		return ErrPasswordExpired
	}
	log.Printf("logged in as %s on %s (sandbox=%t) at %s", res.UserId, res.ServerUrl, res.Sandbox, time.Now().Format(time.RFC3339))
	return nil
}

// Report is a report run's connection: one session for the run.
type Report struct {
	client *soapforce.Client
}

// OpenReport logs in for one report run.
func OpenReport(cfg Config) (*Report, error) {
	c := soapforce.NewClient()
	c.SetLoginUrl(cfg.LoginHost)
	res, err := c.Login(cfg.Username, cfg.Password+cfg.SecurityToken)
	if err != nil {
		return nil, fmt.Errorf("sfpool: report: %w", err)
	}
	if res.PasswordExpired {
		return nil, ErrPasswordExpired
	}
	return &Report{client: c}, nil
}

// Close ends the report run's session.
// GOOD(nologout): unlike Conn.Close, this Close logs the session it holds out.
func (r *Report) Close() error {
	if r.client == nil {
		return nil
	}
	err := r.client.Logout()
	r.client = nil
	return err
}
