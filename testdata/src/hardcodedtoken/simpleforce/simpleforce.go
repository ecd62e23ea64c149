// Package simpleforce checks simpleforce's LoginPassword (password, token) and
// SetSidLoc (session id), and the conductorone fork with its leading context.
package simpleforce

import (
	"context"
	"flag"
	"os"

	c1 "github.com/conductorone/simpleforce"
	"github.com/simpleforce/simpleforce"
)

const qaToken = "Hf3LmQ8zT1xW6cN9bR4kV7pJs"

// A package-level variable initialised with a literal and never assigned.
var legacyToken = "Zq4Wn8Rt2Yp6Lk3Vx9Bm5Cs1D"

// Assigned at start-up: its literal is only a default.
var overriddenToken = "Gt7Hy2Ju8Ki3Lo9Pm4Nb6Vc1X"

func init() { overriddenToken = os.Getenv("SF_SECURITY_TOKEN") }

// Exported: another package may set it.
var DefaultToken = "Mn3Bv8Cx2Za7Sd4Fg9Hj5Kl1P"

// The simpleforce README's quick start, pasted into real code: placeholders.
var (
	sfUser     = "Username of the Salesforce account."
	sfPassword = "Password of the Salesforce account."
	sfToken    = "Security token, could be omitted if Trusted IP is configured."
)

var tokenFlag = flag.String("token", "", "security token")

type config struct{ User, Password, Token string }

func literals(c *simpleforce.Client) error {
	if err := c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), "Hf3LmQ8zT1xW6cN9bR4kV7pJs"); err != nil { // want `^security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal`
		return err
	}
	return c.LoginPassword("qa@example.com", "Wq8!rTz2#pLm", os.Getenv("SF_SECURITY_TOKEN")) // want `^password for simpleforce.\(\*Client\).LoginPassword is a 12-char string literal`
}

func constants(c *simpleforce.Client) error {
	if err := c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), qaToken); err != nil { // want `security token for simpleforce.\(\*Client\).LoginPassword is the constant qaToken \(25 chars\)`
		return err
	}
	tok := qaToken
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), tok) // want `security token for simpleforce.\(\*Client\).LoginPassword is the constant qaToken \(25 chars\) via variable tok`
}

func packageVariables(c *simpleforce.Client) error {
	if err := c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), legacyToken); err != nil { // want `security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal via package variable legacyToken`
		return err
	}
	if err := c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), overriddenToken); err != nil {
		return err
	}
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), DefaultToken)
}

func localVariable(c *simpleforce.Client) error {
	tok := "Rt5Yu1Io7Pa3Sd9Fg2Hj6Kl4Z"
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), tok) // want `security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal via variable tok`
}

func structLiteral(c *simpleforce.Client) error {
	cfg := config{User: "qa@example.com", Password: "Xy7!kPq2Lm9z", Token: os.Getenv("SF_SECURITY_TOKEN")}
	return c.LoginPassword(cfg.User, cfg.Password, cfg.Token) // want `password for simpleforce.\(\*Client\).LoginPassword is a 12-char string literal via cfg.Password`
}

func structPointer(c *simpleforce.Client) error {
	cfg := &config{User: "qa@example.com", Password: os.Getenv("SF_PASSWORD")}
	cfg.Token = "Bn8Mk3Lp7Qw2Er6Ty1Ui5Op9A"
	return c.LoginPassword(cfg.User, cfg.Password, cfg.Token) // want `security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal via cfg.Token`
}

// Not reported: values read at run time.
func runtimeValues(c *simpleforce.Client, cfg config, password, token string) error {
	if err := c.LoginPassword(cfg.User, cfg.Password, cfg.Token); err != nil {
		return err
	}
	if err := c.LoginPassword("qa@example.com", password, token); err != nil {
		return err
	}
	if err := c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), *tokenFlag); err != nil {
		return err
	}
	data, _ := os.ReadFile("/etc/sf/token")
	return c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), string(data))
}

// Not reported: placeholders.
func placeholders(c *simpleforce.Client) {
	_ = c.LoginPassword(sfUser, sfPassword, sfToken)                                        // README sentences
	_ = c.LoginPassword("qa@example.com", os.Getenv("SF_PASSWORD"), "")                     // trusted IP range: no token
	_ = c.LoginPassword("qa@example.com", "<password>", "<security-token>")                 // <...>
	_ = c.LoginPassword("qa@example.com", "${SF_PASSWORD}", "${SF_SECURITY_TOKEN}")         // ${...}
	_ = c.LoginPassword("qa@example.com", "{{ .Password }}", "{{.SecurityToken}}")          // {{...}}
	_ = c.LoginPassword("qa@example.com", "**********", "XXXXXXXXXXXXXXXXXXXXXXXXX")        // one character
	_ = c.LoginPassword("qa@example.com", "pw", "tok")                                      // shorter than -min-length
	_ = c.LoginPassword("qa@example.com", "YOUR_PASSWORD", "YOUR_SECURITY_TOKEN")           // names of settings
	_ = c.LoginPassword("qa@example.com", "$SF_PASSWORD", "%SF_SECURITY_TOKEN%")            // references to variables
	_ = c.LoginPassword("qa@example.com", "your password here", "your security token here") // text
	_ = c.LoginPassword("qa@example.com", "testpassword1", "dummy-security-token")          // dummy words
	_ = c.LoginPassword("qa@example.com", "mySecret123", "FAKE_TOKEN_42")                   // dummy words, a setting's name
}

func session(c *simpleforce.Client) {
	c.SetSidLoc("00D5g000004Ab1C!AQ4AQLq2Bf8Xn3Kp7Rv1Tw9Yz5Cm0Hd6Jg.Ls2Np8Qr4Vx_Wb7", "https://acme.my.salesforce.com") // want `session id for simpleforce.\(\*Client\).SetSidLoc is a 66-char Salesforce session id literal`
	c.SetSidLoc(os.Getenv("SF_SESSION_ID"), "https://acme.my.salesforce.com")
}

func fork(ctx context.Context) error {
	c, err := c1.NewClient(ctx, "https://login.salesforce.com", "id", "52.0")
	if err != nil {
		return err
	}
	return c.LoginPassword(ctx, "qa@example.com", os.Getenv("SF_PASSWORD"), "Pl0Ok9Ij8Uh7Yg6Tf5Rd4Es3W") // want `security token for simpleforce.\(\*Client\).LoginPassword is a 25-char string literal`
}
