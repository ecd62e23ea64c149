// Shapes: hand-written OAuth logins that check the status but replace the
// answer with an error that keeps nothing of it: a fixed text (a REST client
// library: errors.New("failed to authenticate with Salesforce")), the status
// alone (an auth-code CLI; go-sfdc's "session response error: %d %s";
// go-salesforce's errors.New(resp.Status + ": failed authentication")), the
// description without the code (ForceCLI's OAuth flows:
// errors.New(oauthError.ErrorDescription)); or that only print the answer
// and return the empty token with a nil error (a Terraform provider).
package raw

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

var ErrAuth = errors.New("salesforce: authentication failed")

func Fixed(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New("failed to authenticate with Salesforce") // want `^when the OAuth token endpoint \(/services/oauth2/token\) rejects the login, a fixed error replaces the answer\. Keep its "error" and "error_description" fields in the error, so a caller learns the code \(invalid_grant, invalid_client_id, \.\.\.\)\.$`
	}
	var t tokenResponse
	return &t, json.NewDecoder(resp.Body).Decode(&t)
}

func StatusOnly(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("session response error: %d %s", resp.StatusCode, resp.Status) // want `^when .* rejects the login, an error with only the status replaces the answer`
	}
	var t tokenResponse
	return &t, json.NewDecoder(resp.Body).Decode(&t)
}

func StatusText(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 == 2 {
		var t tokenResponse
		return &t, json.NewDecoder(resp.Body).Decode(&t)
	}
	return nil, errors.New(resp.Status + ": failed authentication") // want `^when .* rejects the login, an error with only the status replaces the answer`
}

func Sentinel(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		var t tokenResponse
		return &t, json.NewDecoder(resp.Body).Decode(&t)
	default:
		return nil, ErrAuth // want `^when .* rejects the login, returning ErrAuth replaces the answer`
	}
}

func DescriptionOnly(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return nil, err
	}
	if t.Error != "" {
		return nil, errors.New(t.Description) // want `^when .* rejects the login, an error with only the error_description replaces the answer`
	}
	return &t, nil
}

func Printed(base string, c Creds) (string, error) {
	resp, err := http.PostForm(base+tokenPath, form(c)) // want `^when the OAuth token endpoint rejects the login, the answer is only printed and the function goes on as if it succeeded\. Return an error that keeps its "error" and "error_description" fields`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		fmt.Printf("status: %d, body: %s", resp.StatusCode, b)
	}
	var t tokenResponse
	_ = json.Unmarshal(b, &t)
	return t.AccessToken, nil
}

func NilOnFailure(base string, c Creds) (string, error) {
	resp, err := http.PostForm(base+tokenPath, form(c)) // want `^when .* rejects the login, the answer is only logged and the function returns a nil error`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		log.Printf("salesforce login: %s", b)
		return "", nil
	}
	var t tokenResponse
	_ = json.Unmarshal(b, &t)
	return t.AccessToken, nil
}

func ExitWithStatus(base string, c Creds) string {
	resp, err := http.PostForm(base+tokenPath, form(c)) // want `^when .* rejects the login, the program ends with log.Fatalf without showing the answer`
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("login failed: %d", resp.StatusCode)
	}
	var t tokenResponse
	_ = json.NewDecoder(resp.Body).Decode(&t)
	return t.AccessToken
}

// ---- not reported ----

// The body (with "error":"invalid_grant") is kept in the error text.
func KeepsBody(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, fmt.Errorf("token request: %v", err) // a transport error: no login fault
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("token request: status %d, body %s", resp.StatusCode, body)
	}
	var t tokenResponse
	return &t, json.Unmarshal(body, &t)
}

// The code and the description are kept.
func KeepsCode(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", t.Error, t.Description)
	}
	return &t, nil
}

// An error type of the package's own, built from the response: not followed.
type AuthError struct{ Body []byte }

func (e *AuthError) Error() string { return string(e.Body) }

func OwnError(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return nil, &AuthError{Body: b}
	}
	var t tokenResponse
	return &t, json.NewDecoder(resp.Body).Decode(&t)
}

// Exiting with the answer printed is handling it.
func ExitWithBody(base string, c Creds) string {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(os.Stderr, "login refused: %s\n", b)
		os.Exit(1)
	}
	var t tokenResponse
	_ = json.Unmarshal(b, &t)
	return t.AccessToken
}
