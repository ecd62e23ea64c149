// Package escape: a session that leaves the function belongs to someone else
// (the sqlrowserr policy). Each escape kind is silent; next to each, the same
// shape without the escape is reported.
package escape

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"

	soapforce "github.com/tzmfreedom/go-soapforce"
)

func returned(u, p string) (*soapforce.Client, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return nil, err
	}
	return c, nil
}

func returnedSessionID(u, p string) (string, error) {
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return "", err
	}
	return res.SessionId, nil
}

func returnedClientSessionID(u, p string) (string, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return "", err
	}
	sid := c.SessionId
	return "Bearer " + sid, nil
}

// returnedServerURL hands back only the server URL: the session stays here.
func returnedServerURL(u, p string) (string, error) {
	c := soapforce.NewClient()
	res, err := c.Login(u, p) // want `not logged out on all paths`
	if err != nil {
		return "", err
	}
	return res.ServerUrl, nil
}

type holder struct {
	client *soapforce.Client
	sid    string
}

func storedInField(h *holder, u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	h.client = c
	return nil
}

func storedSessionIDInField(h *holder, u, p string) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return err
	}
	h.sid = res.SessionId
	return nil
}

func storedInLocalStruct(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil { // want `not logged out on all paths`
		return err
	}
	h := holder{client: c}
	log.Print(h.sid)
	return nil
}

var current *soapforce.Client

func storedInGlobal(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	current = c
	return nil
}

func storedInMap(m map[string]*soapforce.Client, u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	m[u] = c
	return nil
}

var pool []*soapforce.Client

func appendedToSlice(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	pool = append(pool, c)
	return nil
}

func sentOnChannel(ch chan<- *soapforce.Client, u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	ch <- c
	return nil
}

func capturedByGoroutine(wg *sync.WaitGroup, u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer c.Logout()
		c.Query("SELECT Id FROM Account")
	}()
	return nil
}

func passedToGoroutine(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	go work(c)
	return nil
}

func capturedByClosure(u, p string) (func() error, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return nil, err
	}
	done := func() error { return c.Logout() }
	return done, nil
}

// passedToFunction: work only calls a method on the client: it borrows it
// (an OwnerFact says so), and the session is still this function's to end.
func passedToFunction(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil { // want `not logged out on all paths`
		return err
	}
	return work(c)
}

func work(c *soapforce.Client) error {
	_, err := c.Query("SELECT Id FROM Account")
	return err
}

// passedToOwner: adopt keeps the client: it takes the session over.
func passedToOwner(u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	adopt(c)
	return nil
}

var adopted []*soapforce.Client

func adopt(c *soapforce.Client) { adopted = append(adopted, c) }

// plainAPICalls: calls on the client, logging its results and formatting
// are not escapes.
func plainAPICalls(u, p string) error {
	c := soapforce.NewClient()
	c.SetLoginUrl("https://test.salesforce.com")
	res, err := c.Login(u, p) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	qr, err := c.Query("SELECT Id FROM Account")
	if err != nil {
		return fmt.Errorf("query as %s: %w", res.UserId, err)
	}
	log.Printf("%d accounts; user %+v", qr.Size, res.UserInfo)
	return nil
}

// requestBuilt: the session id goes into a request sent to Salesforce; the
// request is built and sent with the standard library: not handed over.
func requestBuilt(u, p, instance string) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	req, err := http.NewRequest("GET", instance+"/services/data/v59.0/limits", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(res.SessionId))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// writtenToFile: writing the session id to a cache file hands it over.
func writtenToFile(u, p, path string) error {
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(res.SessionId), 0o600)
}

// printedToWriter: so does printing it to a writer.
func printedToWriter(w http.ResponseWriter, u, p string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	fmt.Fprintf(w, "sid=%s", c.SessionId)
	return nil
}

// resultStored: the LoginResult stored in a field carries the session id.
func (h *holder) resultStored(u, p string) error {
	var res *soapforce.LoginResult
	c := soapforce.NewClient()
	res, err := c.Login(u, p)
	if err != nil {
		return err
	}
	h.sid = res.SessionId
	return nil
}

// methodValue: a method value of the client is an escape (it may be called later).
func methodValue(u, p string) (func() error, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return nil, err
	}
	return c.Logout, nil
}

type server struct{ sessions map[string]*soapforce.Client }

// storedInSharedMap: the local map is the server's: storing into it hands
// the client over.
func (s *server) storedInSharedMap(u, p string) error {
	cache := s.sessions
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil {
		return err
	}
	cache[u] = c
	return nil
}

// storedInOwnMap: a map made here and dropped: the session is lost with it.
func storedInOwnMap(u, p string) error {
	own := map[string]*soapforce.Client{}
	c := soapforce.NewClient()
	if _, err := c.Login(u, p); err != nil { // want `not logged out on all paths`
		return err
	}
	own[u] = c
	return nil
}

// releasedToPool: a logout wrapper taking the client as an argument.
func releasedToPool(p *closer, u, pw string) error {
	c := soapforce.NewClient()
	if _, err := c.Login(u, pw); err != nil {
		return err
	}
	defer p.Release(c)
	return nil
}

type closer struct{}

// Release logs the client out.
func (*closer) Release(c *soapforce.Client) error { return c.Logout() }
