// Shape: a Terraform provider on a go-force fork that renamed the login
// (melan/go-force: force.CreateOAuth, then force.CreateApi). No table row
// matches CreateOAuth: it is inferred from its parameter names, with
// go-force's fault type (*force.ApiError, OAuth codes in ErrorName).
package fork

import (
	"fmt"
	"log"

	"github.com/melan/go-force/force"
)

type Config struct {
	ClientID, ClientSecret, Username, Password, SecurityToken, Environment, APIVersion string
}

// CreateOAuth's error is overwritten by CreateApi's before anything reads it.
func (c *Config) Client() (*force.Api, error) {
	oauth, err := force.CreateOAuth(c.ClientID, c.ClientSecret, c.Username, c.Password, c.SecurityToken, c.Environment) // want `^the login error of force.CreateOAuth is discarded: nothing notices when the login fails\. Check it and act on its fault code \(invalid_grant, invalid_client_id, \.\.\.\)\.$`
	api, err := force.CreateApi(c.APIVersion, oauth)
	if err != nil {
		return nil, err
	}
	return api, nil
}

func (c *Config) Logged() *force.Api {
	oauth, err := force.CreateOAuth(c.ClientID, c.ClientSecret, c.Username, c.Password, c.SecurityToken, c.Environment) // want `^the login error of force.CreateOAuth is only logged and its fault code is never read\. Read the ErrorName of the \*force.ApiError \(errors.As\)`
	if err != nil {
		log.Printf("salesforce: %v", err)
		return nil
	}
	api, _ := force.CreateApi(c.APIVersion, oauth)
	return api
}

// ---- not reported ----

// The fork's login error is checked and handed back with %w.
func (c *Config) ClientChecked() (*force.Api, error) { // want ClientChecked:`^fault \*force.ApiError.ErrorName OAuth$`
	oauth, err := force.CreateOAuth(c.ClientID, c.ClientSecret, c.Username, c.Password, c.SecurityToken, c.Environment)
	if err != nil {
		return nil, fmt.Errorf("salesforce login: %w", err)
	}
	return force.CreateApi(c.APIVersion, oauth)
}
