package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"

	"github.com/sflint/sflint/examples/sfconn"
)

type slackReply struct {
	ResponseType string `json:"response_type"`
	Text         string `json:"text"`
}

func replySlack(w http.ResponseWriter, text string) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(slackReply{ResponseType: "ephemeral", Text: text})
}

// slackCommandHandler answers `/account <name>` in Slack.
func slackCommandHandler(cfg sfconn.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		name := strings.TrimSpace(r.PostForm.Get("text"))
		if name == "" {
			replySlack(w, "usage: /account <name>")
			return
		}
		// BAD(sessionreuse): every slash command logs in to Salesforce again through sfconn.Connect instead of reusing a session.
		client, err := sfconn.Connect(cfg)
		if err != nil {
			if errors.Is(err, sfconn.ErrBadCredentials) {
				log.Printf("slack: %v", err)
				replySlack(w, "The Salesforce integration user is misconfigured; #sales-tools has been told.")
				return
			}
			replySlack(w, "Salesforce is not answering right now, try again in a minute.")
			return
		}
		escaped := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(name)
		res, err := client.Query(fmt.Sprintf("SELECT Id, Name, Owner.Name FROM Account WHERE Name LIKE '%s%%' LIMIT 5", escaped))
		if err != nil {
			replySlack(w, "Query failed: "+err.Error())
			return
		}
		var b strings.Builder
		for _, rec := range res.Records {
			fmt.Fprintf(&b, "• %s (%s)\n", rec.StringField("Name"), rec.ID())
		}
		if b.Len() == 0 {
			b.WriteString("No matching account.")
		}
		replySlack(w, b.String())
	}
}

// searchHandler serves GET /accounts/search?prefix=... through the shared DAO.
func searchHandler(dao *sfconn.AccountDAO) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		recs, err := dao.SearchByName(r.URL.Query().Get("prefix"))
		if err != nil {
			log.Printf("search: %v", err)
			http.Error(w, "search failed", http.StatusBadGateway)
			return
		}
		out := make([]map[string]string, 0, len(recs))
		for _, rec := range recs {
			out = append(out, map[string]string{"id": rec.ID(), "name": rec.StringField("Name")})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	}
}
