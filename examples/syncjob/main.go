// Command syncjob is the nightly Salesforce → warehouse account sync.
//
// It logs in once through the SOAP partner API (go-soapforce), pages through
// the Account object and upserts every row into a local JSON store that the
// reporting jobs read the next morning. It runs from cron:
//
//	15 2 * * *  syncjob -store /var/lib/syncjob/accounts.json
//
// Credentials come from the environment (SF_USERNAME, SF_PASSWORD,
// SF_SECURITY_TOKEN) which the cron wrapper loads from the secrets manager.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"
	"time"
)

type config struct {
	loginHost string
	username  string
	password  string
	token     string
	storePath string
	window    time.Duration

	dryRun     bool
	checkOnly  bool
	smoke      bool
	smokeHost  string
	apiVersion string
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func loadConfig() config {
	var c config
	flag.StringVar(&c.loginHost, "login-host", envOr("SF_LOGIN_HOST", "login.salesforce.com"), "Salesforce login host (test.salesforce.com for sandboxes)")
	flag.StringVar(&c.username, "user", os.Getenv("SF_USERNAME"), "integration user name")
	flag.StringVar(&c.storePath, "store", envOr("SYNC_STORE", "accounts.json"), "path of the local account store")
	flag.DurationVar(&c.window, "window", 26*time.Hour, "sync accounts modified within this window")
	flag.StringVar(&c.apiVersion, "api-version", "44.0", "SOAP API version")
	flag.BoolVar(&c.dryRun, "dry-run", false, "only count the accounts that would be synced")
	flag.BoolVar(&c.checkOnly, "check", false, "only check that the credentials work (used by the deploy pipeline)")
	flag.BoolVar(&c.smoke, "smoke", false, "log in with the smoke-test user and exit")
	flag.StringVar(&c.smokeHost, "smoke-host", "test.salesforce.com", "login host for -smoke")
	flag.Parse()

	c.password = os.Getenv("SF_PASSWORD")
	c.token = os.Getenv("SF_SECURITY_TOKEN")
	return c
}

func main() {
	cfg := loadConfig()
	log.SetPrefix("syncjob: ")

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	var err error
	switch {
	case cfg.smoke:
		err = smokeLogin(cfg.smokeHost)
	case cfg.checkOnly:
		err = checkCredentials(cfg)
	case cfg.dryRun:
		err = dryRun(cfg)
	default:
		err = run(ctx, cfg)
	}
	if err != nil {
		log.Printf("failed: %s", explainLoginFailure(err))
		os.Exit(1)
	}
}
