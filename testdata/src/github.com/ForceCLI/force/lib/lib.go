// Stub of github.com/ForceCLI/force/lib (package lib). The ForceCLI module is NOT
// served by the module proxy this project can reach: the login functions follow
// /work/shared/SALESFORCE-APIS.md, cross-checked against ForceCLI/force's public
// lib/force.go and lib/jwt.go (recent master). Signatures use the real named
// results (creds ForceSession, err error). ForceSession, UserInfo,
// SessionOptions, Force, LoginFault and SoapFault are reduced copies of the real
// types (fields that need other ForceCLI packages are left out).
//
// Errors are plain strings, e.g. fmt.Errorf("Login error: %s", "INVALID_LOGIN: ...")
// for a SOAP fault: no typed fault reaches the caller. There is no logout.

package lib

import (
	"errors"
	"fmt"
)

var SessionExpiredError = errors.New("Session expired")

type ForceEndpoint int

const (
	EndpointProduction ForceEndpoint = iota
	EndpointTest
	EndpointPrerelease
	EndpointMobile1
	EndpointCustom
)

type RefreshMethod int

const (
	RefreshUnavailable RefreshMethod = iota
	RefreshOauth
)

type UserInfo struct {
	UserName     string `json:"preferred_username"`
	OrgId        string `json:"organization_id"`
	UserId       string `json:"user_id"`
	ProfileId    string
	OrgNamespace string
}

type SessionOptions struct {
	ApiVersion    string
	Alias         string
	RefreshMethod RefreshMethod
}

type ForceSession struct {
	AccessToken    string `json:"access_token"`
	InstanceUrl    string `json:"instance_url"`
	IssuedAt       string `json:"issued_at"`
	Scope          string `json:"scope"`
	Id             string `json:"id"`
	ClientId       string
	RefreshToken   string
	ForceEndpoint  ForceEndpoint
	EndpointUrl    string `json:"endpoint_url"`
	UserInfo       *UserInfo
	SessionOptions *SessionOptions
}

// Force: the real struct also has Metadata *ForceMetadata, Partner *ForcePartner
// and an unexported retrier.
type Force struct {
	Credentials *ForceSession
}

type LoginFault struct {
	ExceptionCode    string `xml:"exceptionCode" json:"exceptionCode"`
	ExceptionMessage string `xml:"exceptionMessage" json:"exceptionMessage"`
}

func (lf LoginFault) Error() string {
	return fmt.Sprintf("%s: %s", lf.ExceptionCode, lf.ExceptionMessage)
}

type SoapFault struct {
	FaultCode   string     `xml:"Body>Fault>faultcode"`
	FaultString string     `xml:"Body>Fault>faultstring"`
	Detail      LoginFault `xml:"Body>Fault>detail>LoginFault"`
}

type OAuthError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
}

func NewForce(creds *ForceSession) (force *Force) {
	return &Force{Credentials: creds}
}

func ForceSoapLoginAtEndpoint(endpoint string, username string, password string) (creds ForceSession, err error) {
	return
}

func PasswordFlowLoginAtEndpoint(endpoint string, clientId string, clientSecret string, username string, password string) (creds ForceSession, err error) {
	return
}

func ClientCredentialsLoginAtEndpoint(endpoint string, clientId string, clientSecret string) (creds ForceSession, err error) {
	return
}

func JWTLoginAtEndpoint(endpoint string, assertion string) (creds ForceSession, err error) {
	return
}
