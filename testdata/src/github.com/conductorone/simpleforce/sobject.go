// Stub of github.com/conductorone/simpleforce (package simpleforce), sobject.go.
// Not served; see simpleforce.go. Network methods take ctx (SObjectField: seen
// in public callers; the others inferred).

package simpleforce

import "context"

// SObject describes an instance of SObject.
type SObject map[string]interface{}

// SObjectMeta describes the metadata returned by describing the object.
type SObjectMeta map[string]interface{}

// SObjectAttributes describes the basic attributes (type and url) of an SObject.
type SObjectAttributes struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

func (obj *SObject) Describe(ctx context.Context) *SObjectMeta { return nil }

func (obj *SObject) Get(ctx context.Context, id ...string) *SObject { return nil }

func (obj *SObject) Create(ctx context.Context) *SObject { return nil }

func (obj *SObject) Update(ctx context.Context) *SObject { return nil }

func (obj *SObject) Upsert(ctx context.Context) *SObject { return nil }

func (obj *SObject) Delete(ctx context.Context, id ...string) error { return nil }

func (obj *SObject) Type() string { return "" }

func (obj *SObject) ID() string { return "" }

func (obj *SObject) ExternalIDFieldName() string { return "" }

func (obj *SObject) ExternalID() string { return "" }

func (obj *SObject) StringField(key string) string { return "" }

func (obj *SObject) SObjectField(ctx context.Context, typeName, key string) *SObject { return nil }

func (obj *SObject) InterfaceField(key string) interface{} { return nil }

func (obj *SObject) AttributesField() *SObjectAttributes { return nil }

func (obj *SObject) Set(key string, value interface{}) *SObject { return obj }
