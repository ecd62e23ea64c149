// Stub of github.com/k-capehart/go-salesforce/v2@v2.5.2 (package salesforce) for
// analysistest. The whole exported API is copied from `go doc -all` of that
// version; bodies return zero values. The unexported type authentication is an
// empty placeholder.
//
// Login failure in the real library: errors.New(resp.Status + ": failed authentication").

package salesforce

import (
	"net/http"
	"time"
)

type authentication struct{}

const JwtExpirationTime = 5 * time.Minute

type BulkJobResults struct {
	Id                  string `json:"id"`
	State               string `json:"state"`
	NumberRecordsFailed int    `json:"numberRecordsFailed"`
	ErrorMessage        string `json:"errorMessage"`
	SuccessfulRecords   []map[string]any
	FailedRecords       []map[string]any
}

type Configuration struct {
	CompressionHeaders bool // compress request and response if true to save bandwidth
}

func (c *Configuration) SetCompressionHeaders(compression bool) {}

func (c *Configuration) SetDefaults() {}

type Creds struct {
	Domain         string
	Username       string
	Password       string
	SecurityToken  string
	ConsumerKey    string
	ConsumerSecret string
	ConsumerRSAPem string
	AccessToken    string
}

type IteratorJob interface {
	Next() bool
	Error() error
	Decode(any) error
}

type RequestOption func(*http.Request)

func WithHeader(key, value string) RequestOption { return nil }

type Salesforce struct {
	auth   *authentication
	Config Configuration
}

func Init(creds Creds) (*Salesforce, error) { return nil, nil }

func (sf *Salesforce) DeleteBulk(sObjectName string, records any, batchSize int, waitForResults bool) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) DeleteBulkFile(sObjectName string, filePath string, batchSize int, waitForResults bool) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) DeleteCollection(sObjectName string, records any, batchSize int) (SalesforceResults, error) {
	return SalesforceResults{}, nil
}

func (sf *Salesforce) DeleteComposite(sObjectName string, records any, batchSize int, allOrNone bool) (SalesforceResults, error) {
	return SalesforceResults{}, nil
}

func (sf *Salesforce) DeleteOne(sObjectName string, record any) error { return nil }

func (sf *Salesforce) DoRequest(method string, uri string, body []byte, opts ...RequestOption) (*http.Response, error) {
	return nil, nil
}

func (sf *Salesforce) GetAccessToken() string { return "" }

func (sf *Salesforce) GetInstanceUrl() string { return "" }

func (sf *Salesforce) GetJobResults(bulkJobId string) (BulkJobResults, error) {
	return BulkJobResults{}, nil
}

func (sf *Salesforce) InsertBulk(sObjectName string, records any, batchSize int, waitForResults bool) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) InsertBulkAssign(sObjectName string, records any, batchSize int, waitForResults bool, assignmentRuleId string) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) InsertBulkFile(sObjectName string, filePath string, batchSize int, waitForResults bool) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) InsertBulkFileAssign(sObjectName string, filePath string, batchSize int, waitForResults bool, assignmentRuleId string) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) InsertCollection(sObjectName string, records any, batchSize int) (SalesforceResults, error) {
	return SalesforceResults{}, nil
}

func (sf *Salesforce) InsertComposite(sObjectName string, records any, batchSize int, allOrNone bool) (SalesforceResults, error) {
	return SalesforceResults{}, nil
}

func (sf *Salesforce) InsertOne(sObjectName string, record any) (SalesforceResult, error) {
	return SalesforceResult{}, nil
}

func (sf *Salesforce) Query(query string, sObject any) error { return nil }

func (sf *Salesforce) QueryBulkExport(query string, filePath string) error { return nil }

func (sf *Salesforce) QueryBulkIterator(query string) (IteratorJob, error) { return nil, nil }

func (sf *Salesforce) QueryStruct(soqlStruct any, sObject any) error { return nil }

func (sf *Salesforce) QueryStructBulkExport(soqlStruct any, filePath string) error { return nil }

func (sf *Salesforce) UpdateBulk(sObjectName string, records any, batchSize int, waitForResults bool) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) UpdateBulkAssign(sObjectName string, records any, batchSize int, waitForResults bool, assignmentRuleId string) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) UpdateBulkFile(sObjectName string, filePath string, batchSize int, waitForResults bool) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) UpdateBulkFileAssign(sObjectName string, filePath string, batchSize int, waitForResults bool, assignmentRuleId string) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) UpdateCollection(sObjectName string, records any, batchSize int) (SalesforceResults, error) {
	return SalesforceResults{}, nil
}

func (sf *Salesforce) UpdateComposite(sObjectName string, records any, batchSize int, allOrNone bool) (SalesforceResults, error) {
	return SalesforceResults{}, nil
}

func (sf *Salesforce) UpdateOne(sObjectName string, record any) error { return nil }

func (sf *Salesforce) UpsertBulk(sObjectName string, externalIdFieldName string, records any, batchSize int, waitForResults bool) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) UpsertBulkAssign(sObjectName string, externalIdFieldName string, records any, batchSize int, waitForResults bool, assignmentRuleId string) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) UpsertBulkFile(sObjectName string, externalIdFieldName string, filePath string, batchSize int, waitForResults bool) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) UpsertBulkFileAssign(sObjectName string, externalIdFieldName string, filePath string, batchSize int, waitForResults bool, assignmentRuleId string) ([]string, error) {
	return nil, nil
}

func (sf *Salesforce) UpsertCollection(sObjectName string, externalIdFieldName string, records any, batchSize int) (SalesforceResults, error) {
	return SalesforceResults{}, nil
}

func (sf *Salesforce) UpsertComposite(sObjectName string, externalIdFieldName string, records any, batchSize int, allOrNone bool) (SalesforceResults, error) {
	return SalesforceResults{}, nil
}

func (sf *Salesforce) UpsertOne(sObjectName string, externalIdFieldName string, record any) (SalesforceResult, error) {
	return SalesforceResult{}, nil
}

type SalesforceErrorMessage struct {
	Message    string   `json:"message"`
	StatusCode string   `json:"statusCode"`
	Fields     []string `json:"fields"`
	ErrorCode  string   `json:"errorCode"`
}

type SalesforceResult struct {
	Id      string                   `json:"id"`
	Errors  []SalesforceErrorMessage `json:"errors"`
	Success bool                     `json:"success"`
}

type SalesforceResults struct {
	Results             []SalesforceResult
	HasSalesforceErrors bool
}
