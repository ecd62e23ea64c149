// want package:"salesforce"
// Package rawhelper ends SOAP sessions and revokes OAuth tokens over plain
// net/http; its functions carry a RawLogoutFact across packages.
package rawhelper

import (
	"net/http"
	"net/url"
	"strings"
)

const logoutEnvelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
<soapenv:Header><urn:SessionHeader><urn:sessionId>SID</urn:sessionId></urn:SessionHeader></soapenv:Header>
<soapenv:Body><urn:logout/></soapenv:Body></soapenv:Envelope>`

// Logout posts a SOAP logout() for the session.
func Logout(instance, sid string) error { // want Logout:"raw logout: SOAP"
	body := strings.Replace(logoutEnvelope, "SID", sid, 1)
	resp, err := http.Post(instance+"/services/Soap/u/59.0", "text/xml", strings.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Revoke revokes an OAuth access token.
func Revoke(token string) error { // want Revoke:"raw logout: revoke"
	resp, err := http.PostForm("https://login.salesforce.com/services/oauth2/revoke", url.Values{"token": {token}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// End calls Logout: it is a raw logout too.
func End(instance, sid string) { // want End:"raw logout: SOAP"
	_ = Logout(instance, sid)
}
