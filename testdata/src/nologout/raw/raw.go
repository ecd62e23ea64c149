// Package raw logs in with SOAP login() envelopes over net/http.
package raw

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"nologout/rawhelper"
)

const loginURL = "https://login.salesforce.com/services/Soap/u/59.0"

const loginEnvelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
<soapenv:Body><urn:login><urn:username>USER</urn:username><urn:password>PASS</urn:password></urn:login></soapenv:Body></soapenv:Envelope>`

const logoutEnvelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
<soapenv:Header><urn:SessionHeader><urn:sessionId>SID</urn:sessionId></urn:SessionHeader></soapenv:Header>
<soapenv:Body><urn:logout/></soapenv:Body></soapenv:Envelope>`

type loginResponse struct {
	SessionID string `xml:"Body>loginResponse>result>sessionId"`
	ServerURL string `xml:"Body>loginResponse>result>serverUrl"`
}

// check logs in to test the credentials and never logs out.
func check(u, p string) error {
	resp, err := http.Post(loginURL, "text/xml", strings.NewReader(strings.NewReplacer("USER", u, "PASS", p).Replace(loginEnvelope))) // want `session from SOAP login\(\) \(/services/Soap\) is not logged out on all paths\. Post a SOAP logout\(\) with the session id before every return`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("login failed: %s", resp.Status) // not a leak: the login failed
	}
	return nil
}

// checkAndLogout parses the session id and logs it out on every path.
func checkAndLogout(u, p string) error {
	resp, err := http.Post(loginURL, "text/xml", strings.NewReader(strings.NewReplacer("USER", u, "PASS", p).Replace(loginEnvelope)))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return errors.New(resp.Status)
	}
	var lr loginResponse
	if err := xml.NewDecoder(resp.Body).Decode(&lr); err != nil {
		return err
	}
	defer logout(lr.ServerURL, lr.SessionID)
	if lr.ServerURL == "" {
		return errors.New("no server URL")
	}
	return nil
}

// logout posts the SOAP logout() envelope in this package.
func logout(serverURL, sid string) {
	body := strings.Replace(logoutEnvelope, "SID", sid, 1)
	if resp, err := http.Post(serverURL, "text/xml", strings.NewReader(body)); err == nil {
		resp.Body.Close()
	}
}

// viaOtherPackage logs out through another package's helper (a fact).
func viaOtherPackage(u, p string) error {
	resp, err := http.Post(loginURL, "text/xml", strings.NewReader(strings.NewReplacer("USER", u, "PASS", p).Replace(loginEnvelope)))
	if err != nil {
		return err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	var lr loginResponse
	if err := xml.Unmarshal(body, &lr); err != nil {
		return err
	}
	rawhelper.End(lr.ServerURL, lr.SessionID)
	return nil
}

// sessionID returns the session id: the caller owns it.
func sessionID(u, p string) (string, error) {
	resp, err := http.Post(loginURL, "text/xml", strings.NewReader(strings.NewReplacer("USER", u, "PASS", p).Replace(loginEnvelope)))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var lr loginResponse
	if err := xml.NewDecoder(resp.Body).Decode(&lr); err != nil {
		return "", err
	}
	return lr.SessionID, nil
}

// parsedNotLoggedOut parses the response and forgets the session.
func parsedNotLoggedOut(u, p string) error {
	resp, err := http.Post(loginURL, "text/xml", strings.NewReader(strings.NewReplacer("USER", u, "PASS", p).Replace(loginEnvelope))) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var lr loginResponse
	if err := xml.NewDecoder(resp.Body).Decode(&lr); err != nil {
		return err
	}
	fmt.Println("logged in on", lr.ServerURL)
	return nil
}

// withRequest builds the request and sends it with Do.
func withRequest(u, p string) error {
	req, err := http.NewRequest("POST", loginURL, strings.NewReader(strings.NewReplacer("USER", u, "PASS", p).Replace(loginEnvelope)))
	if err != nil {
		return err
	}
	req.Header.Set("SOAPAction", "login")
	resp, err := http.DefaultClient.Do(req) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// disabled stands for a login left behind an early return while a feature
// is switched off: no path reaches it, so there is no session to end (and
// sflint must not crash on it).
func disabled(u, p string) error {
	return errors.New("disabled")
	resp, err := http.Post(loginURL, "text/xml", strings.NewReader(strings.NewReplacer("USER", u, "PASS", p).Replace(loginEnvelope)))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
