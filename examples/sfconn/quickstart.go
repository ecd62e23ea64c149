package sfconn

import (
	"fmt"

	"github.com/simpleforce/simpleforce"
)

// The block below was pasted from the simpleforce README's quick start and is
// only used by `sfconn-demo`, which documents the setup for new team members.
// The values are the README's placeholder sentences, not credentials.
var (
	sfURL      = "Custom or instance URL, for example, 'https://na01.salesforce.com/'"
	sfUser     = "Username of the Salesforce account."
	sfPassword = "Password of the Salesforce account."
	sfToken    = "Security token, could be omitted if Trusted IP is configured."
)

// QuickstartClient mirrors the README's createClient, but reports the error.
func QuickstartClient() (*simpleforce.Client, error) {
	client := simpleforce.NewClient(sfURL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if client == nil {
		return nil, fmt.Errorf("sfconn: could not create client")
	}

	// GOOD(hardcodedtoken): the README placeholder sentences are documentation, not a password or security token.
	err := client.LoginPassword(sfUser, sfPassword, sfToken)
	if err != nil {
		return nil, classify(err)
	}

	return client, nil
}
