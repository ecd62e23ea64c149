// Package declared is analysed with -sflogin.classifier=unhandledfault/declared.(*Alerts).Route:
// a classifier this analyzer cannot see into (it sends the error elsewhere
// through an interface), declared by the user.
package declared

import (
	"log"

	"github.com/simpleforce/simpleforce"
)

// Router decides what to do with an error (pager, retry queue...).
type Router interface{ Route(err error) }

// Alerts routes login faults by their code, in another service.
type Alerts struct{ r Router }

// Route hands the error on.
func (a *Alerts) Route(err error) { a.r.Route(err) }

func declared(a *Alerts, u, p, tok string) {
	c := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(u, p, tok); err != nil {
		log.Print(err)
		a.Route(err)
		return
	}
}

func notDeclared(u, p, tok string) {
	c := simpleforce.NewClient("https://login.salesforce.com", simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(u, p, tok); err != nil { // want `^the login error of simpleforce.\(\*Client\).LoginPassword is only logged and its fault code is never read`
		log.Print(err)
		return
	}
}
