// Package rawurl builds the token URL of hand-written OAuth logins out of
// pieces, as real clients do: constant pieces joined by +, url.JoinPath,
// path.Join, strings.Join, an assignment to u.Path. Each is the token
// endpoint; the data API built the same way is not.
package rawurl

import (
	"net/http"
	"net/url"
	"path"
	"strings"
)

const services = "/services"

func form(user, pass string) url.Values {
	return url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}}
}

func pieces(base, user, pass string) (*http.Response, error) {
	return http.PostForm(base+services+"/oauth2/token", form(user, pass)) // want `login OAuth token endpoint \(/services/oauth2/token\) err=1 session=0`
}

func variablePieces(base, user, pass string) (*http.Response, error) {
	prefix := "/services/oauth2"
	endpoint := base + prefix + "/token"
	return http.PostForm(endpoint, form(user, pass)) // want `login OAuth token endpoint`
}

func joinPath(base, user, pass string) (*http.Response, error) {
	u, err := url.JoinPath(base, "services", "oauth2", "token")
	if err != nil {
		return nil, err
	}
	return http.PostForm(u, form(user, pass)) // want `login OAuth token endpoint`
}

func urlJoinPath(base *url.URL, user, pass string) (*http.Response, error) {
	return http.PostForm(base.JoinPath("services/oauth2/token").String(), form(user, pass)) // want `login OAuth token endpoint`
}

func pathJoin(base, user, pass string) (*http.Response, error) {
	return http.PostForm(base+path.Join("/services", "oauth2", "token"), form(user, pass)) // want `login OAuth token endpoint`
}

func stringsJoin(base, user, pass string) (*http.Response, error) {
	return http.PostForm(strings.Join([]string{base, "services", "oauth2", "token"}, "/"), form(user, pass)) // want `login OAuth token endpoint`
}

func setPath(base, user, pass string) (*http.Response, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	u.Path = "/services/oauth2/token"
	req, err := http.NewRequest("POST", u.String(), strings.NewReader(form(user, pass).Encode()))
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `login OAuth token endpoint`
}

// ---- not logins ----

func dataAPI(base, soql string) (*http.Response, error) {
	u, err := url.JoinPath(base, "services", "data", "v59.0", "query")
	if err != nil {
		return nil, err
	}
	return http.Get(u + "?q=" + url.QueryEscape(soql))
}

func authorize(base string) (*http.Response, error) {
	return http.PostForm(base+services+"/oauth2/authorize", url.Values{"response_type": {"code"}})
}
