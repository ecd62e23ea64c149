// Package declared uses a handler type and a scheduler that sessionreuse
// only knows from its flags:
//
//	-sessionreuse.handlers=sessionreuse/web.HandlerFunc
//	-sessionreuse.schedulers=sessionreuse/cron.Cron.AddFunc
package declared

import (
	"sessionreuse/cron"
	"sessionreuse/web"
	"sessionreuse/wrap"
)

var cfg wrap.Config

func routes(e *web.Engine) {
	e.GET("/accounts", func(c *web.Context) {
		client, err := wrap.Connect(cfg) // want `wrap.Connect logs in on every request served by this web.HandlerFunc literal`
		if err != nil {
			return
		}
		client.Query("SELECT Id FROM Account WHERE Name = '" + c.Query("name") + "'")
	})
}

func accounts(c *web.Context) {
	client, err := wrap.Connect(cfg) // want `logs in on every request served by declared.accounts`
	if err == nil {
		client.Query("SELECT Id FROM Account")
	}
}

func jobs() {
	c := cron.New()
	c.AddFunc("@every 5m", func() {
		client, err := wrap.Connect(cfg) // want `wrap.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) logs in on every run scheduled by cron.\(\*Cron\).AddFunc`
		if err == nil {
			client.Query("SELECT Id FROM Case")
		}
	})
	c.Start()
}
