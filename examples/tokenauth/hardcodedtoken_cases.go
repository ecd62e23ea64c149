package tokenauth

// Entry points of the older export jobs, which predate FromEnv. Each logs in
// (or builds what logs in) and hands the result back to its caller.

import (
	"os"

	"github.com/g8rswimmer/go-sfdc/credentials"
	"github.com/k-capehart/go-salesforce/v3"
	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"
)

// ForceAPI logs in to the REST API with go-force.
func ForceAPI(c Credentials) (*force.ForceApi, error) {
	// BAD(hardcodedtoken): the connected app's consumer secret is a literal; only the user's credentials come from the caller.
	return force.Create("v52.0", c.ClientID, "9F2D4B6A8C0E1F3A5B7C9D1E3F5A7B9C1D3E5F7A9B2C4D6E8F0A1B3C5D7E9F1A", c.Username, c.Password, c.SecurityToken, "production")
}

// TrustedForceAPI logs in from the office network, a trusted IP range of the org.
func TrustedForceAPI(c Credentials) (*force.ForceApi, error) {
	// GOOD(hardcodedtoken): the empty security token is not a secret: the org trusts this IP range.
	return force.Create("v52.0", c.ClientID, c.ClientSecret, c.Username, c.Password, "", "production")
}

// reportCreds are the go-salesforce credentials of the reporting user.
func reportCreds() salesforce.Creds {
	return salesforce.Creds{
		Domain:   "https://acme.my.salesforce.com",
		Username: "reports@acme-corp.com",
		// GOOD(hardcodedtoken): the password is read from the environment.
		Password: os.Getenv("SF_REPORTS_PASSWORD"),
		// BAD(hardcodedtoken): the security token is committed; the Creds are built here and handed to salesforce.Init elsewhere.
		SecurityToken:  "Jm4Kp8Rt2Wx6Zb1Cd5Fg9Hn3Q",
		ConsumerKey:    os.Getenv("SF_CLIENT_ID"),
		ConsumerSecret: os.Getenv("SF_CLIENT_SECRET"),
	}
}

// Reports logs the reporting user in.
func Reports() (*salesforce.Salesforce, error) {
	return salesforce.Init(reportCreds())
}

// SfdcCredentials builds the go-sfdc credentials of the case poller.
func SfdcCredentials(c Credentials) (*credentials.Credentials, error) {
	return credentials.NewPasswordCredentials(credentials.PasswordCredentials{
		URL:      "https://login.salesforce.com",
		Username: c.Username,
		// BAD(hardcodedtoken): the security token is appended to the password as a literal.
		Password:     c.Password + "Tz7Yx3Wv9Us5Rq1Po6Nm2Lk8J",
		ClientID:     c.ClientID,
		ClientSecret: c.ClientSecret,
	})
}

// IncidentSession reuses the session id captured during an incident.
func IncidentSession(instanceURL string) *simpleforce.Client {
	client := simpleforce.NewClient(instanceURL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	// BAD(hardcodedtoken): a live session id pasted from a debug log: whoever reads it is logged in until the session expires.
	client.SetSidLoc("00D5g000004Ab1C!AR8AQKx3Nv7Pq2Ls6Tw1Yz9Bc4Df0Gh5Jk.Mn8Rp3St7Uv_Wx2", instanceURL)
	return client
}

// RunbookSession is the runbook's example of reusing a session.
func RunbookSession(instanceURL string) *simpleforce.Client {
	client := simpleforce.NewClient(instanceURL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	// GOOD(hardcodedtoken): a placeholder in angle brackets is not a session id.
	client.SetSidLoc("<session-id-from-the-browser>", instanceURL)
	return client
}
