// Shapes: hand-written OAuth username-password logins (small REST client
// libraries) that decode the token response without looking at its status or
// its "error" field: on invalid_grant Salesforce answers 400 with
// {"error":"invalid_grant",...}, which decodes into an empty token and a nil
// error. The token URL is built from constant pieces.
package raw

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

const tokenPath = "/services" + "/oauth2/token"

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	InstanceURL string `json:"instance_url"`
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

type Creds struct{ ClientID, ClientSecret, User, PassAndToken string }

func form(c Creds) url.Values {
	return url.Values{"grant_type": {"password"}, "client_id": {c.ClientID},
		"client_secret": {c.ClientSecret}, "username": {c.User}, "password": {c.PassAndToken}}
}

func Login(hc *http.Client, base string, c Creds) (*tokenResponse, error) {
	req, err := http.NewRequest("POST", base+tokenPath, strings.NewReader(form(c).Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := hc.Do(req) // want `^the answer of the OAuth token endpoint is read without a look at its status or its "error" field\. Check resp.StatusCode \(200\) and, on failure, return an error that keeps its "error" and "error_description" fields \(invalid_grant, invalid_client_id, \.\.\.\)\.$`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return nil, err
	}
	return &tr, nil
}

// The body read, then decoded: still nothing looks at the answer.
func LoginReadAll(base string, c Creds) (string, error) {
	resp, err := http.PostForm(base+tokenPath, form(c)) // want `^the answer of the OAuth token endpoint is read without a look at its status`
	if err != nil {
		return "", fmt.Errorf("token request: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	var tr tokenResponse
	if err := json.Unmarshal(b, &tr); err != nil {
		return "", err
	}
	return tr.AccessToken, nil
}

const envelope = `<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Body>` +
	`<login xmlns="urn:partner.soap.sforce.com"><username>%s</username><password>%s</password></login>` +
	`</se:Body></se:Envelope>`

type loginResult struct {
	SessionID string `xml:"Body>loginResponse>result>sessionId"`
}

// A hand-posted SOAP login: a fault is HTTP 500 with a nil transport error.
func SOAPLogin(user, passAndToken string) (string, error) {
	resp, err := http.Post("https://login.salesforce.com/services/Soap/u/59.0", "text/xml", // want `^the answer of SOAP login\(\) \(/services/Soap\) is read without a look at its status or for a fault\. Check resp.StatusCode \(200\) and, on failure, return an error that keeps the <faultcode> and <faultstring> of its <soapenv:Fault>`
		strings.NewReader(fmt.Sprintf(envelope, user, passAndToken)))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var r struct {
		Result loginResult
	}
	_ = xml.Unmarshal(b, &r)
	return r.Result.SessionID, nil
}

// ---- not reported ----

// The status is checked and the body (with the code) is kept.
func LoginChecked(hc *http.Client, base string, c Creds) (*tokenResponse, error) {
	resp, err := hc.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var tr tokenResponse
	_ = json.Unmarshal(body, &tr)
	if resp.StatusCode != http.StatusOK || tr.Error != "" {
		return nil, fmt.Errorf("token request: %d %s: %s", resp.StatusCode, tr.Error, tr.Description)
	}
	return &tr, nil
}

// The "error" field is checked, though the status is not.
func LoginErrorField(hc *http.Client, base string, c Creds) (*tokenResponse, error) {
	resp, err := hc.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return nil, err
	}
	if tr.Error != "" {
		return nil, fmt.Errorf("%s: %s", tr.Error, tr.Description)
	}
	return &tr, nil
}

// The response goes to a function of the package's own, which may check it.
func LoginHanded(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	return parse(resp)
}

func parse(resp *http.Response) (*tokenResponse, error) {
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return nil, fmt.Errorf("token: %s", b)
	}
	var tr tokenResponse
	return &tr, json.NewDecoder(resp.Body).Decode(&tr)
}

// The body goes to a decoder of the package's own: it may check "error".
func LoginDecoded(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	return &tr, decode(resp.Body, &tr)
}

func decode(r io.Reader, tr *tokenResponse) error { return json.NewDecoder(r).Decode(tr) }

// A refresh of the token (no password) is not a login.
func Refresh(base, refreshToken string) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	return &tr, json.NewDecoder(resp.Body).Decode(&tr)
}
