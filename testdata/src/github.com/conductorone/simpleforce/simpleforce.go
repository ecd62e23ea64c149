// Stub of github.com/conductorone/simpleforce (package simpleforce), the
// ConductorOne fork of github.com/simpleforce/simpleforce. The fork is NOT served
// by the module proxy this project can reach, so its signatures follow
// /work/shared/SALESFORCE-APIS.md ("simpleforce with a ctx context.Context first
// parameter on NewClient and LoginPassword"), cross-checked against public callers
// of the fork (ConductorOne/baton-salesforce), which show:
//   simpleClient, err := simpleforce.NewClient(ctx, url, clientID, apiVersion)  // 2 results
//   err = simpleClient.LoginPassword(ctx, username, password, token)
//   c.client.ApexREST(ctx, method, path, body)
//   record.SObjectField(ctx, typeName, key)
// So NewClient returns (*Client, error) here, unlike upstream. Query takes ctx as
// the brief asks; ctx on the other network methods (Get/Create/Update/Upsert/
// Delete/Describe/DescribeGlobal/ExecuteAnonymous/Download*) is inferred, not
// verified. Everything else is copied from the upstream stub
// (github.com/simpleforce/simpleforce@v0.0.0-20220429021116-acf4ac67ef68).
// Deviation: the fork's SetHttpClient takes a ConductorOne HTTP wrapper type
// (not importable here); the stub keeps upstream's *http.Client. ErrFailure and
// ErrAuthentication use the standard errors.New (upstream: github.com/pkg/errors).

package simpleforce

import (
	"context"
	"errors"
	"io"
	"net/http"
)

const (
	DefaultAPIVersion = "54.0"
	DefaultClientID   = "simpleforce"
	DefaultURL        = "https://login.salesforce.com"

	logPrefix = "[simpleforce]"
)

var (
	// ErrFailure is a generic error if none of the other errors are appropriate.
	ErrFailure = errors.New("general failure")

	// ErrAuthentication is returned when authentication failed.
	ErrAuthentication = errors.New("authentication failure")
)

// SalesforceError is returned by value (not as a pointer); Error has a value receiver.
type SalesforceError struct {
	Message      string
	HttpCode     int
	ErrorCode    string
	ErrorMessage string
}

func (err SalesforceError) Error() string {
	return err.Message
}

func ParseSalesforceError(statusCode int, responseBody []byte) (err error) {
	return SalesforceError{HttpCode: statusCode, Message: string(responseBody)}
}

// Client is the main instance to access salesforce.
type Client struct {
	sessionID string
	user      struct {
		id       string
		name     string
		fullName string
		email    string
	}
	clientID      string
	apiVersion    string
	baseURL       string
	instanceURL   string
	useToolingAPI bool
	httpClient    *http.Client
}

// QueryResult holds the response data from an SOQL query.
type QueryResult struct {
	TotalSize      int       `json:"totalSize"`
	Done           bool      `json:"done"`
	NextRecordsURL string    `json:"nextRecordsUrl"`
	Records        []SObject `json:"records"`
}

func (client *Client) GetSid() (sid string) {
	return client.sessionID
}

func (client *Client) GetLoc() (loc string) {
	return client.instanceURL
}

func (client *Client) SetSidLoc(sid string, loc string) {
	client.sessionID = sid
	client.instanceURL = loc
}

func (client *Client) Query(ctx context.Context, q string) (*QueryResult, error) { return nil, nil }

func (client *Client) ApexREST(ctx context.Context, method, path string, requestBody io.Reader) ([]byte, error) {
	return nil, nil
}

func (client *Client) SObject(typeName ...string) *SObject { return &SObject{} }

// LoginPassword signs in with the SOAP login() call; the library concatenates
// password and token. A failed login returns a SalesforceError value whose
// ErrorCode is the raw faultcode, e.g. "sf:INVALID_LOGIN".
func (client *Client) LoginPassword(ctx context.Context, username, password, token string) error {
	return nil
}

func NewClient(ctx context.Context, url, clientID, apiVersion string) (*Client, error) {
	return &Client{apiVersion: apiVersion, baseURL: url, clientID: clientID, httpClient: &http.Client{}}, nil
}

func (client *Client) SetHttpClient(c *http.Client) { client.httpClient = c }

func (client *Client) DownloadFile(ctx context.Context, contentVersionID string, filepath string) error {
	return nil
}

func (client *Client) DownloadAttachment(ctx context.Context, attachmentId string, filepath string) error {
	return nil
}

func (client *Client) DescribeGlobal(ctx context.Context) (*SObjectMeta, error) { return nil, nil }

// ExecuteAnonymousResult is returned by ExecuteAnonymous function
type ExecuteAnonymousResult struct {
	Line                int         `json:"line"`
	Column              int         `json:"column"`
	Compiled            bool        `json:"compiled"`
	Success             bool        `json:"success"`
	CompileProblem      interface{} `json:"compileProblem"`
	ExceptionStackTrace interface{} `json:"exceptionStackTrace"`
	ExceptionMessage    interface{} `json:"exceptionMessage"`
}

func (client *Client) Tooling() *Client {
	client.useToolingAPI = true
	return client
}

func (client *Client) UnTooling() { client.useToolingAPI = false }

func (client *Client) ExecuteAnonymous(ctx context.Context, apexBody string) (*ExecuteAnonymousResult, error) {
	return nil, nil
}
