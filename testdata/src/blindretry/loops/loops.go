// Package loops holds the loop, goto and recursion shapes of blindretry.
package loops

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"strings"
	"time"

	"github.com/simpleforce/simpleforce"
	soapforce "github.com/tzmfreedom/go-soapforce"
)

// ---- reported ----

// counter: the counted loop retries every fault, sleeping in between.
func counter(c *soapforce.Client, user, pass string) (*soapforce.LoginResult, error) {
	var lastErr error
	for i := 0; i < 5; i++ {
		res, err := c.Login(user, pass) // want `^soapforce\.\(\*Client\)\.Login is retried in a loop without classifying the fault\. Stop on INVALID_LOGIN, PASSWORD_LOCKOUT and every other code \(return or break on them\); retry only SERVER_UNAVAILABLE, REQUEST_LIMIT_EXCEEDED and network errors\.$`
		if err == nil {
			return res, nil
		}
		lastErr = err
		time.Sleep(time.Duration(i+1) * time.Second)
	}
	return nil, lastErr
}

// forever: for {} with a break on success.
func forever(c *simpleforce.Client, user, pass, token string) {
	for {
		if err := c.LoginPassword(user, pass, token); err == nil { // want `simpleforce\.\(\*Client\)\.LoginPassword is retried in a loop`
			break
		}
		time.Sleep(time.Minute)
	}
}

// untilNil: for err != nil. The first login's failure reaches the second
// one; the second is the retry.
func untilNil(c *simpleforce.Client, user, pass, token string) {
	err := c.LoginPassword(user, pass, token)
	for err != nil {
		log.Printf("login failed: %v", err)
		time.Sleep(10 * time.Second)
		err = c.LoginPassword(user, pass, token) // want `LoginPassword is retried in a loop`
	}
}

// inCondition: the login is the loop condition.
func inCondition(c *simpleforce.Client, user, pass, token string) {
	for c.LoginPassword(user, pass, token) != nil { // want `LoginPassword is retried in a loop`
		time.Sleep(time.Second)
	}
}

