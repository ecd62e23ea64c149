// Package goforce checks go-force: Create (client secret, password, token),
// CreateWithAccessToken and CreateWithRefreshToken (session id).
package goforce

import (
	"os"

	"github.com/nimajalali/go-force/force"
)

func create() (*force.ForceApi, error) {
	return force.Create("v52.0", "3MVG9fTLmJ60pJ5JdQ9Yb0qN7rXy3vWc8KpZs2HhLmR4tUeD1oQaGfV6nB9xCiE",
		"7C1E9A4F2B8D6E03A5C7B9D1F3E5A7C9B2D4F6E8A0C1E3B5D7F9A2C4E6B8D0F2", // want `^client secret for force.Create is a 64-char string literal`
		"qa@example.com",
		"Winter2024!x",              // want `^password for force.Create is a 12-char string literal`
		"kQ7zR2mX9vB4nL8pW3sT6yH1c", // want `^security token for force.Create is a 25-char string literal`
		"production")
}

func fromEnv() (*force.ForceApi, error) {
	return force.Create("v52.0", os.Getenv("SF_CLIENT_ID"), os.Getenv("SF_CLIENT_SECRET"),
		os.Getenv("SF_USERNAME"), os.Getenv("SF_PASSWORD"), "", "production") // the empty token: a trusted IP range
}

func reuse(instance string) (*force.ForceApi, error) {
	if api, err := force.CreateWithAccessToken("v52.0", "id", os.Getenv("SF_SESSION_ID"), instance); err == nil {
		return api, nil
	}
	return force.CreateWithAccessToken("v52.0", "id", "00D5g000004Ab1C!AQ4AQLq2Bf8Xn3Kp7Rv1Tw9Yz5Cm0Hd6Jg.Ls2Np8Qr4Vx_Wb7", instance) // want `^session id for force.CreateWithAccessToken is a 66-char Salesforce session id literal`
}

func refresh(instance string) (*force.ForceApi, error) {
	return force.CreateWithRefreshToken("v52.0", "id", "00D5g000004Ab1C!AQ4AQLq2Bf8Xn3Kp7Rv1Tw9Yz5Cm0Hd6Jg.Ls2Np8Qr4Vx_Wb7", instance) // want `^session id for force.CreateWithRefreshToken is a 66-char Salesforce session id literal`
}
