// Shapes: plugins and services that log the login error with a structured
// logger (hclog in Terraform providers and Steampipe plugins, zap, zerolog,
// logrus, logr, go-kit, log/slog) and then return it formatted with %v, or
// nothing. The logger call is a sink (the error is only logged), not an
// escape: it must hide neither the %v erasure after it nor the swallowed
// failure. simpleforce of 2022 and later (SalesforceError).
package loggers

import (
	"fmt"
	"log/slog"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/go-logr/logr"
	hclog "github.com/hashicorp/go-hclog"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/simpleforce/simpleforce"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

func client() *simpleforce.Client {
	return simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
}

// ---- a log call, then %v: the erasure is reported ----

func HCLog(l hclog.Logger, u, p, t string) (*simpleforce.Client, error) {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		l.Error("connect", "client login error", err)
		return nil, fmt.Errorf("client login error %v", err) // want `^fmt.Errorf with %v flattens the simpleforce.SalesforceError`
	}
	return c, nil
}

func HCLogWith(l hclog.Logger, u, p, t string) (*simpleforce.Client, error) {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		l.With("err", err).Warn("login failed")
		return nil, fmt.Errorf("login: %v", err) // want `^fmt.Errorf with %v flattens`
	}
	return c, nil
}

func Zap(l *zap.Logger, u, p, t string) (*simpleforce.Client, error) {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		l.Error("login failed", zap.Error(err), zap.Any("cause", err))
		return nil, fmt.Errorf("login: %v", err) // want `^fmt.Errorf with %v flattens`
	}
	return c, nil
}

func Zerolog(l *zerolog.Logger, u, p, t string) (*simpleforce.Client, error) {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		l.Error().Err(err).Msg("login failed")
		return nil, fmt.Errorf("login: %v", err) // want `^fmt.Errorf with %v flattens`
	}
	return c, nil
}

func Logrus(u, p, t string) (*simpleforce.Client, error) {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		logrus.WithError(err).WithFields(logrus.Fields{"user": u, "cause": err}).Error("login failed")
		return nil, fmt.Errorf("login: %v", err) // want `^fmt.Errorf with %v flattens`
	}
	return c, nil
}

func Logr(l logr.Logger, u, p, t string) (*simpleforce.Client, error) {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		l.WithValues("cause", err).Error(err, "login failed")
		return nil, fmt.Errorf("login: %v", err) // want `^fmt.Errorf with %v flattens`
	}
	return c, nil
}

func GoKit(l log.Logger, u, p, t string) (*simpleforce.Client, error) {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		_ = level.Error(log.With(l, "cause", err)).Log("msg", "login failed", "err", err)
		return nil, fmt.Errorf("login: %v", err) // want `^fmt.Errorf with %v flattens`
	}
	return c, nil
}

func Slog(l *slog.Logger, u, p, t string) (*simpleforce.Client, error) {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		l.Error("login failed", slog.Any("err", err))
		return nil, fmt.Errorf("login: %v", err) // want `^fmt.Errorf with %v flattens`
	}
	return c, nil
}

// ---- only logged: swallowed ----

func HCLogOnly(l hclog.Logger, u, p, t string) *simpleforce.Client {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only logged and its fault code is never read`
		l.Error("connect", "client login error", err)
		return nil
	}
	return c
}

func ZerologGlobalOnly(u, p, t string) *simpleforce.Client {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil { // want `^the login error of .* is only logged`
		zlog.Err(err).Msg("login failed")
		return nil
	}
	return c
}

func ZapSugarOnly(s *zap.SugaredLogger, u, p, t string) *simpleforce.Client {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil { // want `^the login error of .* is only logged`
		s.Errorw("login failed", "err", err)
		return nil
	}
	return c
}

func LogrusOnly(u, p, t string) *simpleforce.Client {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil { // want `^the login error of .* is only logged`
		logrus.WithError(err).Error("login failed")
		return nil
	}
	return c
}

// ---- not reported ----

// Logged, then wrapped with %w: the caller can still errors.As it.
func HCLogWrapped(l hclog.Logger, u, p, t string) (*simpleforce.Client, error) { // want HCLogWrapped:`fault simpleforce.SalesforceError.ErrorCode SOAP`
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		l.Error("connect", "client login error", err)
		return nil, fmt.Errorf("client login error: %w", err)
	}
	return c, nil
}

// A method of a logging package that is neither a level nor a field (a hook
// of the program's own would be the same): the error goes there, and may be
// acted on.
type reporter interface{ Report(err error) }

func Reported(r reporter, u, p, t string) *simpleforce.Client {
	c := client()
	if err := c.LoginPassword(u, p, t); err != nil {
		r.Report(err)
		return nil
	}
	return c
}
