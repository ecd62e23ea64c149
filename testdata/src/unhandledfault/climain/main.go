// Shape: a command-line main that prints the whole login error and exits (log.Fatal, panic,
// fmt.Println+os.Exit) after calling a login wrapper. Seen in many SOAP consumers: the
// step-by-step migration CLIs of a go-metaforce/go-soapforce integration (11 mains), the
// go-soapforce and go-metaforce sample mains, a logging collector's main that panics.
// Library: github.com/tzmfreedom/go-metaforce (served v0.0.0-20240311131847-5b8d28315641).
// Policy (issue 13): in package main, printing the whole error and ending the process is
// handling. Only the shapes that lose the error (logged and carrying on) stay findings.
package main

import (
	"fmt"
	"log"
	"os"

	metaforce "github.com/tzmfreedom/go-metaforce"
)

func connect(user, passAndToken string) (*metaforce.Client, error) { // want connect:"fault \\*soapforce.SOAPFault.Code SOAP"
	c := metaforce.NewClient()
	if err := c.Login(user, passAndToken); err != nil {
		return nil, fmt.Errorf("metadata login: %w", err)
	}
	return c, nil
}

func stepOne() {
	if _, err := connect(os.Getenv("SF_USER"), os.Getenv("SF_PASS")); err != nil {
		log.Fatal(err) // handled: the user sees the fault text and nothing retries
	}
}

func stepTwo() {
	_, err := connect(os.Getenv("SF_USER"), os.Getenv("SF_PASS"))
	if err != nil {
		fmt.Println("could not log in:", err)
		os.Exit(1) // handled too
	}
}

func stepThree() {
	c := metaforce.NewClient()
	if err := c.Login(os.Getenv("SF_USER"), os.Getenv("SF_PASS")); err != nil {
		panic(err) // handled: panic prints the whole error and ends the process
	}
}

func stepFour() {
	c, err := connect(os.Getenv("SF_USER"), os.Getenv("SF_PASS")) // want `^the login error of main.connect is only logged and c \(nil after a failed login\) is used anyway\. main.connect calls metaforce.\(\*Client\).Login: stop on the error \(return it or exit\) and act on its fault code`
	if err != nil {
		log.Printf("login failed: %v", err) // only logged: the program goes on
	}
	c.SetDebug(true)
}

func stepFive() {
	_, err := connect(os.Getenv("SF_USER"), os.Getenv("SF_PASS")) // want `^the login error of main.connect is only dropped before log.Fatal and its fault code is never read\. main.connect calls metaforce.\(\*Client\).Login: read the Code of the \*soapforce.SOAPFault`
	if err != nil {
		log.Fatal("could not log in") // exits, but the fault text is not printed
	}
}

func main() {
	stepOne()
	stepTwo()
	stepThree()
	stepFour()
	stepFive()
}
