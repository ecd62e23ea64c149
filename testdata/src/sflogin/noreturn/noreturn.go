// want package:"salesforce" package:"flow facts"

// Package noreturn stands for a command's helpers that end the process on
// a fatal error: a call to one of them ends every path through it, in this
// package and in the packages that import it (NoReturnFact).
package noreturn

import (
	"fmt"
	"log"
	"os"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

// die prints and exits: it never returns.
func die(format string, args ...any) { // want die:"noreturn"
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

// Must ends the process through die when err is not nil: it may return.
func Must(err error) {
	if err != nil {
		die("%v", err)
	}
}

// Fatal always ends the process through die.
func Fatal(err error) { // want Fatal:"noreturn"
	die("fatal: %v", err)
}

// Check panics or exits on every path.
func Check(err error) { // want Check:"noreturn"
	if err != nil {
		log.Fatal(err)
	}
	panic("unreachable")
}

// Login is a wrapper, so that the package is analysed.
func Login(c *soapforce.Client, u, p string) error { // want Login:`login soapforce.\(\*Client\).Login err=0 session=recv arg1=username arg2=password\+security token` Login:"borrows 0"
	_, err := c.Login(u, p)
	return err
}
