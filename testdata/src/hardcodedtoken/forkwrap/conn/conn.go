// Package conn wraps a go-force fork's renamed login (melan/go-force's
// CreateOAuth): its LoginFact says which parameter is which credential.
package conn

import "github.com/melan/go-force/force"

func Connect(clientID, clientSecret, user, password, token string) (*force.Api, error) {
	oauth, err := force.CreateOAuth(clientID, clientSecret, user, password, token, "production")
	if err != nil {
		return nil, err
	}
	return force.CreateApi("v52.0", oauth)
}
