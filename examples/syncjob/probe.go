package main

import (
	"errors"
	"fmt"
	"log"

	"github.com/tzmfreedom/go-soapforce"
)

// checkCredentials is what the deploy pipeline runs (`syncjob -check`) before
// it enables the cron entry on a new host.
func checkCredentials(cfg config) error {
	client := soapforce.NewClient()
	client.SetLoginUrl(cfg.loginHost)
	// BAD(unhandledfault): LoginResult.PasswordExpired is never read, so an expired password passes the check and the nightly run then fails with INVALID_OPERATION_WITH_EXPIRED_PASSWORD.
	res, err := client.Login(cfg.username, cfg.password+cfg.token)
	if err != nil {
		return fmt.Errorf("credential check: %w", err)
	}
	log.Printf("credentials ok: user %s on %s", res.UserId, res.ServerUrl)
	return client.Logout()
}

// dryRun counts the accounts a real run would touch.
func dryRun(cfg config) error {
	client := soapforce.NewClient()
	client.SetLoginUrl(cfg.loginHost)
	// BAD(nologout): Logout is only reached on the happy path; the early returns below leave the session open until it times out.
	res, err := client.Login(cfg.username, cfg.password+cfg.token)
	if err != nil {
		return fmt.Errorf("dry run login: %w", err)
	}
	if res.PasswordExpired {
		return errPasswordExpired
	}
	qr, err := client.Query("SELECT COUNT() FROM Account WHERE LastModifiedDate = LAST_N_DAYS:1")
	if err != nil {
		return fmt.Errorf("dry run query: %w", err)
	}
	log.Printf("dry run: %d accounts would be synced", qr.Size)
	return client.Logout()
}

// smokeLogin is what `syncjob -smoke` runs on a freshly provisioned box to
// check that the egress proxy lets SOAP traffic through to the sandbox.
func smokeLogin(loginHost string) error {
	client := soapforce.NewClient()
	client.SetLoginUrl(loginHost)
	// BAD(hardcodedtoken): a real-looking password with the 25-character security token appended is committed in source.
	res, err := client.Login("smoke.test@acme-corp.com.uat", "Winter2024!"+"kQ7zR2mX9vB4nL8pW3sT6yH1c")
	if err != nil {
		return fmt.Errorf("smoke login: %w", err)
	}
	defer client.Logout()
	if res.PasswordExpired {
		return errPasswordExpired
	}
	log.Printf("smoke login ok: %s", res.ServerUrl)
	return nil
}

// explainLoginFailure turns a failure into the one-line message that ends up
// in the on-call alert.
func explainLoginFailure(err error) string {
	var fault *soapforce.SOAPFault
	if !errors.As(err, &fault) {
		return err.Error()
	}
	// BAD(unhandledfault): go-soapforce keeps the "sf:" prefix (Code is "sf:INVALID_LOGIN"), so this comparison is never true.
	if fault.Code == "INVALID_LOGIN" {
		return "Salesforce rejected the integration user's credentials (check SF_PASSWORD and SF_SECURITY_TOKEN)"
	}
	// BAD(unhandledfault): the library's own ExceptionCode constant is unprefixed ("PASSWORD_LOCKOUT") while the fault code is "sf:PASSWORD_LOCKOUT", so lockouts are never recognised.
	if soapforce.ExceptionCode(fault.Code) == soapforce.ExceptionCodePASSWORD_LOCKOUT {
		return "the integration user is locked out for 15 minutes; do not re-run the job before then"
	}
	return fmt.Sprintf("salesforce fault %s: %s", fault.Code, fault.String)
}
