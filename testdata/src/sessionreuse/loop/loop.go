// Package loop has logins inside loops: once per iteration or tick
// (reported), next to retry loops, pools, per-item credentials and cached
// sessions (not reported).
package loop

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/session"
	"github.com/simpleforce/simpleforce"
	"github.com/tzmfreedom/go-soapforce"

	"sessionreuse/wrap"
)

type creds struct{ user, pass, token string }

// One login per account processed.
func perItem(c creds, ids []string) {
	client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	for _, id := range ids {
		if err := client.LoginPassword(c.user, c.pass, c.token); err != nil { // want `simpleforce.\(\*Client\).LoginPassword logs in on every iteration of this loop with the same credentials`
			continue
		}
		client.Query("SELECT Id FROM Account WHERE Id = '" + id + "'")
	}
}

// A fresh client per iteration, through a wrapper of another package.
func perItemWrapper(cfg wrap.Config, ids []string) error { // want perItemWrapper:"logs in on every call \\(reported\\)"
	for i := 0; i < len(ids); i++ {
		c, err := wrap.Connect(cfg) // want `wrap.Connect logs in on every iteration of this loop`
		if err != nil {
			return err
		}
		if _, err := c.Query("SELECT Id FROM Case WHERE Id = '" + ids[i] + "'"); err != nil {
			return err
		}
	}
	return nil
}

// A ticker loop.
func poll(ctx context.Context, cfg sfdc.Configuration) error { // want poll:"logs in on every call \\(reported\\)"
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			sess, err := session.Open(cfg) // want `session.Open logs in on every tick of this loop`
			if err != nil {
				return err
			}
			use(sess)
		}
	}
}

// for range time.Tick, with the result used directly.
func tick(u, p string) {
	for range time.Tick(time.Minute) {
		c := soapforce.NewClient()
		if _, err := c.Login(u, p); err == nil { // want `soapforce.\(\*Client\).Login logs in on every tick of this loop`
			c.Query("SELECT Id FROM User")
		}
	}
}

// A sleep loop that logs in through a raw OAuth request.
func rawLoop(u, p string) {
	for {
		resp, err := http.PostForm("https://login.salesforce.com/services/oauth2/token", url.Values{ // want `OAuth token endpoint \(/services/oauth2/token\) logs in on every tick of this loop`
			"grant_type": {"password"}, "username": {u}, "password": {p},
		})
		if err != nil {
			return
		}
		consume(resp)
		time.Sleep(time.Hour)
	}
}

// A retry loop inside a ticker loop: still one login per tick.
func retryInTick(ctx context.Context, cfg wrap.Config) {
	for range time.Tick(time.Minute) {
		var c *simpleforce.Client
		var err error
		for attempt := 0; attempt < 3; attempt++ {
			if c, err = wrap.Connect(cfg); err == nil { // want `wrap.Connect logs in on every tick of this loop`
				break
			}
			time.Sleep(time.Second)
		}
		if err != nil {
			continue
		}
		c.Query("SELECT Id FROM User")
	}
}

// An event loop: one login per event (not a timer: "iteration").
func events(c creds, evs <-chan string) {
	for ev := range evs {
		cl := soapforce.NewClient()
		if _, err := cl.Login(c.user, c.pass+c.token); err != nil { // want `soapforce.\(\*Client\).Login logs in on every iteration of this loop`
			continue
		}
		cl.Query("SELECT Id FROM Case WHERE Subject = '" + ev + "'")
	}
}

func use(*session.Session)     {}
func consume(r *http.Response) {}

// --- not reported ---

