// Package app calls package lib's wrappers: the duty to inspect the login
// fault moved here with the error, and is checked here.
package app

import (
	"errors"
	"fmt"
	"log"

	"github.com/k-capehart/go-salesforce/v3"

	"unhandledfault/wrapper/lib"
)

// connect hands lib.Connect's error back in its turn: main carries the duty.
func connect() error { // want connect:`^fault simpleforce.SalesforceError.ErrorCode SOAP$`
	c, err := lib.Connect("u", "p", "t")
	if err != nil {
		return fmt.Errorf("app: %w", err)
	}
	_ = c
	return nil
}

func main() {
	if err := connect(); err != nil { // want `^the login error of app.connect \(which calls simpleforce.\(\*Client\).LoginPassword\) is only passed to log.Fatalf\. Read the ErrorCode of the simpleforce.SalesforceError`
		log.Fatalf("%v", err)
	}
}

func dialed() error {
	c, err := lib.Dial("u", "p", "t")
	if err != nil {
		return fmt.Errorf("app: %v", err) // want `^fmt.Errorf with %v flattens the simpleforce.SalesforceError of lib.Dial\. lib.Dial calls simpleforce.\(\*Client\).LoginPassword: wrap it with %w`
	}
	_ = c
	return nil
}

func discarded() {
	lib.Connect("u", "p", "t") // want `^the login error of lib.Connect is discarded: .*\. lib.Connect calls simpleforce.\(\*Client\).LoginPassword: check it and act on its fault code`
}

func cli() {
	if _, err := lib.CLI("u", "p"); err != nil { // want `^the login error of lib.CLI \(which calls lib.ForceSoapLoginAtEndpoint\) is only logged and its fault code is never read\. Find the code in err.Error\(\)`
		log.Print(err)
	}
}

// ---- not reported ----

// lib.ConnectChecked inspected the fault already: inspected once is enough.
func checked() {
	c, err := lib.ConnectChecked("u", "p", "t")
	if err != nil {
		log.Fatalf("%v", err)
	}
	_ = c
}

// Inspected here through lib's classifier.
func classified() {
	c, err := lib.Connect("u", "p", "t")
	if err != nil {
		if lib.IsLockout(err) {
			log.Fatal("locked out: wait 15 minutes before the next run")
		}
		log.Fatalf("%v", err)
	}
	_ = c
}

// go-salesforce keeps no code: stopping is all one can do.
func reports(creds salesforce.Creds) {
	sf, err := lib.Reports(creds)
	if err != nil {
		log.Fatalf("%v", err)
	}
	_ = sf
}

func sentinel() bool {
	_, err := lib.ConnectChecked("u", "p", "t")
	return errors.Is(err, lib.ErrLockedOut)
}

// A discarded error is reported even when the wrapper inspected the fault.
func discardChecked() {
	_, _ = lib.ConnectChecked("u", "p", "t") // want `^the login error of lib.ConnectChecked is discarded`
}

// Run is what the package's users call: main is reached from it.
func Run() { main() }
