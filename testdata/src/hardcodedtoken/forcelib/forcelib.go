// Package forcelib checks ForceCLI's lib login functions.
package forcelib

import (
	"os"

	"github.com/ForceCLI/force/lib"
)

func soap() (lib.ForceSession, error) {
	return lib.ForceSoapLoginAtEndpoint("https://login.salesforce.com", "qa@example.com", "Winter2024!xkQ7zR2mX9vB4nL8pW3sT6yH1c") // want `^password\+security token for lib.ForceSoapLoginAtEndpoint is a 37-char string literal`
}

func passwordFlow() (lib.ForceSession, error) {
	return lib.PasswordFlowLoginAtEndpoint("https://login.salesforce.com", os.Getenv("SF_CLIENT_ID"),
		"7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2", // want `^client secret for lib.PasswordFlowLoginAtEndpoint is a 64-char string literal`
		"qa@example.com", os.Getenv("SF_PASSWORD")+os.Getenv("SF_SECURITY_TOKEN"))
}

func clientCredentials() (lib.ForceSession, error) {
	return lib.ClientCredentialsLoginAtEndpoint("https://login.salesforce.com", os.Getenv("SF_CLIENT_ID"), os.Getenv("SF_CLIENT_SECRET"))
}
