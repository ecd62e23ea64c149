package app

import (
	"log"

	"unhandledfault/v2020/lib"
)

func Run() {
	c, err := lib.Connect("https://login.salesforce.com", "u", "p", "t") // want `^the login error of lib.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) is only logged\. Return it or stop on it, and upgrade github.com/simpleforce/simpleforce to v0.0.0-20220429021116-acf4ac67ef68 \(2022-04\) or later: simpleforce as loaded \(the 2020 version\) keeps no fault code\.$`
	if err != nil {
		log.Print(err)
		return
	}
	_ = c
}
