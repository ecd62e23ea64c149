// Package refresh logs in again only when Salesforce rejected the session
// (INVALID_SESSION_ID, HTTP 401): the recommended refresh, never reported.
// It also shows the suppression directive.
package refresh

import (
	"errors"
	"net/http"
	"strings"
	"sync"

	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
	"github.com/tzmfreedom/go-soapforce"

	"sessionreuse/wrap"
)

var (
	cfg wrap.Config
	mu  sync.Mutex
	api *force.ForceApi
	sf  *simpleforce.Client
	sc  *soapforce.Client
)

func invalidSession(w http.ResponseWriter, r *http.Request) {
	var out map[string]any
	err := api.Query("SELECT Id FROM Account", &out)
	var apiErr *force.ApiError
	if errors.As(err, &apiErr) && apiErr.ErrorCode == "INVALID_SESSION_ID" {
		mu.Lock()
		a, err := force.Create("v52.0", "id", "secret", cfg.User, cfg.Password, cfg.Token, "production")
		if err == nil {
			api = a
		}
		mu.Unlock()
	}
}

func unauthorized(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("GET", "https://example.my.salesforce.com/services/data/v60.0/limits", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	if resp.StatusCode == http.StatusUnauthorized {
		c, err := wrap.Connect(cfg)
		if err == nil {
			c.Query("SELECT Id FROM User")
		}
	}
}

func isExpired(err error) bool {
	var e simpleforce.SalesforceError
	return errors.As(err, &e) && e.ErrorCode == "INVALID_SESSION_ID"
}

func classified(w http.ResponseWriter, r *http.Request) {
	_, err := sf.Query("SELECT Id FROM User")
	switch {
	case isExpired(err):
		sf.LoginPassword(cfg.User, cfg.Password, cfg.Token)
		sf.Query("SELECT Id FROM User")
	case err != nil:
		return
	}
}

func codeSwitch(w http.ResponseWriter, r *http.Request) {
	_, err := sc.Query("SELECT Id FROM User")
	var fault *soapforce.SOAPFault
	if !errors.As(err, &fault) {
		return
	}
	switch fault.Code {
	case "sf:INVALID_SESSION_ID":
		sc.Login(cfg.User, cfg.Password+cfg.Token)
		sc.Query("SELECT Id FROM User")
	}
}

func typeSwitch(w http.ResponseWriter, r *http.Request) {
	_, err := sc.Query("SELECT Id FROM User")
	switch err.(type) {
	case *soapforce.SOAPFault:
		sc.Login(cfg.User, cfg.Password+cfg.Token)
		sc.Query("SELECT Id FROM User")
	}
}

func anyError(w http.ResponseWriter, r *http.Request) {
	if _, err := sf.Query("SELECT Id FROM User"); err != nil && strings.Contains(err.Error(), "expired") {
		sf.LoginPassword(cfg.User, cfg.Password, cfg.Token)
		sf.Query("SELECT Id FROM User")
	}
}

// A refresh token is no password login.
func refreshToken(w http.ResponseWriter, r *http.Request) {
	c := soapforce.NewClient()
	if err := c.Refresh("refresh-token-from-the-vault"); err != nil {
		return
	}
	c.Query("SELECT Id FROM User")
}

// Suppressed on the line above.
func audited(w http.ResponseWriter, r *http.Request) {
	//sflint:ignore sessionreuse -- the audit endpoint must prove the credentials on every call
	c, err := wrap.Connect(cfg)
	if err == nil {
		c.Query("SELECT Id FROM User")
	}
}

// Suppressed by the function's doc comment.
//
//sflint:ignore sessionreuse -- a health probe that checks the login itself, once a minute
func health(w http.ResponseWriter, r *http.Request) {
	c, err := wrap.Connect(cfg)
	if err == nil {
		c.Query("SELECT Id FROM User LIMIT 1")
	}
}

// Not suppressed: the directive names another analyzer.
func other(w http.ResponseWriter, r *http.Request) {
	//sflint:ignore nologout -- simpleforce has no logout
	c, err := wrap.Connect(cfg) // want `wrap.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) logs in on every request served by refresh.other`
	if err == nil {
		c.Query("SELECT Id FROM User")
	}
}
