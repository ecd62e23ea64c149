// Package callback holds logins in the callbacks that programs other than
// web servers call again and again: a Prometheus exporter's Collect (run on
// every scrape), a generated OpenAPI client's auth writer and an
// http.RoundTripper (run on every request they send). Each stands for a
// kind of real integration: metrics exporters for Salesforce org limits or
// support cases, Terraform providers whose generated client authenticates
// each request with a password grant, and transports that add a token.
package callback

import (
	"context"
	"net/http"
	"sync"

	"github.com/go-openapi/runtime"
	"github.com/go-openapi/strfmt"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/simpleforce/simpleforce"
	"golang.org/x/oauth2"
)

var openCases = prometheus.NewDesc("sf_open_cases", "open support cases", nil, nil)

type creds struct{ url, user, pass, token string }

func connect(c creds) (*simpleforce.Client, error) { // want connect:"logs in on every call"
	client := simpleforce.NewClient(c.url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := client.LoginPassword(c.user, c.pass, c.token); err != nil {
		return nil, err
	}
	return client, nil
}

// countOpen only borrows the client.
func countOpen(c *simpleforce.Client) float64 {
	r, err := c.Query("SELECT Id FROM Case WHERE IsClosed = false")
	if err != nil {
		return 0
	}
	return float64(r.TotalSize)
}

// Exporter logs in on every scrape.
type Exporter struct{ creds creds }

func (e *Exporter) Describe(ch chan<- *prometheus.Desc) { ch <- openCases }

func (e *Exporter) Collect(ch chan<- prometheus.Metric) {
	c, err := connect(e.creds) // want `callback.connect logs in on every scrape of callback.\(\*Exporter\).Collect\. callback.connect calls simpleforce.\(\*Client\).LoginPassword: log in once`
	if err != nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(openCases, prometheus.GaugeValue, countOpen(c))
}

// CachingExporter keeps the session between scrapes: negative.
type CachingExporter struct {
	creds  creds
	mu     sync.Mutex
	client *simpleforce.Client
}

func (e *CachingExporter) Describe(ch chan<- *prometheus.Desc) { ch <- openCases }

func (e *CachingExporter) Collect(ch chan<- prometheus.Metric) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.client == nil {
		c, err := connect(e.creds)
		if err != nil {
			return
		}
		e.client = c
	}
	ch <- prometheus.MustNewConstMetric(openCases, prometheus.GaugeValue, countOpen(e.client))
}

// NotACollector has a Collect method of another signature: negative.
type NotACollector struct{ creds creds }

func (n *NotACollector) Collect(out chan<- float64) {
	c, err := connect(n.creds)
	if err != nil {
		return
	}
	out <- countOpen(c)
}

const tokenURL = "https://login.salesforce.com/services/oauth2/token"

type apiConfig struct{ clientID, clientSecret, user, pass string }

// passwordWriter returns an auth writer that runs the password grant for
// every request the generated client sends.
func passwordWriter(cfg apiConfig) runtime.ClientAuthInfoWriter {
	return runtime.ClientAuthInfoWriterFunc(func(r runtime.ClientRequest, _ strfmt.Registry) error {
		conf := &oauth2.Config{ClientID: cfg.clientID, ClientSecret: cfg.clientSecret, Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
		tok, err := conf.PasswordCredentialsToken(context.Background(), cfg.user, cfg.pass) // want `^PasswordCredentialsToken logs in on every request authenticated by this runtime.ClientAuthInfoWriterFunc literal\. `
		if err != nil {
			return err
		}
		return r.SetHeaderParam("Authorization", "Bearer "+tok.AccessToken)
	})
}

// onceWriter logs in once and hands out a token source that refreshes only
// when the token expires: negative.
func onceWriter(ctx context.Context, cfg apiConfig) (runtime.ClientAuthInfoWriter, error) { // want onceWriter:"logs in on every call"
	conf := &oauth2.Config{ClientID: cfg.clientID, ClientSecret: cfg.clientSecret, Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	tok, err := conf.PasswordCredentialsToken(ctx, cfg.user, cfg.pass)
	if err != nil {
		return nil, err
	}
	ts := conf.TokenSource(ctx, tok)
	return runtime.ClientAuthInfoWriterFunc(func(r runtime.ClientRequest, _ strfmt.Registry) error {
		t, err := ts.Token()
		if err != nil {
			return err
		}
		return r.SetHeaderParam("Authorization", "Bearer "+t.AccessToken)
	}), nil
}

// bearer is an auth writer type: its AuthenticateRequest runs per request.
type bearer struct{ cfg apiConfig }

func (b bearer) AuthenticateRequest(r runtime.ClientRequest, _ strfmt.Registry) error { // want AuthenticateRequest:"logs in on every call \\(reported\\)"
	conf := &oauth2.Config{ClientID: b.cfg.clientID, ClientSecret: b.cfg.clientSecret, Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	tok, err := conf.PasswordCredentialsToken(context.Background(), b.cfg.user, b.cfg.pass) // want `logs in on every request authenticated by callback.bearer.AuthenticateRequest`
	if err != nil {
		return err
	}
	return r.SetHeaderParam("Authorization", "Bearer "+tok.AccessToken)
}

// loginTransport logs in for every HTTP request it carries.
type loginTransport struct {
	cfg  apiConfig
	next http.RoundTripper
}

func (t *loginTransport) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:"logs in on every call \\(reported\\)"
	conf := &oauth2.Config{ClientID: t.cfg.clientID, ClientSecret: t.cfg.clientSecret, Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	tok, err := conf.PasswordCredentialsToken(req.Context(), t.cfg.user, t.cfg.pass) // want `logs in on every request sent through callback.\(\*loginTransport\).RoundTrip`
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return t.next.RoundTrip(req)
}

// cachingTransport logs in only when it has no token yet: negative.
type cachingTransport struct {
	cfg  apiConfig
	next http.RoundTripper
	mu   sync.Mutex
	tok  *oauth2.Token
}

func (t *cachingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.mu.Lock()
	if t.tok == nil {
		conf := &oauth2.Config{ClientID: t.cfg.clientID, ClientSecret: t.cfg.clientSecret, Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
		tok, err := conf.PasswordCredentialsToken(req.Context(), t.cfg.user, t.cfg.pass)
		if err != nil {
			t.mu.Unlock()
			return nil, err
		}
		t.tok = tok
	}
	tok := t.tok
	t.mu.Unlock()
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return t.next.RoundTrip(req)
}
