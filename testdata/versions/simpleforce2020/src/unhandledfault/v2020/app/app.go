package app

import (
	"log"

	"unhandledfault/v2020/lib"
)

func Run() {
	c, err := lib.Connect("https://login.salesforce.com", "u", "p", "t") // want `login fault swallowed: the error of lib.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) is only logged; .*as loaded \(the 2020 version\) has no simpleforce.SalesforceError.* upgrade github.com/simpleforce/simpleforce`
	if err != nil {
		log.Print(err)
		return
	}
	_ = c
}
