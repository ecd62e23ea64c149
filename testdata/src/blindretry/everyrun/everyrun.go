// Package everyrun holds logins in functions that run again and again: a
// Prometheus collector's Collect (every scrape), HTTP handlers (every
// request), a job handed to a scheduler. When such a login fails and the
// function only returns, the next run tries the same credentials again: on
// a 15 s scrape interval a wrong password locks the user out in about a
// minute. It stands for org-limit and support-case exporters and for web
// services that log in lazily with credentials from their configuration.
package everyrun

import (
	"errors"
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/simpleforce/simpleforce"
	"k8s.io/apimachinery/pkg/util/wait"
)

var up = prometheus.NewDesc("sf_up", "whether the last scrape reached Salesforce", nil, nil)

type creds struct{ url, user, pass, token string }

func connect(c creds) (*simpleforce.Client, error) {
	client := simpleforce.NewClient(c.url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := client.LoginPassword(c.user, c.pass, c.token); err != nil {
		return nil, err
	}
	return client, nil
}

// Exporter logs in on every scrape and only reports up=0 when it fails.
type Exporter struct{ creds creds }

func (e *Exporter) Describe(ch chan<- *prometheus.Desc) { ch <- up }

func (e *Exporter) Collect(ch chan<- prometheus.Metric) {
	c, err := connect(e.creds) // want `everyrun.connect is retried on every scrape of everyrun.\(\*Exporter\).Collect without classifying the fault`
	if err != nil {
		log.Println("scrape:", err)
		ch <- prometheus.MustNewConstMetric(up, prometheus.GaugeValue, 0)
		return
	}
	_, _ = c.Query("SELECT Id FROM Case")
	ch <- prometheus.MustNewConstMetric(up, prometheus.GaugeValue, 1)
}

// LazyExporter keeps its session, but a failed login leaves it empty: the
// next scrape logs in again with the same credentials.
type LazyExporter struct {
	creds  creds
	mu     sync.Mutex
	client *simpleforce.Client
}

func (e *LazyExporter) Describe(ch chan<- *prometheus.Desc) { ch <- up }

func (e *LazyExporter) Collect(ch chan<- prometheus.Metric) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.client == nil {
		c, err := connect(e.creds) // want `is retried on every scrape of everyrun.\(\*LazyExporter\).Collect`
		if err != nil {
			ch <- prometheus.MustNewConstMetric(up, prometheus.GaugeValue, 0)
			return
		}
		e.client = c
	}
	ch <- prometheus.MustNewConstMetric(up, prometheus.GaugeValue, 1)
}

// StoppingExporter remembers a credentials fault and stops logging in:
// negative.
type StoppingExporter struct {
	creds  creds
	client *simpleforce.Client
	dead   error
}

func (e *StoppingExporter) Describe(ch chan<- *prometheus.Desc) { ch <- up }

func (e *StoppingExporter) Collect(ch chan<- prometheus.Metric) {
	if e.dead != nil {
		ch <- prometheus.MustNewConstMetric(up, prometheus.GaugeValue, 0)
		return
	}
	if e.client == nil {
		c, err := connect(e.creds)
		if err != nil {
			var sfErr simpleforce.SalesforceError
			if errors.As(err, &sfErr) && sfErr.ErrorCode == "INVALID_LOGIN" {
				e.dead = err
			}
			ch <- prometheus.MustNewConstMetric(up, prometheus.GaugeValue, 0)
			return
		}
		e.client = c
	}
	ch <- prometheus.MustNewConstMetric(up, prometheus.GaugeValue, 1)
}

var settings = creds{os.Getenv("SF_URL"), os.Getenv("SF_USER"), os.Getenv("SF_PASSWORD"), os.Getenv("SF_TOKEN")}

// accounts logs in with the service's own credentials on every request and
// answers 502 when the login fails.
func accounts(w http.ResponseWriter, r *http.Request) {
	c, err := connect(settings) // want `is retried on every request served by everyrun.accounts without classifying the fault`
	if err != nil {
		http.Error(w, "salesforce unavailable", http.StatusBadGateway)
		return
	}
	_, _ = c.Query("SELECT Id FROM Account")
}

// signIn logs in with the credentials the user typed: each user retries
// their own, negative.
func signIn(w http.ResponseWriter, r *http.Request) {
	c, err := connect(creds{r.FormValue("url"), r.FormValue("user"), r.FormValue("password"), r.FormValue("token")})
	if err != nil {
		http.Error(w, "wrong credentials", http.StatusUnauthorized)
		return
	}
	_, _ = c.Query("SELECT Id FROM Account")
}

// classified tells a credentials fault from an outage before answering:
// negative.
func classified(w http.ResponseWriter, r *http.Request) {
	c, err := connect(settings)
	if err != nil {
		var sfErr simpleforce.SalesforceError
		if errors.As(err, &sfErr) {
			log.Printf("salesforce refused the login (%s): stopping", sfErr.ErrorCode)
			os.Exit(1)
		}
		http.Error(w, "salesforce unavailable", http.StatusBadGateway)
		return
	}
	_, _ = c.Query("SELECT Id FROM Account")
}

// syncJob runs every minute under wait.Until and logs in each time.
func syncJob(stop <-chan struct{}) {
	wait.Until(func() {
		c, err := connect(settings) // want `is retried on every run scheduled by wait.Until without classifying the fault\. .*\(remember it until the credentials change\)`
		if err != nil {
			log.Println(err)
			return
		}
		_, _ = c.Query("SELECT Id FROM Contact")
	}, time.Minute, stop)
}

// every calls fn on each tick and stops at its first error: a scheduler of
// the program's own, known by fact.
func every(d time.Duration, fn func() error) error {
	for range time.Tick(d) {
		if err := fn(); err != nil {
			return err
		}
	}
	return nil
}

// pollStops hands the login error back to a scheduler that stops on it:
// negative.
func pollStops() error {
	return every(time.Minute, func() error {
		c, err := connect(settings)
		if err != nil {
			return err
		}
		_, err = c.Query("SELECT Id FROM Contact")
		return err
	})
}

// pollSwallows logs the error and returns nil: the scheduler calls it again.
func pollSwallows() error {
	return every(time.Minute, func() error {
		c, err := connect(settings) // want `is retried on every run scheduled by everyrun.every`
		if err != nil {
			log.Println(err)
			return nil
		}
		_, err = c.Query("SELECT Id FROM Contact")
		return err
	})
}

// answer looks at why the login failed, as a helper of its own.
func answer(w http.ResponseWriter, err error) {
	var sfErr simpleforce.SalesforceError
	if errors.As(err, &sfErr) && sfErr.ErrorCode == "INVALID_LOGIN" {
		http.Error(w, "integration misconfigured", http.StatusInternalServerError)
		os.Exit(1)
	}
	http.Error(w, "salesforce unavailable", http.StatusBadGateway)
}

// handedToClassifier hands the failure to a helper that classifies it:
// negative.
func handedToClassifier(w http.ResponseWriter, r *http.Request) {
	c, err := connect(settings)
	if err != nil {
		answer(w, err)
		return
	}
	_, _ = c.Query("SELECT Id FROM Account")
}
