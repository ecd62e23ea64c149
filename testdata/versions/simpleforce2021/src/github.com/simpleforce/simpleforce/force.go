// Package simpleforce is a stub of github.com/simpleforce/simpleforce@v0.0.0-20211207104336-af9d9a281fea
// (2021-12-07, the version a SQL-over-API plugin pins; 245ee39ac3ec of 2021-05
// has the same login API). A failed login returns an error built with
// github.com/pkg/errors.New whose text carries the code:
// "[simpleforce] Error. http code: 500 Error Message:  INVALID_LOGIN: ... Error Code: sf:INVALID_LOGIN".
// There is no SalesforceError type: only a text match can classify the fault.
// The whole exported API; bodies return zero values.
package simpleforce

import (
	"io"
	"net/http"

	"github.com/pkg/errors"
)

const (
	DefaultAPIVersion = "43.0"
	DefaultClientID   = "simpleforce"
	DefaultURL        = "https://login.salesforce.com"
)

var (
	// ErrFailure is a generic error if none of the other errors are appropriate.
	ErrFailure = errors.New("general failure")
	// ErrAuthentication is returned when authentication failed.
	ErrAuthentication = errors.New("authentication failure")
)

type Client struct{}

type QueryResult struct {
	TotalSize      int       `json:"totalSize"`
	Done           bool      `json:"done"`
	NextRecordsURL string    `json:"nextRecordsUrl"`
	Records        []SObject `json:"records"`
}

type ExecuteAnonymousResult struct {
	Line                int         `json:"line"`
	Column              int         `json:"column"`
	Compiled            bool        `json:"compiled"`
	Success             bool        `json:"success"`
	CompileProblem      interface{} `json:"compileProblem"`
	ExceptionStackTrace interface{} `json:"exceptionStackTrace"`
	ExceptionMessage    interface{} `json:"exceptionMessage"`
}

type SObject map[string]interface{}

type SObjectMeta map[string]interface{}

type SObjectAttributes struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

// ParseSalesforceError turns an error answer into an error whose text ends
// "Error Code: <code>" (sf:INVALID_LOGIN for a SOAP login fault).
func ParseSalesforceError(statusCode int, responseBody []byte) (err error) { return nil }

func (client *Client) GetSid() (sid string)                                          { return "" }
func (client *Client) GetLoc() (loc string)                                          { return "" }
func (client *Client) SetSidLoc(sid string, loc string)                              {}
func (client *Client) UnTooling()                                                    {}
func (client *Client) DescribeGlobal() (*SObjectMeta, error)                         { return nil, nil }
func (client *Client) DownloadAttachment(attachmentId string, filepath string) error { return nil }
func (client *Client) ApexREST(method, path string, requestBody io.Reader) ([]byte, error) {
	return nil, nil
}

func NewClient(url, clientID, apiVersion string) *Client                           { return &Client{} }
func (client *Client) LoginPassword(username, password, token string) error        { return nil }
func (client *Client) Query(q string) (*QueryResult, error)                        { return nil, nil }
func (client *Client) SObject(typeName ...string) *SObject                         { return &SObject{} }
func (client *Client) SetHttpClient(c *http.Client)                                {}
func (client *Client) Tooling() *Client                                            { return client }
func (client *Client) DownloadFile(contentVersionID string, filepath string) error { return nil }
func (client *Client) ExecuteAnonymous(apexBody string) (*ExecuteAnonymousResult, error) {
	return nil, nil
}

func (obj *SObject) AttributesField() *SObjectAttributes        { return nil }
func (obj *SObject) Create() *SObject                           { return obj }
func (obj *SObject) Delete(id ...string) error                  { return nil }
func (obj *SObject) Describe() *SObjectMeta                     { return nil }
func (obj *SObject) Get(id ...string) *SObject                  { return obj }
func (obj *SObject) ID() string                                 { return "" }
func (obj *SObject) InterfaceField(key string) interface{}      { return nil }
func (obj *SObject) SObjectField(typeName, key string) *SObject { return obj }
func (obj *SObject) Set(key string, value interface{}) *SObject { return obj }
func (obj *SObject) StringField(key string) string              { return "" }
func (obj *SObject) Type() string                               { return "" }
func (obj *SObject) Update() *SObject                           { return obj }