// A retry loop: it ends once the login succeeds (blindretry's business).
func retry(c creds) (*simpleforce.Client, error) { // want retry:"logs in on every call"
	client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	var err error
	for i := 0; i < 3; i++ {
		if err = client.LoginPassword(c.user, c.pass, c.token); err == nil {
			return client, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// A retry loop that breaks on success, then works.
func retryBreak(c creds) {
	client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	for {
		err := client.LoginPassword(c.user, c.pass, c.token)
		if err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	client.Query("SELECT Id FROM User")
}

// A retry loop that continues on failure and returns on success.
func retryContinue(cfg wrap.Config) *simpleforce.Client { // want retryContinue:"logs in on every call"
	for {
		c, err := wrap.Connect(cfg)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		return c
	}
}

// One login before the loop.
func hoisted(c creds, ids []string) error { // want hoisted:"logs in on every call"
	client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := client.LoginPassword(c.user, c.pass, c.token); err != nil {
		return err
	}
	for _, id := range ids {
		client.Query("SELECT Id FROM Account WHERE Id = '" + id + "'")
	}
	return nil
}

// A loop over different credentials: one session per org.
func perOrg(orgs []creds) {
	for _, o := range orgs {
		client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
		if err := client.LoginPassword(o.user, o.pass, o.token); err != nil {
			continue
		}
		client.Query("SELECT Id FROM User")
	}
}

// Credentials scanned from rows, received from a channel, indexed by the loop.
func perRow(rows *sql.Rows, ch <-chan creds, all []creds) {
	for rows.Next() {
		var u, p string
		rows.Scan(&u, &p)
		c := soapforce.NewClient()
		c.Login(u, p)
		c.Query("SELECT Id FROM User")
	}
	for cr := range ch {
		c := soapforce.NewClient()
		c.Login(cr.user, cr.pass)
		c.Query("SELECT Id FROM User")
	}
	for i := range all {
		c := soapforce.NewClient()
		pw := all[i].pass + all[i].token
		c.Login(all[i].user, pw)
		c.Query("SELECT Id FROM User")
	}
}

// Filling a pool: every session is kept.
func fill(c creds, n int) []*soapforce.Client { // want fill:"logs in on every call"
	var pool []*soapforce.Client
	for i := 0; i < n; i++ {
		cl := soapforce.NewClient()
		if _, err := cl.Login(c.user, c.pass+c.token); err != nil {
			continue
		}
		pool = append(pool, cl)
	}
	return pool
}

// One session per worker goroutine.
func workers(c creds, n int, jobs <-chan string) {
	for i := 0; i < n; i++ {
		cl := soapforce.NewClient()
		if _, err := cl.Login(c.user, c.pass+c.token); err != nil {
			return
		}
		go func() {
			for j := range jobs {
				cl.Query(j)
			}
		}()
	}
}

// Logging in on every client of a list: each holds its own session.
func each(c creds, clients []*soapforce.Client) {
	for _, cl := range clients {
		cl.Login(c.user, c.pass+c.token)
		cl.Query("SELECT Id FROM User")
	}
}

// A session kept across iterations, reopened when missing.
func cachedInLoop(ctx context.Context, cfg sfdc.Configuration) {
	var sess *session.Session
	for range time.Tick(time.Minute) {
		if sess == nil {
			s, err := session.Open(cfg)
			if err != nil {
				continue
			}
			sess = s
		}
		use(sess)
	}
}

// Re-login only after the session was rejected.
func refreshInLoop(c creds, ids []string) {
	client := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	client.LoginPassword(c.user, c.pass, c.token)
	for _, id := range ids {
		_, err := client.Query("SELECT Id FROM Account WHERE Id = '" + id + "'")
		var sfErr simpleforce.SalesforceError
		if errors.As(err, &sfErr) && sfErr.ErrorCode == "INVALID_SESSION_ID" {
			client.LoginPassword(c.user, c.pass, c.token)
			client.Query("SELECT Id FROM Account WHERE Id = '" + id + "'")
		}
		if err != nil && strings.Contains(err.Error(), "401") {
			client.LoginPassword(c.user, c.pass, c.token)
		}
	}
}

// A login whose session is not used in the iteration: nothing to say.
func probe(c creds) {
	for range time.Tick(time.Hour) {
		cl := soapforce.NewClient()
		cl.Login(c.user, c.pass+c.token)
		cl.Logout()
	}
}

// A login in a goroutine started per item is the goroutine's business.
func spawn(cfg wrap.Config, ids []string) {
	for range ids {
		go func() {
			c, err := wrap.Connect(cfg)
			if err == nil {
				c.Query("SELECT Id FROM User")
			}
		}()
	}
}

// collector keeps its session on its receiver and logs in through a method
// of its own: the shape of event-log shippers that "get a new token" after
// every sleep.
type collector struct {
	client *simpleforce.Client
	c      creds
}

func (k *collector) relogin() error { // want relogin:"logs in on every call"
	return k.client.LoginPassword(k.c.user, k.c.pass, k.c.token)
}

func (k *collector) ship() error {
	_, err := k.client.Query("SELECT Id FROM EventLogFile")
	return err
}

// The login at the bottom of the loop serves the work at the top of the
// next iteration: one login per tick.
func shipForever(k *collector) { // want shipForever:"logs in on every call"
	if err := k.relogin(); err != nil {
		panic(err)
	}
	for {
		_ = k.ship()
		time.Sleep(time.Minute)
		if err := k.relogin(); err != nil { // want `loop.\(\*collector\).relogin logs in on every tick of this loop`
			panic(err)
		}
	}
}

// Logging in again only when the session is gone: negative.
func shipRefreshing(k *collector) {
	for {
		err := k.ship()
		var sfErr simpleforce.SalesforceError
		if errors.As(err, &sfErr) && sfErr.ErrorCode == "INVALID_SESSION_ID" {
			if err := k.relogin(); err != nil {
				panic(err)
			}
		}
		time.Sleep(time.Minute)
	}
}
