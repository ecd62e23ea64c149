// Stub of github.com/tzmfreedom/go-soapforce@v0.1.6 (package soapforce) for analysistest.
// Types copied from soapforce.go of that version. Result types whose real
// definitions are very large (DescribeSObjectResult, SearchResult) keep only a
// few of their real fields.

package soapforce

import "encoding/xml"

type SObject struct {
	Type string `xml:"type,omitempty"`

	FieldsToNull []string `xml:"fieldsToNull,omitempty"`

	Id string `xml:"Id,omitempty"`

	Fields map[string]interface{}
}

func (s *SObject) MarshalXML(e *xml.Encoder, start xml.StartElement) error { return nil }

func (s *SObject) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error { return nil }

type StatusCode string

type ExtendedErrorCode string

type LimitInfoHeader struct {
	XMLName xml.Name `xml:"urn:partner.soap.sforce.com LimitInfoHeader"`

	LimitInfo *LimitInfo `xml:"limitInfo,omitempty"`
}

type LimitInfo struct {
	Current int32 `xml:"current,omitempty"`

	Limit int32 `xml:"limit,omitempty"`

	Type_ string `xml:"type,omitempty"`
}

type QueryResult struct {
	Done bool `xml:"done,omitempty"`

	QueryLocator string `xml:"queryLocator,omitempty"`

	Records []*SObject `xml:"records,omitempty"`

	Size int32 `xml:"size,omitempty"`
}

// SearchResult: the real type also has SearchRecords and SearchResultsMetadata.
type SearchResult struct {
	QueryId string `xml:"queryId,omitempty"`
}

type GetUserInfoResult struct {
	AccessibilityMode bool `xml:"accessibilityMode,omitempty"`

	CurrencySymbol string `xml:"currencySymbol,omitempty"`

	OrgAttachmentFileSizeLimit int32 `xml:"orgAttachmentFileSizeLimit,omitempty"`

	OrgDefaultCurrencyIsoCode string `xml:"orgDefaultCurrencyIsoCode,omitempty"`

	OrgDefaultCurrencyLocale string `xml:"orgDefaultCurrencyLocale,omitempty"`

	OrgDisallowHtmlAttachments bool `xml:"orgDisallowHtmlAttachments,omitempty"`

	OrgHasPersonAccounts bool `xml:"orgHasPersonAccounts,omitempty"`

	OrganizationId string `xml:"organizationId,omitempty"`

	OrganizationMultiCurrency bool `xml:"organizationMultiCurrency,omitempty"`

	OrganizationName string `xml:"organizationName,omitempty"`

	ProfileId string `xml:"profileId,omitempty"`

	RoleId string `xml:"roleId,omitempty"`

	SessionSecondsValid int32 `xml:"sessionSecondsValid,omitempty"`

	UserDefaultCurrencyIsoCode string `xml:"userDefaultCurrencyIsoCode,omitempty"`

	UserEmail string `xml:"userEmail,omitempty"`

	UserFullName string `xml:"userFullName,omitempty"`

	UserId string `xml:"userId,omitempty"`

	UserLanguage string `xml:"userLanguage,omitempty"`

	UserLocale string `xml:"userLocale,omitempty"`

	UserName string `xml:"userName,omitempty"`

	UserTimeZone string `xml:"userTimeZone,omitempty"`

	UserType string `xml:"userType,omitempty"`

	UserUiSkin string `xml:"userUiSkin,omitempty"`
}

// Login is the request body of the SOAP login() call (Soap.Login's argument).
type Login struct {
	XMLName xml.Name `xml:"urn:partner.soap.sforce.com login"`

	Username string `xml:"username,omitempty"`

	Password string `xml:"password,omitempty"`
}

type LoginResult struct {
	MetadataServerUrl string `xml:"metadataServerUrl,omitempty"`

	PasswordExpired bool `xml:"passwordExpired,omitempty"`

	Sandbox bool `xml:"sandbox,omitempty"`

	ServerUrl string `xml:"serverUrl,omitempty"`

	SessionId string `xml:"sessionId,omitempty"`

	UserId string `xml:"userId,omitempty"`

	UserInfo *GetUserInfoResult `xml:"userInfo,omitempty"`
}

type ExtendedErrorDetails struct {
	XMLName xml.Name `xml:"urn:partner.soap.sforce.com ExtendedErrorDetails"`

	ExtendedErrorCode *ExtendedErrorCode `xml:"extendedErrorCode,omitempty"`
}

// Error is a per-record API error (not a Go error: it has no Error method).
type Error struct {
	ExtendedErrorDetails []*ExtendedErrorDetails `xml:"extendedErrorDetails,omitempty"`

	Fields []string `xml:"fields,omitempty"`

	Message string `xml:"message,omitempty"`

	StatusCode *StatusCode `xml:"statusCode,omitempty"`
}

type SaveResult struct {
	Errors []*Error `xml:"errors,omitempty"`

	Id string `xml:"id,omitempty"`

	Success bool `xml:"success,omitempty"`
}

