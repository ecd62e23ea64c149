// Stub of github.com/simpleforce/simpleforce@v0.0.0-20220429021116-acf4ac67ef68
// (package simpleforce) for analysistest. Signatures are copied from force.go,
// errorHelpers.go, sobject.go and tooling.go of that version; bodies are empty.
//
// Deviation: the real ErrFailure/ErrAuthentication are made with
// github.com/pkg/errors.New; the stub uses the standard errors.New (both are
// plain `error` values).

package simpleforce

import (
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

func (client *Client) Query(q string) (*QueryResult, error) { return nil, nil }

func (client *Client) ApexREST(method, path string, requestBody io.Reader) ([]byte, error) {
	return nil, nil
}

func (client *Client) SObject(typeName ...string) *SObject { return &SObject{} }

// LoginPassword signs in with the SOAP login() call; the library concatenates
// password and token. A failed login returns a SalesforceError value whose
// ErrorCode is the raw faultcode, e.g. "sf:INVALID_LOGIN".
func (client *Client) LoginPassword(username, password, token string) error { return nil }

func NewClient(url, clientID, apiVersion string) *Client {
	return &Client{apiVersion: apiVersion, baseURL: url, clientID: clientID, httpClient: &http.Client{}}
}

func (client *Client) SetHttpClient(c *http.Client) { client.httpClient = c }

func (client *Client) DownloadFile(contentVersionID string, filepath string) error { return nil }

func (client *Client) DownloadAttachment(attachmentId string, filepath string) error { return nil }

func (client *Client) DescribeGlobal() (*SObjectMeta, error) { return nil, nil }

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

func (client *Client) ExecuteAnonymous(apexBody string) (*ExecuteAnonymousResult, error) {
	return nil, nil
}
