// Stub of github.com/elastic/go-sfdc@v0.0.0-20241010131323-8e176480d727 (package sobject) for analysistest.
// A small subset of sobject/framework.go and dml.go: NewResources and a few
// Resources methods, so that tests can make a realistic "API call" after a login.

package sobject

import (
	"github.com/elastic/go-sfdc"
	"github.com/elastic/go-sfdc/session"
)

// Resources: the real struct holds unexported *metadata, *describe, *dml and *query.
type Resources struct {
	session session.ServiceFormatter
}

type Inserter interface {
	SObject() string
	Fields() map[string]interface{}
}

type InsertValue struct {
	Success bool         `json:"success"`
	ID      string       `json:"id"`
	Errors  []sfdc.Error `json:"errors"`
}

type Querier interface {
	SObject() string
	ID() string
	Fields() []string
}

type Deleter interface {
	SObject() string
	ID() string
}

func NewResources(session session.ServiceFormatter) (*Resources, error) { return nil, nil }

func (r *Resources) Insert(inserter Inserter) (InsertValue, error) { return InsertValue{}, nil }

func (r *Resources) Query(querier Querier) (*sfdc.Record, error) { return nil, nil }

func (r *Resources) Delete(deleter Deleter) error { return nil }
