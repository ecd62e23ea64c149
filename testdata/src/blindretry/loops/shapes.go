package loops

import (
	"log"
	"os"
	"time"

	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

// post: the retry is the for statement's post statement. Only the second
// login comes back to itself.
func post(c *simpleforce.Client, user, pass, token string) {
	for err := c.LoginPassword(user, pass, token); err != nil; err = c.LoginPassword(user, pass, token) { // want `LoginPassword is retried in a loop`
		time.Sleep(time.Second)
	}
}

// innerRetry: the outer loop changes the credentials, the inner one retries them blindly.
func innerRetry(c *simpleforce.Client, orgs []Org) {
	for _, org := range orgs {
		for attempt := 0; attempt < 3; attempt++ {
			if err := c.LoginPassword(org.User, org.Pass, org.Token); err == nil { // want `retried in a loop`
				break
			}
			time.Sleep(time.Second)
		}
	}
}

// innerClassified: the same with the fault classified.
func innerClassified(c *simpleforce.Client, orgs []Org) {
	for _, org := range orgs {
		for attempt := 0; attempt < 3; attempt++ {
			err := c.LoginPassword(org.User, org.Pass, org.Token)
			if err == nil || !transient(err) {
				break
			}
		}
	}
}

// fromEnv: the environment does not change between attempts.
func fromEnv(c *soapforce.Client) {
	for {
		if _, err := c.Login(os.Getenv("SF_USER"), os.Getenv("SF_PASS")); err == nil { // want `retried in a loop`
			return
		}
		time.Sleep(time.Second)
	}
}

// CredIter hands out one set of credentials after another.
type CredIter struct{ i int }

func (it *CredIter) Next() bool    { it.i++; return it.i < 3 }
func (it *CredIter) User() string  { return "" }
func (it *CredIter) Pass() string  { return "" }
func (it *CredIter) Token() string { return "" }

// iterate tries each set of credentials once: not a retry.
func iterate(c *simpleforce.Client, it *CredIter) {
	for it.Next() {
		if err := c.LoginPassword(it.User(), it.Pass(), it.Token()); err == nil {
			return
		}
	}
}

// rotated reads the password again before each attempt: it may have been rotated.
func rotated(c *soapforce.Client, user string, fetch func() string) {
	for i := 0; i < 3; i++ {
		pass := fetch()
		if _, err := c.Login(user, pass); err == nil {
			return
		}
	}
}

// copied: a copy of the same credentials is the same credentials.
func copied(c *soapforce.Client, cfg Org) {
	for i := 0; i < 3; i++ {
		u, p := cfg.User, cfg.Pass
		if _, err := c.Login(u, p); err == nil { // want `retried in a loop`
			return
		}
	}
}

// lastErrChecked classifies the previous attempt's error at the top of the loop.
func lastErrChecked(c *soapforce.Client, user, pass string) error {
	var lastErr error
	for i := 0; i < 3; i++ {
		if lastErr != nil && !transient(lastErr) {
			return lastErr
		}
		_, err := c.Login(user, pass)
		if err == nil {
			return nil
		}
		lastErr = err
	}
	return lastErr
}

// taggedSwitch on the error value against a sentinel.
func taggedSwitch(c *simpleforce.Client, user, pass, token string) error {
	for {
		err := c.LoginPassword(user, pass, token)
		switch err {
		case nil:
			return nil
		case simpleforce.ErrAuthentication:
			return err
		}
		log.Print(err)
	}
}

// typeSwitch on the fault type.
func typeSwitch(c *simpleforce.Client, user, pass, token string) error {
	for {
		err := c.LoginPassword(user, pass, token)
		if err == nil {
			return nil
		}
		switch e := err.(type) {
		case simpleforce.SalesforceError:
			if e.ErrorCode != "sf:SERVER_UNAVAILABLE" {
				return e
			}
		}
	}
}

// panics: the failure never comes back.
func panics(c *soapforce.Client, user, pass string, jobs []string) {
	for range jobs {
		if _, err := c.Login(user, pass); err != nil {
			panic(err)
		}
	}
}

// forwardGoto jumps forward to the error handling: no way back.
func forwardGoto(c *soapforce.Client, user, pass string) error {
	_, err := c.Login(user, pass)
	if err != nil {
		goto fail
	}
	return nil
fail:
	log.Print(err)
	return err
}

// intRange retries a fixed number of times.
func intRange(c *soapforce.Client, user, pass string) {
	for range 3 {
		if _, err := c.Login(user, pass); err == nil { // want `retried in a loop`
			return
		}
	}
}

// environments tries production, then the sandbox: another org each time.
func environments(c *soapforce.Client, user, pass string) {
	for _, url := range []string{"https://login.salesforce.com", "https://test.salesforce.com"} {
		c.SetLoginUrl(url)
		if _, err := c.Login(user, pass); err == nil {
			return
		}
	}
}

// clients logs in on each client in turn.
func clients(cs []*soapforce.Client, user, pass string) {
	for _, c := range cs {
		if _, err := c.Login(user, pass); err != nil {
			log.Print(err)
		}
	}
}

// newClientEachTime: a new client built the same way is the same login.
func newClientEachTime(url, id, user, pass, token string) *simpleforce.Client {
	for {
		c := simpleforce.NewClient(url, id, simpleforce.DefaultAPIVersion)
		if err := c.LoginPassword(user, pass, token); err == nil { // want `retried in a loop`
			return c
		}
		log.Printf("retrying at %v", time.Now())
	}
}

// otherClient recurses on the next client.
func otherClient(cs []*soapforce.Client, user, pass string) error {
	if len(cs) == 0 {
		return nil
	}
	if _, err := cs[0].Login(user, pass); err != nil {
		return otherClient(cs[1:], user, pass)
	}
	return nil
}
