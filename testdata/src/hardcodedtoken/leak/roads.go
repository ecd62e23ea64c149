package leak

// The other roads a secret can take to the output: an expression echoed in
// a message, a name that spells the value it holds, a //sflint:ignore
// reason (SARIF copies it) and text echoed from a directive.

import (
	"os"

	"github.com/simpleforce/simpleforce"
	"github.com/tzmfreedom/go-soapforce"
)

// Held logs in on a client kept under its org's session id and never logs
// out: nologout names where the session lives.
func Held() error {
	clients := map[string]*soapforce.Client{}
	clients["00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8"] = soapforce.NewClient()
	if _, err := clients["00D5g000004Xy9Z!AQ4AQPp7Oo6Ii5Uu4Yy3Tt2Rr1Ee0Ww9Qq8"].Login(os.Getenv("SF_USER"), os.Getenv("SF_PASSWORD")); err != nil {
		return err
	}
	return nil
}

const Tq7Yu6Io5Pa4 = "Tq7Yu6Io5Pa4Sd3Fg2Hj1Kl0"

// Named logs in with a constant whose name spells its value.
func Named(c *simpleforce.Client) error {
	return c.LoginPassword("qa@example.com", Tq7Yu6Io5Pa4, "") // want `^password for .* is the constant … \(24 chars\)`
}

var tokRs9Tu8Vw7 = "Rs9Tu8Vw7Xy6Za5"

// Via logs in with a token held in a variable whose name spells it.
func Via(c *simpleforce.Client) error {
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), tokRs9Tu8Vw7) // want `^security token for .* via package variable …`
}

// Reasoned is silenced with a reason that quotes the secret.
func Reasoned(c *simpleforce.Client) error {
	//sflint:ignore hardcodedtoken -- QA password Vb6Nm5!Xc4Za rotates nightly (see "Vb6Nm5!Xc4Za")
	return c.LoginPassword("qa@example.com", "Vb6Nm5!Xc4Za", "")
}

// Pasted has the password pasted where an analyzer's name goes.
func Pasted(c *simpleforce.Client) error {
	//sflint:ignore Vb6Nm5!Xc4Za -- pasted in the wrong place
	return c.LoginPassword("qa@example.com", "Vb6Nm5!Xc4Za", "") // want `^password for`
}
