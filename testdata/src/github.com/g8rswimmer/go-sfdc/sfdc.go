// Stub of github.com/g8rswimmer/go-sfdc@v2.0.1+incompatible (package sfdc) for analysistest.
// Copied from config.go, error.go, record.go and time.go of that version; bodies
// return zero values.
//
// Note: sfdc.Error is a REST error record (ErrorCode/Message/Fields) with only an
// UnmarshalJSON method; it does NOT implement the error interface. The session
// interfaces (Clienter, InstanceFormatter, ServiceFormatter) live in the session
// package, not here.

package sfdc

import (
	"net/http"
	"time"

	"github.com/g8rswimmer/go-sfdc/credentials"
)

const (
	// RecordAttributes is the attribute map from the record JSON
	RecordAttributes = "attributes"
)

const SalesforceDate = "2006-01-02"

const SalesforceDateTime = "2006-01-02T15:04:05.000+0000"

func ParseTime(salesforceTime string) (time.Time, error) { return time.Time{}, nil }

type Configuration struct {
	Credentials *credentials.Credentials
	Client      *http.Client
	Version     int
}

type Error struct {
	ErrorCode string   `json:"errorCode"`
	Message   string   `json:"message"`
	Fields    []string `json:"fields"`
}

func (e *Error) UnmarshalJSON(data []byte) error { return nil }

type Record struct {
	sobject string
	url     string
	fields  map[string]interface{}
	lookUps map[string]*Record
}

func RecordFromJSONMap(jsonMap map[string]interface{}) (*Record, error) { return nil, nil }

func (r *Record) FieldValue(field string) (interface{}, bool) { return nil, false }

func (r *Record) Fields() map[string]interface{} { return r.fields }

func (r *Record) LookUp(lookUp string) (*Record, bool) { return nil, false }

func (r *Record) LookUps() []*Record { return nil }

func (r *Record) SObject() string { return r.sobject }

func (r *Record) URL() string { return r.url }

func (r *Record) UnmarshalJSON(data []byte) error { return nil }
