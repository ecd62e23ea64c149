// Stub of github.com/k-capehart/go-salesforce (v1, package salesforce). The v1
// module is NOT served by the module proxy this project can reach; following
// /work/shared/SALESFORCE-APIS.md it has `Init(creds Creds) (*Salesforce, error)`
// with the same Creds as v2. Everything else here is a small subset copied from
// the v2@v2.5.2 API (assumed unchanged since v1; not verified against v1 sources).

package salesforce

type authentication struct{}

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

type Salesforce struct {
	auth *authentication
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

func Init(creds Creds) (*Salesforce, error) { return nil, nil }

func (sf *Salesforce) Query(query string, sObject any) error { return nil }

func (sf *Salesforce) QueryStruct(soqlStruct any, sObject any) error { return nil }

func (sf *Salesforce) InsertOne(sObjectName string, record any) (SalesforceResult, error) {
	return SalesforceResult{}, nil
}

func (sf *Salesforce) UpdateOne(sObjectName string, record any) error { return nil }

func (sf *Salesforce) UpsertOne(sObjectName string, externalIdFieldName string, record any) (SalesforceResult, error) {
	return SalesforceResult{}, nil
}

func (sf *Salesforce) DeleteOne(sObjectName string, record any) error { return nil }
