// Stub of github.com/tzmfreedom/go-metaforce@v0.0.0-20240311131847-5b8d28315641
// (package metaforce) for analysistest. Signatures are copied from client.go and
// metadata.go of that version; bodies are empty. Only a subset is mirrored.
//
// The real package declares no SOAPFault of its own: every SOAP call goes through
// soapforce.SOAPClient.Call, so login and API errors are *soapforce.SOAPFault.
// There is no Logout (it is commented out in the real client.go).

package metaforce

import (
	"encoding/xml"
	"io"
	"time"

	"github.com/tzmfreedom/go-soapforce"
)

const (
	DefaultApiVersion = "44.0"
	DefaultLoginUrl   = "login.salesforce.com"
)

type Client struct {
	ApiVersion  string
	ServerUrl   string
	LoginUrl    string
	portType    *MetadataPortType
	loginResult *LoginResult
	debug       bool
}

// MetadataPortType is the generated SOAP port; its methods are omitted here.
type MetadataPortType struct {
	client *soapforce.SOAPClient
}

func NewClient() *Client {
	return &Client{LoginUrl: DefaultLoginUrl, ApiVersion: DefaultApiVersion}
}

func (client *Client) SetDebug(debug bool) {}

func (c *Client) SetApiVersion(v string) {}

func (c *Client) SetAccessToken(sid string) {}

func (c *Client) GetSessionID() string { return "" }

func (c *Client) GetServerURL() string { return "" }

func (c *Client) SetLoginUrl(url string) {}

func (c *Client) SetLogger(logger io.Writer) {}

func (c *Client) SetGzip(gz bool) {}

func (client *Client) Login(username string, password string) error { return nil }

func (client *Client) Deploy(buf []byte, options *DeployOptions) (*DeployResponse, error) {
	return nil, nil
}

func (client *Client) CheckDeployStatus(resultId string, includeDetails bool) (*CheckDeployStatusResponse, error) {
	return nil, nil
}

func (client *Client) CancelDeploy(processId string) (*CancelDeployResponse, error) {
	return nil, nil
}

func (client *Client) DescribeMetadata() (*DescribeMetadataResponse, error) { return nil, nil }

func (client *Client) DeleteMetadata(typeName string, fullNames []string) (*DeleteMetadataResponse, error) {
	return nil, nil
}

func (client *Client) Retrieve(retrieveRequest *RetrieveRequest) (*RetrieveResponse, error) {
	return nil, nil
}

func (client *Client) ReadMetadataInto(typeName string, fullNames []string, response interface{}) error {
	return nil
}

type ID string

type StatusCode string

type ExtendedErrorCode string

type TestLevel string

const (
	TestLevelNoTestRun TestLevel = "NoTestRun"

	TestLevelRunSpecifiedTests TestLevel = "RunSpecifiedTests"

	TestLevelRunLocalTests TestLevel = "RunLocalTests"

	TestLevelRunAllTestsInOrg TestLevel = "RunAllTestsInOrg"
)

type AsyncRequestState string

const (
	AsyncRequestStateQueued AsyncRequestState = "Queued"

	AsyncRequestStateInProgress AsyncRequestState = "InProgress"

	AsyncRequestStateCompleted AsyncRequestState = "Completed"

	AsyncRequestStateError AsyncRequestState = "Error"
)

// LoginResult: the real struct tag on Sandbox is malformed (`xml:"sandbox`);
// it is written well-formed here so that go vet's structtag check passes.
type LoginResult struct {
	MetadataServerUrl string `xml:"metadataServerUrl"`
	PasswordExpired   bool   `xml:"passwordExpired"`
	Sandbox           bool   `xml:"sandbox"`
	ServerUrl         string `xml:"serverUrl"`
	SessionId         string `xml:"sessionId"`
	UserId            ID     `xml:"userId"`
}

type SessionHeader struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata SessionHeader"`

	SessionId string `xml:"sessionId,omitempty"`
}

