// Command webhandler is the internal "sales tools" HTTP service: account
// lookups for the intranet, contact search, a Slack slash command and a
// small limits report. Each endpoint was written by a different team over
// the years and talks to Salesforce through a different client library.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"github.com/k-capehart/go-salesforce/v3"

	"github.com/sflint/sflint/examples/sfconn"
)

func main() {
	addr := os.Getenv("LISTEN_ADDR")
	if addr == "" {
		addr = ":8080"
	}

	fcfg := forceConfigFromEnv()
	sess := &forceSession{cfg: fcfg, ttl: 90 * time.Minute}
	contacts := &contactService{creds: contactCredsFromEnv()}
	sfcfg := sfconn.ConfigFromEnv()

	// BAD(unhandledfault): the login error is only logged; the server starts with a nil client and /reports/limits panics on first use.
	reports, err := salesforce.Init(contactCredsFromEnv())
	if err != nil {
		log.Printf("salesforce login for reports failed: %v", err)
	}

	search := sfconn.NewAccountDAO(sfcfg)
	// GOOD(unhandledfault): Connect hands the login fault back uninspected, and this command prints it whole and exits: the operator reads INVALID_LOGIN or PASSWORD_LOCKOUT, and nothing retries.
	if err := search.Connect(); err != nil {
		log.Fatalf("account search: %v", err)
	}

	mux := http.NewServeMux()
	mux.Handle("GET /v1/accounts/{id}", legacyAccountHandler(fcfg))
	mux.Handle("GET /v2/accounts/{id}", accountHandler(sess))
	mux.Handle("GET /accounts/search", searchHandler(search))
	mux.Handle("GET /contacts", contacts)
	mux.Handle("POST /slack/command", slackCommandHandler(sfcfg))
	mux.Handle("GET /reports/limits", limitsHandler(reports))

	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("listening on %s", addr)
	log.Fatal(srv.ListenAndServe())
}
