package sflogin

import "testing"

func TestSalesforceName(t *testing.T) {
	for name, want := range map[string]bool{
		"SalesforceConfig": true, "SF_TOKEN_URL": true, "sfTokenURL": true, "SFTokenURL": true,
		"salesforce.token_url": true, "sfdc-token": true, "ForceEndpoint": true, "sf": true,
		"tokenURL": false, "SafeConfig": false, "enforceTLS": false, "GitLabConfig": false, "sftp": false,
		"": false,
	} {
		if got := salesforceName(name); got != want {
			t.Errorf("salesforceName(%q) = %v, want %v (words %q)", name, got, want, words(name))
		}
	}
}

func TestEndpointPiece(t *testing.T) {
	for lit, want := range map[string]bool{
		`"/services/oauth2/token"`: true, `"/oauth2/token"`: true, `"oauth2"`: true, "`oauth2`": true,
		`"/services/Soap/u/59.0"`: true, `"Soap/c/59.0"`: true,
		`"oauth2: cannot fetch token"`: false, `"golang.org/x/oauth2"`: false, `"/services/data/v59.0"`: false,
	} {
		if got := endpointPiece(lit); got != want {
			t.Errorf("endpointPiece(%s) = %v, want %v", lit, got, want)
		}
	}
}
