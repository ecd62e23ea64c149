// Package handler has HTTP handlers and gRPC methods that log in on every
// request, next to the ones that share one session.
package handler

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"sync"
	"time"

	salesforce "github.com/k-capehart/go-salesforce/v3"
	"github.com/nimajalali/go-force/force"
	"github.com/simpleforce/simpleforce"

	"sessionreuse/pb"
	"sessionreuse/wrap"
)

var cfg wrap.Config

// A handler function logs in on every request: reported.
func accounts(w http.ResponseWriter, r *http.Request) {
	c := simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(cfg.User, cfg.Password, cfg.Token); err != nil { // want `simpleforce.\(\*Client\).LoginPassword logs in on every request served by handler.accounts\. Log in once \(at start-up, or lazily under sync.Once\) and share the session`
		http.Error(w, "login failed", http.StatusBadGateway)
		return
	}
	res, _ := c.Query("SELECT Id FROM Account")
	json.NewEncoder(w).Encode(res)
}

// A handler literal calls a wrapper from another package: reported at the call.
func slack(cfg wrap.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		name := r.PostForm.Get("text")
		if name == "" {
			return
		}
		c, err := wrap.Connect(cfg) // want `wrap.Connect logs in on every request served by this http.HandlerFunc literal`
		if err != nil {
			return
		}
		c.Query("SELECT Id FROM Account WHERE Name = '" + name + "'")
	}
}

// Through two wrappers, registered with HandleFunc.
func register(mux *http.ServeMux) {
	mux.HandleFunc("/dial", func(w http.ResponseWriter, r *http.Request) {
		c, err := wrap.Dial(cfg) // want `wrap.Dial logs in on every request`
		if err == nil {
			c.Query("SELECT Id FROM User")
		}
	})
	// The wrapper caches the session: no finding.
	mux.HandleFunc("/cached", func(w http.ResponseWriter, r *http.Request) {
		c, err := wrap.Cached(cfg)
		if err == nil {
			c.Query("SELECT Id FROM User")
		}
	})
	// sync.Once in the wrapper: no finding.
	mux.HandleFunc("/once", func(w http.ResponseWriter, r *http.Request) {
		if c, err := wrap.Once(cfg); err == nil {
			c.Query("SELECT Id FROM User")
		}
	})
	// The repeated login inside wrap.(*DAO).Query is reported there: not again here.
	dao := &wrap.DAO{}
	mux.HandleFunc("/search", func(w http.ResponseWriter, r *http.Request) {
		dao.Search(r.URL.Query().Get("q"))
	})
	// Neither is the broken cache of wrap.Broken.
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		wrap.Broken(cfg)
	})
}

// The credentials come from the request: one session per caller, no finding.
func proxy(w http.ResponseWriter, r *http.Request) {
	c := simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	user, pass := r.FormValue("user"), r.FormValue("password")
	if err := c.LoginPassword(user, pass, ""); err != nil {
		return
	}
	c.Query("SELECT Id FROM User")
}

// The OAuth web-server flow: the callback exchanges each user's code.
func callback(w http.ResponseWriter, r *http.Request) {
	form := url.Values{"grant_type": {"authorization_code"}, "code": {r.URL.Query().Get("code")}, "client_id": {cfg.User}}
	resp, err := http.PostForm("https://login.salesforce.com/services/oauth2/token", form)
	if err != nil {
		return
	}
	resp.Body.Close()
}

// A method handler with a lazily filled, mutex-guarded session: no finding.
type server struct {
	mu  sync.Mutex
	api *force.ForceApi
	exp time.Time
}

func (s *server) client() (*force.ForceApi, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.api != nil && time.Now().Before(s.exp) {
		return s.api, nil
	}
	api, err := force.Create("v52.0", "id", "secret", cfg.User, cfg.Password, cfg.Token, "production")
	if err != nil {
		return nil, err
	}
	s.api, s.exp = api, time.Now().Add(time.Hour)
	return api, nil
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	api, err := s.client()
	if err != nil {
		return
	}
	var out map[string]any
	api.Query("SELECT Id FROM Account", &out)
}

// A method handler that logs in itself.
type legacy struct{}

func (legacy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	api, err := force.Create("v52.0", "id", "secret", cfg.User, cfg.Password, cfg.Token, "production") // want `force.Create logs in on every request served by handler.legacy.ServeHTTP`
	if err != nil {
		return
	}
	var out map[string]any
	api.Query("SELECT Id FROM Account", &out)
}

// The handler reuses a session id kept elsewhere: no login at all.
func reuse(w http.ResponseWriter, r *http.Request) {
	c := simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	c.SetSidLoc(sid(), cfg.URL)
	c.Query("SELECT Id FROM User")
	api, _ := force.CreateWithAccessToken("v52.0", "id", sid(), cfg.URL)
	var out map[string]any
	api.Query("SELECT Id FROM User", &out)
	sf, _ := salesforce.Init(salesforce.Creds{Domain: cfg.URL, AccessToken: sid()})
	sf.Query("SELECT Id FROM User", &out)
}

func sid() string { return "" }

// A handler that logs in only when asked to, in a branch: no finding.
func admin(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("relogin") == "1" {
		c := simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
		c.LoginPassword(cfg.User, cfg.Password, cfg.Token)
		c.Query("SELECT Id FROM User")
	}
}

// A handler that stores the new session for the others: kept, no finding.
type relogin struct{ c *simpleforce.Client }

func (h *relogin) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"logs in on every call"
	c := simpleforce.NewClient(cfg.URL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(cfg.User, cfg.Password, cfg.Token); err != nil {
		return
	}
	h.c = c
}

// gRPC: a method of the generated service logs in on every call.
type accountsServer struct {
	pb.UnimplementedAccountsServer
	cfg wrap.Config
}

func (s *accountsServer) GetAccount(ctx context.Context, req *pb.GetAccountRequest) (*pb.Account, error) { // want GetAccount:"logs in on every call \\(reported\\)"
	c, err := wrap.Connect(s.cfg) // want `wrap.Connect logs in on every call of the gRPC method handler.\(\*accountsServer\).GetAccount`
	if err != nil {
		return nil, err
	}
	res, err := c.Query("SELECT Id, Name FROM Account WHERE Id = '" + req.Id + "'")
	if err != nil || len(res.Records) == 0 {
		return nil, err
	}
	return &pb.Account{Id: req.Id}, nil
}

// A helper of the server that is not part of the service: not a request.
func (s *accountsServer) warmUp() error { // want warmUp:"logs in on every call"
	c, err := wrap.Connect(s.cfg)
	if err != nil {
		return err
	}
	_, err = c.Query("SELECT Id FROM User LIMIT 1")
	return err
}

// main logs in once per process.
func main() {
	c, err := wrap.Connect(cfg)
	if err != nil {
		return
	}
	c.Query("SELECT Id FROM User")
	http.HandleFunc("/a", accounts)
	http.ListenAndServe(":8080", nil)
}
