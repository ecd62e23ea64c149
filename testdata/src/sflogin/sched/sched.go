// want package:"flow facts"

// Package sched declares helpers that call a func parameter on a timer (a
// team's own scheduler) and one that retries it: the shared pass derives a
// fact for each, even in a package that has nothing to do with Salesforce
// (the kind of utility package real integrations import).
package sched

import (
	"context"
	"time"
)

// Every calls fn now and then on every tick until it fails: a scheduler.
func Every(ctx context.Context, d time.Duration, fn func() error) error { // want Every:"schedules \\[2\\]"
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		if err := fn(); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Background runs fn on every tick in a goroutine.
func Background(d time.Duration, fn func()) { // want Background:"schedules \\[1\\]"
	go func() {
		for range time.Tick(d) {
			fn()
		}
	}()
}

// Forward hands fn on to Every: a scheduler too.
func Forward(ctx context.Context, fn func() error) error { // want Forward:"schedules \\[1\\]"
	return Every(ctx, time.Minute, fn)
}

// Retry calls fn until it succeeds: a retry helper, not a scheduler.
func Retry(n int, fn func() error) (err error) { // want Retry:"retries param 1"
	for i := 0; i < n; i++ {
		if err = fn(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// ForEach calls fn once per item, without waiting: not a scheduler.
func ForEach(items []string, fn func(string)) {
	for _, it := range items {
		fn(it)
	}
}
