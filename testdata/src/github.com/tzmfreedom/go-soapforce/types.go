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
