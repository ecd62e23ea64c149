package poller

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/session"
)

// PollEachTick was the first version of the dashboard feed.
func PollEachTick(ctx context.Context, cfg sfdc.Configuration, interval time.Duration, h Handler) error {
	since := time.Now().Add(-interval)
	return periodically(ctx, interval, func() error {
		// BAD(sessionreuse): session.Open runs inside the tick callback, so a fresh OAuth login is made every interval.
		sess, err := session.Open(cfg)
		if err != nil {
			return fmt.Errorf("poller: open session: %w", err)
		}
		now := time.Now()
		cases, err := recentCases(sess, since)
		if err != nil {
			return err
		}
		since = now
		return h(ctx, cases)
	})
}

// PollTicker is the variant the escalation bot copied, with its own ticker.
func PollTicker(ctx context.Context, cfg sfdc.Configuration, interval time.Duration, h Handler) error {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	since := time.Now()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case now := <-ticker.C:
			// BAD(sessionreuse): a new session is opened on every tick of the loop and the previous one is simply dropped.
			sess, err := session.Open(cfg)
			if err != nil {
				return fmt.Errorf("poller: open session: %w", err)
			}
			cases, err := recentCases(sess, since)
			if err != nil {
				return err
			}
			if err := h(ctx, cases); err != nil {
				return err
			}
			since = now
		}
	}
}

// Poller is the current implementation: one session, reopened only after
// Salesforce rejected it.
type Poller struct {
	cfg      sfdc.Configuration
	interval time.Duration
	handler  Handler

	sess *session.Session
}

// New returns a Poller; it logs in lazily on the first tick.
func New(cfg sfdc.Configuration, interval time.Duration, h Handler) *Poller {
	return &Poller{cfg: cfg, interval: interval, handler: h}
}

// Run polls until ctx ends or a non-recoverable error occurs.
func (p *Poller) Run(ctx context.Context) error {
	ticker := time.NewTicker(p.interval)
	defer ticker.Stop()
	since := time.Now().Add(-p.interval)
	for {
		if p.sess == nil {
			// GOOD(sessionreuse): the session is opened once and reused on every tick; it is only reopened after Salesforce answered INVALID_SESSION_ID.
			sess, err := session.Open(p.cfg)
			if err != nil {
				return fmt.Errorf("poller: open session: %w", err)
			}
			p.sess = sess
		}
		now := time.Now()
		cases, err := recentCases(p.sess, since)
		switch {
		case isSessionExpired(err):
			log.Printf("poller: session expired, will log in again on the next tick")
			p.sess = nil
		case err != nil:
			return err
		default:
			if err := p.handler(ctx, cases); err != nil {
				return err
			}
			since = now
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
	}
}

// openWithRetry is used by Watch, which runs on laptops with flaky Wi-Fi.
func openWithRetry(cfg sfdc.Configuration) (*session.Session, error) {
	attempts := 0
retry:
	// BAD(blindretry): go-sfdc reduces every failure to "session response error: 400 ...", and this goto loop retries it blindly, wrong password included.
	sess, err := session.Open(cfg)
	if err != nil {
		attempts++
		if attempts < 3 {
			time.Sleep(10 * time.Second)
			goto retry
		}
		return nil, err
	}
	return sess, nil
}

// Watch prints new cases to the log; it is the `poller watch` debug command.
func Watch(ctx context.Context, cfg sfdc.Configuration, interval time.Duration) error {
	// GOOD(sessionreuse): one session is opened before the loop and used by every tick.
	sess, err := openWithRetry(cfg)
	if err != nil {
		return fmt.Errorf("poller: %w", err)
	}
	since := time.Now().Add(-interval)
	return periodically(ctx, interval, func() error {
		now := time.Now()
		cases, err := recentCases(sess, since)
		if err != nil {
			return err
		}
		for _, c := range cases {
			v, _ := c.FieldValue("Subject")
			log.Printf("case %s: %v", c.URL(), v)
		}
		since = now
		return nil
	})
}
