// Package envcreds holds HTTP handlers whose credentials come from the
// environment or configuration, filled through a pointer: the same on every
// request, so a login per request is a repeat. It stands for chat bots and
// webhooks that read their Salesforce settings with envconfig on each
// request and build a new client, keeping it in a package variable that no
// one reads as a cache. Credentials read from the request (a session per
// user) and a refresh endpoint that only replaces the shared session are
// the negatives.
package envcreds

import (
	"encoding/json"
	"net/http"

	"github.com/kelseyhightower/envconfig"
	"github.com/simpleforce/simpleforce"
)

type settings struct{ URL, User, Password, Token string }

type store struct{ c *simpleforce.Client }

func openStore(url, user, pass, token string) (*store, error) { // want openStore:"logs in on every call"
	c := simpleforce.NewClient(url, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(user, pass, token); err != nil {
		return nil, err
	}
	return &store{c: c}, nil
}

var current *store

// slashCommand reads the settings from the environment on every request and
// logs in: the same credentials each time.
func slashCommand(w http.ResponseWriter, r *http.Request) {
	var s settings
	if err := envconfig.Process("sf", &s); err != nil {
		http.Error(w, "config", 500)
		return
	}
	st, err := openStore(s.URL, s.User, s.Password, s.Token) // want `logs in on every request served by envcreds.slashCommand`
	if err != nil {
		http.Error(w, "login", 500)
		return
	}
	current = st // overwritten on every request, then used: not a cache
	_, _ = current.c.Query("SELECT Id FROM Account")
}

// cachedCommand checks the package variable before logging in: negative.
func cachedCommand(w http.ResponseWriter, r *http.Request) {
	var s settings
	envconfig.MustProcess("sf", &s)
	if current == nil {
		st, err := openStore(s.URL, s.User, s.Password, s.Token)
		if err != nil {
			http.Error(w, "login", 500)
			return
		}
		current = st
	}
	_, _ = current.c.Query("SELECT Id FROM Account")
}

// reconnect only replaces the shared session (an operator's endpoint):
// negative, the session is kept for the other handlers.
func reconnect(w http.ResponseWriter, r *http.Request) {
	var s settings
	envconfig.MustProcess("sf", &s)
	st, err := openStore(s.URL, s.User, s.Password, s.Token)
	if err != nil {
		http.Error(w, "login", 500)
		return
	}
	current = st
}

// perUser logs in with the credentials the request carries, decoded through
// a pointer: a session per user, negative.
func perUser(w http.ResponseWriter, r *http.Request) {
	var s settings
	if err := json.NewDecoder(r.Body).Decode(&s); err != nil {
		http.Error(w, "bad request", 400)
		return
	}
	st, err := openStore(s.URL, s.User, s.Password, s.Token)
	if err != nil {
		http.Error(w, "login", 401)
		return
	}
	_, _ = st.c.Query("SELECT Id FROM Account")
}

// zeroValue declares its settings and fills them field by field from
// constants of the program: the same on every request.
func zeroValue(w http.ResponseWriter, r *http.Request) {
	var s settings
	s.URL = "https://example.my.salesforce.com"
	st, err := openStore(s.URL, s.User, s.Password, s.Token) // want `logs in on every request served by envcreds.zeroValue`
	if err != nil {
		http.Error(w, "login", 500)
		return
	}
	_, _ = st.c.Query("SELECT Id FROM Account")
}
