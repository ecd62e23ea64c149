package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"

	"github.com/k-capehart/go-salesforce/v3"
)

func contactCredsFromEnv() salesforce.Creds {
	return salesforce.Creds{
		Domain:         os.Getenv("SF_DOMAIN"),
		Username:       os.Getenv("SF_USERNAME"),
		Password:       os.Getenv("SF_PASSWORD"),
		SecurityToken:  os.Getenv("SF_SECURITY_TOKEN"),
		ConsumerKey:    os.Getenv("SF_CLIENT_ID"),
		ConsumerSecret: os.Getenv("SF_CLIENT_SECRET"),
	}
}

type contact struct {
	Id    string
	Name  string
	Email string
	Title string
}

// contactService serves GET /contacts?q=... with one lazily created client.
type contactService struct {
	creds salesforce.Creds

	once sync.Once
	sf   *salesforce.Salesforce
	err  error
}

func (s *contactService) client() (*salesforce.Salesforce, error) {
	s.once.Do(func() {
		// GOOD(sessionreuse): Init runs once per process under sync.Once; go-salesforce refreshes the token itself on INVALID_SESSION_ID.
		s.sf, s.err = salesforce.Init(s.creds)
	})
	return s.sf, s.err
}

func (s *contactService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sf, err := s.client()
	if err != nil {
		log.Printf("contacts: salesforce login: %v", err)
		http.Error(w, "salesforce login failed; see server log", http.StatusInternalServerError)
		return
	}
	q := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(r.URL.Query().Get("q"))
	var out []contact
	soql := fmt.Sprintf("SELECT Id, Name, Email, Title FROM Contact WHERE Name LIKE '%%%s%%' LIMIT 50", q)
	if err := sf.Query(soql, &out); err != nil {
		log.Printf("contacts: query: %v", err)
		http.Error(w, "query failed", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

// limitsHandler serves GET /reports/limits from the org's limits resource.
func limitsHandler(sf *salesforce.Salesforce) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := sf.DoRequest(http.MethodGet, "/limits", nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(resp.StatusCode)
		var limits map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&limits); err != nil {
			return
		}
		json.NewEncoder(w).Encode(limits)
	}
}
