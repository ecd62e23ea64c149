package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nimajalali/go-force/force"
	"github.com/nimajalali/go-force/sobjects"
)

// forceConfig is the go-force (OAuth password flow) configuration.
type forceConfig struct {
	version      string
	clientID     string
	clientSecret string
	username     string
	password     string
	token        string
	environment  string
}

func forceConfigFromEnv() forceConfig {
	env := "production"
	if os.Getenv("SF_SANDBOX") == "1" {
		env = "sandbox"
	}
	return forceConfig{
		version:      "v52.0",
		clientID:     os.Getenv("SF_CLIENT_ID"),
		clientSecret: os.Getenv("SF_CLIENT_SECRET"),
		username:     os.Getenv("SF_USERNAME"),
		password:     os.Getenv("SF_PASSWORD"),
		token:        os.Getenv("SF_SECURITY_TOKEN"),
		environment:  env,
	}
}

type accountRow struct {
	ID       string `json:"id" force:"Id"`
	Name     string `json:"name" force:"Name"`
	Industry string `json:"industry" force:"Industry"`
	Website  string `json:"website" force:"Website"`
}

type accountQuery struct {
	sobjects.BaseQuery
	Records []accountRow `force:"records"`
}

// writeLoginError maps a failed login to a status code.
func writeLoginError(w http.ResponseWriter, err error) {
	var apiErr *force.ApiError
	// GOOD(unhandledfault): the OAuth error name is inspected; rejected credentials are a 500 for the operators, not a 503 the caller would retry.
	if errors.As(err, &apiErr) && (apiErr.ErrorName == "invalid_grant" || apiErr.ErrorName == "invalid_client_id" || apiErr.ErrorName == "invalid_client") {
		log.Printf("salesforce rejected the integration credentials: %s: %s", apiErr.ErrorName, apiErr.ErrorDescription)
		http.Error(w, "salesforce integration is misconfigured", http.StatusInternalServerError)
		return
	}
	log.Printf("salesforce login: %v", err)
	w.Header().Set("Retry-After", "30")
	http.Error(w, "salesforce is unavailable, try again shortly", http.StatusServiceUnavailable)
}

func writeAccount(w http.ResponseWriter, api *force.ForceApi, id string) {
	if id == "" || strings.ContainsAny(id, `'\`) {
		http.Error(w, "bad account id", http.StatusBadRequest)
		return
	}
	var out accountQuery
	q := fmt.Sprintf("SELECT Id, Name, Industry, Website FROM Account WHERE Id = '%s'", id)
	if err := api.Query(q, &out); err != nil {
		log.Printf("account query: %v", err)
		http.Error(w, "query failed", http.StatusBadGateway)
		return
	}
	if len(out.Records) == 0 {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out.Records[0])
}

// legacyAccountHandler serves GET /v1/accounts/{id}; the intranet still calls it.
func legacyAccountHandler(cfg forceConfig) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// BAD(sessionreuse): a full OAuth password login is made on every HTTP request.
		api, err := force.Create(cfg.version, cfg.clientID, cfg.clientSecret, cfg.username, cfg.password, cfg.token, cfg.environment)
		if err != nil {
			writeLoginError(w, err)
			return
		}
		writeAccount(w, api, r.PathValue("id"))
	}
}

// forceSession shares one go-force login between all requests.
type forceSession struct {
	cfg forceConfig
	ttl time.Duration

	mu      sync.Mutex
	api     *force.ForceApi
	expires time.Time
}

func (s *forceSession) get() (*force.ForceApi, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.api != nil && time.Now().Before(s.expires) {
		return s.api, nil
	}
	// GOOD(sessionreuse): at most one login per TTL, shared by every request under the mutex.
	api, err := force.Create(s.cfg.version, s.cfg.clientID, s.cfg.clientSecret, s.cfg.username, s.cfg.password, s.cfg.token, s.cfg.environment)
	if err != nil {
		return nil, err
	}
	s.api, s.expires = api, time.Now().Add(s.ttl)
	return api, nil
}

// accountHandler serves GET /v2/accounts/{id}.
func accountHandler(sess *forceSession) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		api, err := sess.get()
		if err != nil {
			writeLoginError(w, err)
			return
		}
		writeAccount(w, api, r.PathValue("id"))
	}
}
