// Stub of github.com/simpleforce/simpleforce@v0.0.0-20220429021116-acf4ac67ef68
// (package simpleforce), sobject.go. Bodies are empty.

package simpleforce

// SObject describes an instance of SObject.
type SObject map[string]interface{}

// SObjectMeta describes the metadata returned by describing the object.
type SObjectMeta map[string]interface{}

// SObjectAttributes describes the basic attributes (type and url) of an SObject.
type SObjectAttributes struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

func (obj *SObject) Describe() *SObjectMeta { return nil }

func (obj *SObject) Get(id ...string) *SObject { return nil }

func (obj *SObject) Create() *SObject { return nil }

func (obj *SObject) Update() *SObject { return nil }

func (obj *SObject) Upsert() *SObject { return nil }

func (obj *SObject) Delete(id ...string) error { return nil }

func (obj *SObject) Type() string { return "" }

func (obj *SObject) ID() string { return "" }

func (obj *SObject) ExternalIDFieldName() string { return "" }

func (obj *SObject) ExternalID() string { return "" }

func (obj *SObject) StringField(key string) string { return "" }

func (obj *SObject) SObjectField(typeName, key string) *SObject { return nil }

func (obj *SObject) InterfaceField(key string) interface{} { return nil }

func (obj *SObject) AttributesField() *SObjectAttributes { return nil }

func (obj *SObject) Set(key string, value interface{}) *SObject { return obj }