type UpsertResult struct {
	Created bool `xml:"created,omitempty"`

	Errors []*Error `xml:"errors,omitempty"`

	Id string `xml:"id,omitempty"`

	Success bool `xml:"success,omitempty"`
}

type DeleteResult struct {
	Errors []*Error `xml:"errors,omitempty"`

	Id string `xml:"id,omitempty"`

	Success bool `xml:"success,omitempty"`
}

type UndeleteResult struct {
	Errors []*Error `xml:"errors,omitempty"`

	Id string `xml:"id,omitempty"`

	Success bool `xml:"success,omitempty"`
}

type SetPasswordResult struct {
	XMLName xml.Name `xml:"urn:partner.soap.sforce.com SetPasswordResult"`
}

type ResetPasswordResult struct {
	XMLName xml.Name `xml:"urn:partner.soap.sforce.com ResetPasswordResult"`

	Password string `xml:"password,omitempty"`
}

// DescribeSObjectResult: the real type has ~40 fields; only a few are kept.
type DescribeSObjectResult struct {
	Createable bool `xml:"createable,omitempty"`

	Custom bool `xml:"custom,omitempty"`

	KeyPrefix string `xml:"keyPrefix,omitempty"`

	Label string `xml:"label,omitempty"`

	Name string `xml:"name,omitempty"`

	Queryable bool `xml:"queryable,omitempty"`
}

type DescribeGlobalResult struct {
	Encoding string `xml:"encoding,omitempty"`

	MaxBatchSize int32 `xml:"maxBatchSize,omitempty"`

	Sobjects []*DescribeGlobalSObjectResult `xml:"sobjects,omitempty"`
}

// DescribeGlobalSObjectResult: only a few of the real fields are kept.
type DescribeGlobalSObjectResult struct {
	KeyPrefix string `xml:"keyPrefix,omitempty"`

	Label string `xml:"label,omitempty"`

	Name string `xml:"name,omitempty"`
}

type LogInfo struct {
	Category string `xml:"category,omitempty"`

	Level string `xml:"level,omitempty"`
}

type SOAPFault struct {
	XMLName xml.Name `xml:"http://schemas.xmlsoap.org/soap/envelope/ Fault"`

	Code   string `xml:"faultcode,omitempty"`
	String string `xml:"faultstring,omitempty"`
	Actor  string `xml:"faultactor,omitempty"`
	Detail string `xml:"detail,omitempty"`
}

func (f *SOAPFault) Error() string {
	return f.String
}

// ExceptionCode and FaultCode are generated enumerations of soapforce.go;
// only the constants of the login fault codes are kept. Neither matches
// SOAPFault.Code, which holds the faultcode with its "sf:" prefix.
type ExceptionCode string

const (
	ExceptionCodeAPI_CURRENTLY_DISABLED ExceptionCode = "API_CURRENTLY_DISABLED"

	ExceptionCodeAPI_DISABLED_FOR_ORG ExceptionCode = "API_DISABLED_FOR_ORG"

	ExceptionCodeINVALID_LOGIN ExceptionCode = "INVALID_LOGIN"

	ExceptionCodeINVALID_OPERATION_WITH_EXPIRED_PASSWORD ExceptionCode = "INVALID_OPERATION_WITH_EXPIRED_PASSWORD"

	ExceptionCodeINVALID_SESSION_ID ExceptionCode = "INVALID_SESSION_ID"

	ExceptionCodeLOGIN_MUST_USE_SECURITY_TOKEN ExceptionCode = "LOGIN_MUST_USE_SECURITY_TOKEN"

	ExceptionCodePASSWORD_LOCKOUT ExceptionCode = "PASSWORD_LOCKOUT"

	ExceptionCodeREQUEST_LIMIT_EXCEEDED ExceptionCode = "REQUEST_LIMIT_EXCEEDED"

	ExceptionCodeSERVER_UNAVAILABLE ExceptionCode = "SERVER_UNAVAILABLE"
)

type FaultCode string

const (
	FaultCodeFnsAPI_CURRENTLY_DISABLED FaultCode = "fns:API_CURRENTLY_DISABLED"

	FaultCodeFnsAPI_DISABLED_FOR_ORG FaultCode = "fns:API_DISABLED_FOR_ORG"

	FaultCodeFnsINVALID_LOGIN FaultCode = "fns:INVALID_LOGIN"

	FaultCodeFnsINVALID_OPERATION_WITH_EXPIRED_PASSWORD FaultCode = "fns:INVALID_OPERATION_WITH_EXPIRED_PASSWORD"

	FaultCodeFnsINVALID_SESSION_ID FaultCode = "fns:INVALID_SESSION_ID"

	FaultCodeFnsLOGIN_MUST_USE_SECURITY_TOKEN FaultCode = "fns:LOGIN_MUST_USE_SECURITY_TOKEN"

	FaultCodeFnsPASSWORD_LOCKOUT FaultCode = "fns:PASSWORD_LOCKOUT"

	FaultCodeFnsREQUEST_LIMIT_EXCEEDED FaultCode = "fns:REQUEST_LIMIT_EXCEEDED"

	FaultCodeFnsSERVER_UNAVAILABLE FaultCode = "fns:SERVER_UNAVAILABLE"
)
