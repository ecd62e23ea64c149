// Stub of github.com/tzmfreedom/go-soapforce@v0.1.6 (package soapforce) for analysistest.
// Signatures are copied from client.go and soapforce.go of that version; bodies are empty.
// Only a subset of the API is mirrored (see testdata/STUBS.md).

package soapforce

import "io"

const (
	DefaultApiVersion = "44.0"
	DefaultLoginUrl   = "login.salesforce.com"
)

// Client mirrors client.go. The real unexported field soapClient *Soap is
// kept so that unkeyed composite literals fail to compile as they do for real.
type Client struct {
	UserInfo        *GetUserInfoResult
	ApiVersion      string
	BatchSize       int32
	DebugCategories []*LogInfo
	SessionId       string
	LoginUrl        string
	ClientID        string
	ClientSecret    string
	soapClient      *Soap
}

// Soap is the generated SOAP port; its (unexported) fields and its methods
// are omitted here.
type Soap struct{}

// SOAPClient is the SOAP transport (also used by go-metaforce); its
// unexported fields and its methods are omitted here.
type SOAPClient struct{}

type BasicAuth struct {
	Login    string
	Password string
}

func NewClient() *Client {
	return &Client{ApiVersion: DefaultApiVersion, LoginUrl: DefaultLoginUrl}
}

func (c *Client) SetApiVersion(v string) {}

func (c *Client) SetAccessToken(sid string) { c.SessionId = sid }

func (c *Client) SetLoginUrl(url string) { c.LoginUrl = url }

func (c *Client) SetServerUrl(url string) {}

func (c *Client) SetDebug(debug bool) {}

func (c *Client) SetLogger(logger io.Writer) {}

func (c *Client) SetGzip(gz bool) {}

func (c *Client) Login(u string, p string) (*LoginResult, error) { return nil, nil }

func (c *Client) SetClientId(ClientID string) { c.ClientID = ClientID }

func (c *Client) SetClientSecret(ClientSecret string) { c.ClientSecret = ClientSecret }

func (c *Client) LoginWithOAuth(username, password string) error { return nil }

func (c *Client) Refresh(refreshToken string) error { return nil }

func (c *Client) Logout() error { return nil }

func (c *Client) DescribeSObject(s string) (*DescribeSObjectResult, error) { return nil, nil }

func (c *Client) DescribeGlobal() (*DescribeGlobalResult, error) { return nil, nil }

func (c *Client) Create(s []*SObject) ([]*SaveResult, error) { return nil, nil }

func (c *Client) Update(s []*SObject) ([]*SaveResult, error) { return nil, nil }

func (c *Client) Upsert(s []*SObject, key string) ([]*UpsertResult, error) { return nil, nil }

func (c *Client) Delete(ids []string) ([]*DeleteResult, error) { return nil, nil }

func (c *Client) Undelete(ids []string) ([]*UndeleteResult, error) { return nil, nil }

func (c *Client) Retrieve(s string, ids []string, fieldList string) ([]*SObject, error) {
	return nil, nil
}

func (c *Client) SetBatchSize(size int) {}

func (c *Client) SetDebuggingHeader(categories []*LogInfo) {}

func (c *Client) Query(q string) (*QueryResult, error) { return nil, nil }

func (c *Client) QueryAll(q string) (*QueryResult, error) { return nil, nil }

func (c *Client) QueryMore(ql string) (*QueryResult, error) { return nil, nil }

func (c *Client) Search(s string) (*SearchResult, error) { return nil, nil }

func (c *Client) SetPassword(uid string, password string) (*SetPasswordResult, error) {
	return nil, nil
}

func (c *Client) ResetPassword(uid string) (*ResetPasswordResult, error) { return nil, nil }

func (c *Client) GetUserInfo() (*GetUserInfoResult, error) { return nil, nil }

func (c *Client) GetInfo() *LimitInfoHeader { return nil }
