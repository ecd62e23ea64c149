// Package minlength is checked with -hardcodedtoken.min-length=30: shorter
// constants are taken for placeholders.
package minlength

import (
	"os"

	"github.com/nimajalali/go-force/force"
)

func create() (*force.ForceApi, error) {
	return force.Create("v52.0", os.Getenv("SF_CLIENT_ID"),
		"7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2", // want `^client secret for force.Create is a 64-char string literal`
		"qa@example.com", "Winter2024!x", "kQ7zR2mX9vB4nL8pW3sT6yH1c", "production")
}
