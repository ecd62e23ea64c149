package app

import (
	"fmt"
	"log"

	"unhandledfault/v2021/lib"
)

func Run() {
	c, err := lib.Connect("https://login.salesforce.com", "u", "p", "t") // want `^the login error of lib.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) is only logged\. Find the code in err.Error\(\), the only place simpleforce as loaded \(the 2021 versions\) keeps it, and stop on sf:INVALID_LOGIN`
	if err != nil {
		log.Print(err)
		return
	}
	_ = c
}

// %v keeps the text: not an erasure.
func Open() error {
	_, err := lib.Connect("https://login.salesforce.com", "u", "p", "t")
	if err != nil {
		return fmt.Errorf("open: %v", err)
	}
	return nil
}
