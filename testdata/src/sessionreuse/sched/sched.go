// Package sched has functions called on a timer by a scheduler: a login in
// them is made on every tick.
package sched

import (
	"context"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/session"
	"github.com/g8rswimmer/go-sfdc/sobject"
	"github.com/simpleforce/simpleforce"
	"k8s.io/apimachinery/pkg/util/wait"

	"sessionreuse/wrap"
)

var cfg wrap.Config

func k8s(stop <-chan struct{}, conf sfdc.Configuration) {
	wait.Until(func() {
		sess, err := session.Open(conf) // want `session.Open logs in on every run scheduled by wait.Until`
		if err != nil {
			return
		}
		sobject.NewResources(sess)
	}, time.Minute, stop)

	wait.JitterUntilWithContext(context.Background(), func(ctx context.Context) {
		c, err := wrap.Connect(cfg) // want `wrap.Connect logs in on every run scheduled by wait.JitterUntilWithContext`
		if err == nil {
			c.Query("SELECT Id FROM Case")
		}
	}, time.Minute, 0.1, true)
}

// A method handed to wait.Forever by name.
type syncer struct{ cfg wrap.Config }

func (s *syncer) poll() {
	c, err := wrap.Connect(s.cfg) // want `wrap.Connect logs in on every run of sched.\(\*syncer\).poll scheduled by wait.Forever`
	if err != nil {
		return
	}
	c.Query("SELECT Id FROM Case")
}

func (s *syncer) start() { wait.Forever(s.poll, time.Minute) }

// Helpers of another package, found by their facts.
func helpers(ctx context.Context) {
	wrap.Every(ctx, time.Minute, func() error {
		c, err := wrap.Connect(cfg) // want `wrap.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) logs in on every run scheduled by wrap.Every`
		if err != nil {
			return err
		}
		_, err = c.Query("SELECT Id FROM Case")
		return err
	})
	wrap.Background(time.Minute, func() {
		c := simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
		c.LoginPassword(cfg.User, cfg.Password, cfg.Token) // want `simpleforce.\(\*Client\).LoginPassword logs in on every run scheduled by wrap.Background`
		c.Query("SELECT Id FROM Case")
	})
	job := func() error {
		_, err := wrap.Connect(cfg) // want `wrap.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) logs in on every run scheduled by wrap.Forward`
		return err
	}
	wrap.Forward(ctx, job)
}

// A scheduler of this package.
func every(d time.Duration, fn func()) {
	for {
		fn()
		time.Sleep(d)
	}
}

func local() {
	every(time.Hour, func() {
		wrap.Connect(cfg) // want `wrap.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) logs in on every run scheduled by sched.every`
	})
}

// --- not reported ---

func notSchedulers(ctx context.Context, items []string) {
	// A retry helper calls its operation until it succeeds.
	wrap.Retry(3, func() error {
		_, err := wrap.Connect(cfg)
		return err
	})
	backoff.Retry(func() error {
		_, err := wrap.Connect(cfg)
		return err
	}, backoff.NewExponentialBackOff())
	// k8s Poll functions stop when the condition is done: blindretry's business.
	wait.PollUntilContextCancel(ctx, time.Second, true, func(ctx context.Context) (bool, error) {
		_, err := wrap.Connect(cfg)
		return err == nil, nil
	})
	// Called once per item, without a timer.
	wrap.ForEach(items, func(string) {
		wrap.Connect(cfg)
	})
}

// The session is kept between ticks.
type cachedSyncer struct {
	cfg wrap.Config
	c   *simpleforce.Client
}

func (s *cachedSyncer) run(stop <-chan struct{}) {
	wait.Until(func() {
		if s.c == nil {
			c, err := wrap.Connect(s.cfg)
			if err != nil {
				return
			}
			s.c = c
		}
		s.c.Query("SELECT Id FROM Case")
	}, time.Minute, stop)
}

// Opened once, used on every tick.
func hoisted(stop <-chan struct{}) error { // want hoisted:"logs in on every call"
	c, err := wrap.Connect(cfg)
	if err != nil {
		return err
	}
	wait.Until(func() { c.Query("SELECT Id FROM Case") }, time.Minute, stop)
	return nil
}
