package raw

// Shapes: go-force-style hand-written OAuth logins (the original library,
// its forks, and providers that copied its Authenticate) that decode the
// token answer twice: first into an error type through a pointer variable
// (apiErr := &apiError{}; json.Unmarshal(b, apiErr)), tested with a method
// that reads its "error" field, then into the token. The first decode is the
// check; without it, the answer is still unchecked.

import (
	"encoding/json"
	"io"
	"net/http"
)

// apiError is the shape of Salesforce's error answers, an error itself.
type apiError struct {
	Code        string `json:"error"`
	Description string `json:"error_description"`
}

func (e *apiError) Error() string { return e.Code + ": " + e.Description }

// Validate reports whether the answer was an error.
func (e *apiError) Validate() bool { return e.Code != "" }

// Checked by the error type's method: not reported.
func AuthenticateChecked(base string, c Creds) (*tokenResponse, error) {
	resp, err := http.PostForm(base+tokenPath, form(c))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	apiErr := &apiError{}
	if err := json.Unmarshal(b, apiErr); err == nil {
		if apiErr.Validate() {
			return nil, apiErr
		}
	}
	tok := &tokenResponse{}
	if err := json.Unmarshal(b, tok); err != nil {
		return nil, err
	}
	return tok, nil
}

// Decoded through a pointer variable, never tested: reported.
func AuthenticateUnchecked(base string, c Creds) (string, error) {
	resp, err := http.PostForm(base+tokenPath, form(c)) // want `^the answer of the OAuth token endpoint is read without a look at its status`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	tok := &tokenResponse{}
	if err := json.Unmarshal(b, tok); err != nil {
		return "", err
	}
	return tok.AccessToken, nil
}