// backoffAndContext: a doubling delay and a context do not make it right.
func backoffAndContext(ctx context.Context, c *soapforce.Client, user, pass string) error {
	delay := time.Second
	for attempt := 0; ; attempt++ {
		_, err := c.Login(user, pass) // want `retried in a loop without classifying the fault`
		if err == nil {
			return nil
		}
		if errors.Is(err, context.Canceled) { // cancellation is not a fault classification
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
	}
}

// ticker: every tick logs in again after a failure, for ever.
func ticker(c *simpleforce.Client, user, pass, token string, tick <-chan time.Time) {
	for range tick {
		if err := c.LoginPassword(user, pass, token); err != nil { // want `retried in a loop`
			log.Print(err)
			continue
		}
		return
	}
}

// lookedButRetried: the fault is read, but every branch goes round again.
func lookedButRetried(c *soapforce.Client, user, pass string) {
	for i := 0; i < 3; i++ {
		_, err := c.Login(user, pass) // want `retried in a loop`
		if err == nil {
			return
		}
		var f *soapforce.SOAPFault
		if errors.As(err, &f) {
			log.Printf("fault %s", f.Code)
		}
	}
}

// outer: the failure leaves the inner loop, and the outer loop logs in again.
func outer(c *simpleforce.Client, user, pass, token string, jobs []string) {
	for {
		for _, j := range jobs {
			if err := c.LoginPassword(user, pass, token); err != nil { // want `retried in a loop`
				break
			}
			log.Print(j)
		}
		time.Sleep(time.Hour)
	}
}

// withGoto retries with a goto.
func withGoto(c *soapforce.Client, user, pass string) error {
	attempts := 0
retry:
	_, err := c.Login(user, pass) // want `soapforce\.\(\*Client\)\.Login is retried by goto retry without classifying the fault`
	if err != nil {
		attempts++
		if attempts < 3 {
			time.Sleep(time.Second)
			goto retry
		}
		return err
	}
	return nil
}

// DAO logs in by recursion.
type DAO struct {
	c                 *simpleforce.Client
	user, pass, token string
}

func (d *DAO) connect(attempt int) error {
	err := d.c.LoginPassword(d.user, d.pass, d.token) // want `LoginPassword is retried by recursion without classifying the fault`
	if err != nil && attempt < 5 {
		time.Sleep(time.Second)
		return d.connect(attempt + 1)
	}
	return err
}

func recurse(c *soapforce.Client, user, pass string, n int) error {
	if _, err := c.Login(user, pass); err != nil { // want `retried by recursion without classifying`
		return recurse(c, user, pass, n-1)
	}
	return nil
}

// ---- not reported ----

// transient classifies the fault: a classifier.
func transient(err error) bool {
	var f *soapforce.SOAPFault
	if !errors.As(err, &f) {
		var ne net.Error
		return errors.As(err, &ne)
	}
	return f.Code == "sf:SERVER_UNAVAILABLE" || f.Code == "sf:REQUEST_LIMIT_EXCEEDED"
}

// classified retries only transient faults.
func classified(c *soapforce.Client, user, pass string) error {
	for attempt := 1; ; attempt++ {
		_, err := c.Login(user, pass)
		if err == nil {
			return nil
		}
		if !transient(err) || attempt == 4 {
			return fmt.Errorf("login: %w", err)
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
}

// inlineSwitch classifies with a switch on the code: the credential faults break out.
func inlineSwitch(c *soapforce.Client, user, pass string) error {
	var err error
loop:
	for i := 0; i < 4; i++ {
		_, err = c.Login(user, pass)
		if err == nil {
			return nil
		}
		var f *soapforce.SOAPFault
		if !errors.As(err, &f) {
			continue // a network error
		}
		switch f.Code {
		case "sf:SERVER_UNAVAILABLE", "sf:REQUEST_LIMIT_EXCEEDED":
			time.Sleep(time.Second)
		default:
			break loop
		}
	}
	return err
}

// savedVerdict keeps the classification in a variable.
func savedVerdict(c *simpleforce.Client, user, pass, token string) error {
	for {
		err := c.LoginPassword(user, pass, token)
		if err == nil {
			return nil
		}
		retryable := strings.Contains(err.Error(), "timeout")
		if !retryable {
			return err
		}
	}
}

// netOnly retries only network errors.
func netOnly(c *simpleforce.Client, user, pass, token string) error {
	for i := 0; ; i++ {
		err := c.LoginPassword(user, pass, token)
		var opErr *net.OpError
		if err == nil || !errors.As(err, &opErr) || i == 3 {
			return err
		}
	}
}

type Org struct{ User, Pass, Token string }

// perOrg logs in to each org once: different credentials, not a retry.
func perOrg(c *simpleforce.Client, orgs []Org) {
	for _, org := range orgs {
		if err := c.LoginPassword(org.User, org.Pass, org.Token); err != nil {
			log.Print(err)
			continue
		}
	}
}

// perIndex walks the credentials with an index.
func perIndex(c *soapforce.Client, users, passwords []string) {
	for i := 0; i < len(users); i++ {
		u, p := users[i], passwords[i]
		if _, err := c.Login(u, p); err != nil {
			log.Print(err)
		}
	}
}

// prompt asks for the password again after a failure, as Salesforce advises.
func prompt(c *soapforce.Client, user string) {
	var pass string
	for {
		fmt.Scanln(&pass)
		if _, err := c.Login(user, pass); err == nil {
			return
		}
		fmt.Println("wrong password, try again")
	}
}

// leaves: the failure always leaves the loop.
func leaves(c *soapforce.Client, user, pass string, jobs []string) error {
	for _, j := range jobs {
		if _, err := c.Login(user, pass); err != nil {
			return err
		}
		log.Print(j)
	}
	for range jobs {
		if _, err := c.Login(user, pass); err != nil {
			break
		}
	}
	for range jobs {
		if _, err := c.Login(user, pass); err != nil {
			log.Fatal(err)
		}
	}
	return nil
}

// discarded: the error is thrown away, so nothing is retried on failure
// (unhandledfault's business).
func discarded(c *soapforce.Client, user, pass string) {
	for i := 0; i < 2; i++ {
		c.Login(user, pass)
	}
}

// once: no loop at all.
func once(c *soapforce.Client, user, pass string) error {
	_, err := c.Login(user, pass)
	return err
}

// recurseOther recurses with other credentials.
func recurseOther(c *soapforce.Client, users []string, pass string) error {
	if len(users) == 0 {
		return nil
	}
	if _, err := c.Login(users[0], pass); err != nil {
		return recurseOther(c, users[1:], pass)
	}
	return nil
}

// suppressed is a reviewed exception.
func suppressed(c *soapforce.Client, user, pass string) {
	for i := 0; i < 2; i++ {
		//sflint:ignore blindretry -- the scratch org has no lockout policy
		if _, err := c.Login(user, pass); err == nil {
			return
		}
	}
}
