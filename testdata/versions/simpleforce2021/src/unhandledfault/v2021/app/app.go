package app

import (
	"fmt"
	"log"

	"unhandledfault/v2021/lib"
)

func Run() {
	c, err := lib.Connect("https://login.salesforce.com", "u", "p", "t") // want `the error of lib.Connect \(which calls simpleforce.\(\*Client\).LoginPassword\) is only logged .*find the code in err.Error\(\) \(github.com/simpleforce/simpleforce as loaded \(the 2021 versions\) has no simpleforce.SalesforceError`
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
