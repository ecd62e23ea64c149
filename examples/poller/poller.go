// Package poller watches Salesforce for recently modified cases and hands
// them to a callback (the support dashboard pushes them to its websocket
// clients). It uses github.com/g8rswimmer/go-sfdc.
package poller

import (
	"context"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/g8rswimmer/go-sfdc"
	"github.com/g8rswimmer/go-sfdc/credentials"
	"github.com/g8rswimmer/go-sfdc/session"
	"github.com/g8rswimmer/go-sfdc/soql"
)

// Handler receives the cases modified since the previous tick.
type Handler func(ctx context.Context, cases []*sfdc.Record) error

// Options is read from the environment by OptionsFromEnv.
type Options struct {
	LoginURL      string
	Username      string
	Password      string
	SecurityToken string
	ClientID      string
	ClientSecret  string
	Version       int
}

// OptionsFromEnv reads the SF_* variables the dashboard's deployment sets.
func OptionsFromEnv() Options {
	version, err := strconv.Atoi(os.Getenv("SF_API_VERSION"))
	if err != nil || version <= 0 {
		version = 52
	}
	loginURL := os.Getenv("SF_LOGIN_URL")
	if loginURL == "" {
		loginURL = "https://login.salesforce.com"
	}
	return Options{
		LoginURL:      loginURL,
		Username:      os.Getenv("SF_USERNAME"),
		Password:      os.Getenv("SF_PASSWORD"),
		SecurityToken: os.Getenv("SF_SECURITY_TOKEN"),
		ClientID:      os.Getenv("SF_CLIENT_ID"),
		ClientSecret:  os.Getenv("SF_CLIENT_SECRET"),
		Version:       version,
	}
}

// Configuration turns Options into a go-sfdc configuration. The security token
// is appended to the password: go-sfdc has no separate field for it.
func Configuration(o Options) (sfdc.Configuration, error) {
	creds, err := credentials.NewPasswordCredentials(credentials.PasswordCredentials{
		URL:          o.LoginURL,
		Username:     o.Username,
		Password:     o.Password + o.SecurityToken,
		ClientID:     o.ClientID,
		ClientSecret: o.ClientSecret,
	})
	if err != nil {
		return sfdc.Configuration{}, err
	}
	return sfdc.Configuration{
		Credentials: creds,
		Client:      &http.Client{Timeout: 30 * time.Second},
		Version:     o.Version,
	}, nil
}

// recentCases queries the cases modified after since, following every page.
func recentCases(sess *session.Session, since time.Time) ([]*sfdc.Record, error) {
	resource, err := soql.NewResource(sess)
	if err != nil {
		return nil, err
	}
	where, err := soql.WhereGreaterThan("LastModifiedDate", since.UTC(), false)
	if err != nil {
		return nil, err
	}
	query, err := soql.NewQuery(soql.QueryInput{
		ObjectType: "Case",
		FieldList:  []string{"Id", "CaseNumber", "Subject", "Status", "Priority"},
		Where:      where,
	})
	if err != nil {
		return nil, err
	}
	result, err := resource.Query(query, false)
	if err != nil {
		return nil, err
	}
	var records []*sfdc.Record
	for {
		for _, qr := range result.Records() {
			records = append(records, qr.Record())
		}
		if !result.MoreRecords() {
			return records, nil
		}
		if result, err = result.Next(); err != nil {
			return nil, err
		}
	}
}

// isSessionExpired recognises the REST 401 body. go-sfdc only gives us the
// text: "insert response err: INVALID_SESSION_ID: Session expired or invalid".
func isSessionExpired(err error) bool {
	return err != nil && strings.Contains(err.Error(), "INVALID_SESSION_ID")
}

// periodically calls fn now and then every interval until fn fails or ctx
// ends.
func periodically(ctx context.Context, interval time.Duration, fn func() error) error {
	t := time.NewTicker(interval)
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
