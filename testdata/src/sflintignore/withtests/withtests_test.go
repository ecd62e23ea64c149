package withtests

import (
	"testing"

	"github.com/simpleforce/simpleforce"
)

func TestLogin(t *testing.T) {
	c := simpleforce.NewClient("https://login.salesforce.com", "id", "60.0")
	//sflint:ignore fakelogin -- used: the login below is analysed now
	_ = c.LoginPassword("u", "p", "t")
	_ = c.LoginPassword("u", "p", "t") // want `login here`
}

func TestUnused(t *testing.T) {
	// want +1 `//sflint:ignore fakelogin suppresses nothing`
	//sflint:ignore fakelogin -- nothing below
	t.Log("no login")
}
