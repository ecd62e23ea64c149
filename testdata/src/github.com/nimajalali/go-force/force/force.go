// Stub of github.com/nimajalali/go-force@v0.0.0-20200831220737-454890ee2b7c
// (package force) for analysistest. Signatures are copied from api.go,
// client.go, error.go, force.go, limits.go, query.go and sobjects.go of that
// version; bodies are empty.
//
// Error shapes of the real library:
//   - Create (OAuth password grant) returns *ApiError (a pointer) when the
//     token endpoint answers {"error":"invalid_grant",...}; ApiError.Error has
//     a VALUE receiver, so both ApiError and *ApiError implement error, and
//     errors.As needs a *ApiError target (var e *force.ApiError).
//   - REST calls return ApiErrors (a value slice of *ApiError); on
//     INVALID_SESSION_ID the library re-authenticates and retries without limit.
package force

import "net/url"

const (
	BaseQueryString = "SELECT %v FROM %v"
)

func BuildQuery(fields, table string, constraints []string) string { return "" }

// Custom Error to handle salesforce api responses.
type ApiErrors []*ApiError

type ApiError struct {
	Fields           []string `json:"fields,omitempty" force:"fields,omitempty"`
	Message          string   `json:"message,omitempty" force:"message,omitempty"`
	ErrorCode        string   `json:"errorCode,omitempty" force:"errorCode,omitempty"`
	ErrorName        string   `json:"error,omitempty" force:"error,omitempty"`
	ErrorDescription string   `json:"error_description,omitempty" force:"error_description,omitempty"`
}

func (e ApiErrors) Error() string { return e.String() }

func (e ApiErrors) String() string { return "" }

func (e ApiErrors) Validate() bool { return len(e) != 0 }

func (e ApiError) Error() string { return e.String() }

func (e ApiError) String() string { return e.Message }

func (e ApiError) Validate() bool { return false }

// ForceApi: the real struct has only unexported fields.
type ForceApi struct {
	apiVersion string
	logger     ForceApiLogger
	logPrefix  string
}

type ForceApiLogger interface {
	Printf(format string, v ...interface{})
}

// Interface all standard and custom objects must implement. Needed for uri
// generation.
type SObject interface {
	ApiName() string
	ExternalIdApiName() string
}

// Response received from force.com API after insert of an sobject.
type SObjectResponse struct {
	Id      string    `force:"id,omitempty"`
	Errors  ApiErrors `force:"error,omitempty"` //TODO: Not sure if ApiErrors is the right object
	Success bool      `force:"success,omitempty"`
}

func Create(version, clientId, clientSecret, userName, password, securityToken,
	environment string) (*ForceApi, error) {
	return nil, nil
}

func CreateWithAccessToken(version, clientId, accessToken, instanceUrl string) (*ForceApi, error) {
	return nil, nil
}

func CreateWithRefreshToken(version, clientId, accessToken, instanceUrl string) (*ForceApi, error) {
	return nil, nil
}

func (forceApi *ForceApi) TraceOn(prefix string, logger ForceApiLogger) {}

func (forceApi *ForceApi) TraceOff() {}

func (forceApi *ForceApi) RefreshToken() error { return nil }

func (forceApi *ForceApi) GetAccessToken() string { return "" }

func (forceApi *ForceApi) GetInstanceURL() string { return "" }

func (forceApi *ForceApi) Get(path string, params url.Values, out interface{}) error { return nil }

func (forceApi *ForceApi) Post(path string, params url.Values, payload, out interface{}) error {
	return nil
}

func (forceApi *ForceApi) Put(path string, params url.Values, payload, out interface{}) error {
	return nil
}

func (forceApi *ForceApi) Patch(path string, params url.Values, payload, out interface{}) error {
	return nil
}

func (forceApi *ForceApi) Delete(path string, params url.Values) error { return nil }

func (forceApi *ForceApi) GetLimits() (limits *Limits, err error) { return nil, nil }

func (forceApi *ForceApi) Query(query string, out interface{}) (err error) { return nil }

func (forceApi *ForceApi) QueryAll(query string, out interface{}) (err error) { return nil }

func (forceApi *ForceApi) QueryNext(uri string, out interface{}) (err error) { return nil }

func (forceApi *ForceApi) DescribeSObject(in SObject) (resp *SObjectDescription, err error) {
	return nil, nil
}

func (forceAPI *ForceApi) DescribeSObjects() (map[string]*SObjectMetaData, error) {
	return nil, nil
}

func (forceApi *ForceApi) GetSObject(id string, fields []string, out SObject) (err error) {
	return nil
}

func (forceApi *ForceApi) InsertSObject(in SObject) (resp *SObjectResponse, err error) {
	return nil, nil
}

func (forceApi *ForceApi) UpdateSObject(id string, in SObject) (err error) { return nil }

func (forceApi *ForceApi) DeleteSObject(id string, in SObject) (err error) { return nil }

func (forceApi *ForceApi) GetSObjectByExternalId(id string, fields []string, out SObject) (err error) {
	return nil
}

func (forceApi *ForceApi) UpsertSObjectByExternalId(id string, in SObject) (resp *SObjectResponse, err error) {
	return nil, nil
}

func (forceApi *ForceApi) DeleteSObjectByExternalId(id string, in SObject) (err error) {
	return nil
}