type DeployOptions struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata DeployOptions"`

	AllowMissingFiles bool `xml:"allowMissingFiles,omitempty"`

	AutoUpdatePackage bool `xml:"autoUpdatePackage,omitempty"`

	CheckOnly bool `xml:"checkOnly,omitempty"`

	IgnoreWarnings bool `xml:"ignoreWarnings,omitempty"`

	PerformRetrieve bool `xml:"performRetrieve,omitempty"`

	PurgeOnDelete bool `xml:"purgeOnDelete,omitempty"`

	RollbackOnError bool `xml:"rollbackOnError,omitempty"`

	RunTests []string `xml:"runTests,omitempty"`

	SinglePackage bool `xml:"singlePackage,omitempty"`

	TestLevel *TestLevel `xml:"testLevel,omitempty"`
}

type AsyncResult struct {
	Done bool `xml:"done,omitempty"`

	Id ID `xml:"id,omitempty"`

	Message string `xml:"message,omitempty"`

	State AsyncRequestState `xml:"state,omitempty"`

	StatusCode StatusCode `xml:"statusCode,omitempty"`
}

type DeployResponse struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata deployResponse"`

	Result *AsyncResult `xml:"result,omitempty"`
}

// DeployResult: the real struct also has Details *DeployDetails, Status
// *DeployStatus and more counters; only a subset is kept.
type DeployResult struct {
	CheckOnly bool `xml:"checkOnly,omitempty"`

	CompletedDate time.Time `xml:"completedDate,omitempty"`

	Done bool `xml:"done,omitempty"`

	ErrorMessage string `xml:"errorMessage,omitempty"`

	ErrorStatusCode StatusCode `xml:"errorStatusCode,omitempty"`

	Id ID `xml:"id,omitempty"`

	NumberComponentErrors int32 `xml:"numberComponentErrors,omitempty"`

	StateDetail string `xml:"stateDetail,omitempty"`

	Success bool `xml:"success,omitempty"`
}

type CheckDeployStatusResponse struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata checkDeployStatusResponse"`

	Result *DeployResult `xml:"result,omitempty"`
}

type CancelDeployResult struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata CancelDeployResult"`

	Done bool `xml:"done,omitempty"`

	Id ID `xml:"id,omitempty"`
}

type CancelDeployResponse struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata cancelDeployResponse"`

	Result *CancelDeployResult `xml:"result,omitempty"`
}

// DescribeMetadataResult: the real struct also has MetadataObjects.
type DescribeMetadataResult struct {
	OrganizationNamespace string `xml:"organizationNamespace,omitempty"`

	PartialSaveAllowed bool `xml:"partialSaveAllowed,omitempty"`

	TestRequired bool `xml:"testRequired,omitempty"`
}

type DescribeMetadataResponse struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata describeMetadataResponse"`

	Result *DescribeMetadataResult `xml:"result,omitempty"`
}

type ExtendedErrorDetails struct {
	ExtendedErrorCode *ExtendedErrorCode `xml:"extendedErrorCode,omitempty"`
}

// Error is a per-component metadata error (not a Go error).
type Error struct {
	ExtendedErrorDetails []*ExtendedErrorDetails `xml:"extendedErrorDetails,omitempty"`

	Fields []string `xml:"fields,omitempty"`

	Message string `xml:"message,omitempty"`

	StatusCode StatusCode `xml:"statusCode,omitempty"`
}

type DeleteResult struct {
	Errors []*Error `xml:"errors,omitempty"`

	FullName string `xml:"fullName,omitempty"`

	Success bool `xml:"success,omitempty"`
}

type DeleteMetadataResponse struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata deleteMetadataResponse"`

	Result []*DeleteResult `xml:"result,omitempty"`
}

// Package: the real struct also embeds *Metadata and has ApiAccessLevel,
// ObjectPermissions and Types; only a subset is kept.
type Package struct {
	Description string `xml:"description,omitempty"`

	NamespacePrefix string `xml:"namespacePrefix,omitempty"`

	Version string `xml:"version,omitempty"`
}

type RetrieveRequest struct {
	ApiVersion float64 `xml:"apiVersion,omitempty"`

	PackageNames []string `xml:"packageNames,omitempty"`

	SinglePackage bool `xml:"singlePackage,omitempty"`

	SpecificFiles []string `xml:"specificFiles,omitempty"`

	Unpackaged *Package `xml:"unpackaged,omitempty"`
}

type RetrieveResponse struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata retrieveResponse"`

	Result *AsyncResult `xml:"result,omitempty"`
}
