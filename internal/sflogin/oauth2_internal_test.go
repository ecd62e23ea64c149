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
