package main

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/tzmfreedom/go-soapforce"
)

const accountFields = "Id, Name, Industry, OwnerId, LastModifiedDate"

// run is the nightly sync: one login, every page of modified accounts, one
// logout.
func run(ctx context.Context, cfg config) (err error) {
	st, err := openStore(cfg.storePath)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("write store: %w", cerr)
		}
	}()

	client := soapforce.NewClient()
	client.SetLoginUrl(cfg.loginHost)
	client.SetApiVersion(cfg.apiVersion)
	client.SetBatchSize(2000)

	// GOOD(nologout): the session is logged out by the deferred call on every path after a successful login.
	res, err := login(ctx, client, cfg.username, cfg.password+cfg.token)
	if err != nil {
		return err
	}
	defer func() {
		if lerr := client.Logout(); lerr != nil {
			log.Printf("logout: %v", lerr)
		}
	}()
	// GOOD(unhandledfault): PasswordExpired is checked before any other call is made with the new session.
	if res.PasswordExpired {
		return errPasswordExpired
	}
	log.Printf("logged in as %s (%s), sandbox=%t", res.UserId, res.ServerUrl, res.Sandbox)

	n, err := syncAccounts(ctx, client, cfg, st)
	if err != nil {
		return err
	}
	log.Printf("synced %d changed accounts", n)
	return nil
}

// syncAccounts pages through the modified accounts and upserts them.
func syncAccounts(ctx context.Context, client *soapforce.Client, cfg config, st *store) (int, error) {
	since := time.Now().Add(-cfg.window).UTC().Format(time.RFC3339)
	soql := fmt.Sprintf("SELECT %s FROM Account WHERE LastModifiedDate >= %s ORDER BY Id", accountFields, since)

	qr, err := client.Query(soql)
	changed := 0
	for {
		if isSessionExpired(err) {
			log.Printf("session expired mid-sync, logging in again")
			res, lerr := reconnect(client, cfg.username, cfg.password+cfg.token)
			if lerr != nil {
				return changed, lerr
			}
			if res.PasswordExpired {
				return changed, errPasswordExpired
			}
			// Restart from the beginning: query locators die with the session.
			qr, err = client.Query(soql)
			continue
		}
		if err != nil {
			return changed, fmt.Errorf("query accounts: %w", err)
		}
		for _, rec := range qr.Records {
			if st.upsert(toAccount(rec)) {
				changed++
			}
		}
		if qr.Done || ctx.Err() != nil {
			return changed, ctx.Err()
		}
		qr, err = client.QueryMore(qr.QueryLocator)
	}
}

func toAccount(rec *soapforce.SObject) account {
	str := func(k string) string {
		s, _ := rec.Fields[k].(string)
		return s
	}
	modified, _ := time.Parse(time.RFC3339, str("LastModifiedDate"))
	return account{
		ID:           rec.Id,
		Name:         str("Name"),
		Industry:     str("Industry"),
		OwnerID:      str("OwnerId"),
		LastModified: modified,
		SyncedAt:     time.Now().UTC(),
	}
}
