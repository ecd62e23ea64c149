// Shape: every method of a client wrapper logs in lazily (Initialize on first use, so each
// method is a "login wrapper"), and callers branch only on errors the login cannot return:
// the package's own sentinel (errors.Is(err, ErrObjectNotFound)) or a gRPC allowlist
// (status.Code(err) != codes.NotFound -> return err). Every other error, login faults
// included, is returned unchanged. Seen in an identity-governance connector (3 reports + 1
// blindretry report, all false). Library: github.com/conductorone/simpleforce (fork, v0.0.7).
package sentinel

import (
	"context"
	"errors"
	"fmt"

	"github.com/conductorone/simpleforce"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var ErrObjectNotFound = errors.New("object not found")

type Client struct {
	user, pass, token string
	sf                *simpleforce.Client
}

func (c *Client) init(ctx context.Context) error { // want init:"fault simpleforce.SalesforceError.ErrorCode SOAP"
	if c.sf != nil {
		return nil
	}
	sf, err := simpleforce.NewClient(ctx, "https://login.salesforce.com", "app", "59.0")
	if err != nil {
		return err
	}
	if err := sf.LoginPassword(ctx, c.user, c.pass, c.token); err != nil {
		return err
	}
	c.sf = sf
	return nil
}

func (c *Client) Membership(ctx context.Context, id string) (string, error) { // want Membership:"fault simpleforce.SalesforceError.ErrorCode SOAP"
	if err := c.init(ctx); err != nil {
		return "", err
	}
	if id == "" {
		return "", ErrObjectNotFound
	}
	return id, nil
}

func (c *Client) RemoveMember(ctx context.Context, id string) (bool, error) { // want RemoveMember:"fault simpleforce.SalesforceError.ErrorCode SOAP"
	m, err := c.Membership(ctx, id)
	if err != nil {
		if errors.Is(err, ErrObjectNotFound) { // only the package's own sentinel is dropped
			return false, nil
		}
		return false, err // login faults go back unchanged
	}
	return m != "", nil
}

func (c *Client) RemoveMemberSwallowing(ctx context.Context, id string) (bool, error) {
	m, err := c.Membership(ctx, id) // want `^the login error of sentinel.\(\*Client\).Membership \(which calls simpleforce.\(\*Client\).LoginPassword\) is only dropped`
	if err != nil {
		return false, nil // every error dropped, login faults included
	}
	return m != "", nil
}

// ErrLogin marks login failures: the package wraps login faults with it,
// so errors.Is(err, ErrLogin) is true for them.
var ErrLogin = errors.New("salesforce login")

func (c *Client) connect(ctx context.Context) error { // want connect:"fault simpleforce.SalesforceError.ErrorCode SOAP"
	if err := c.init(ctx); err != nil {
		return fmt.Errorf("%w: %w", ErrLogin, err)
	}
	return nil
}

func (c *Client) Ping(ctx context.Context) bool {
	if err := c.connect(ctx); err != nil { // want `^the login error of sentinel.\(\*Client\).connect \(which calls simpleforce.\(\*Client\).LoginPassword\) is only dropped`
		if errors.Is(err, ErrLogin) {
			return false // login faults dropped
		}
		return false
	}
	return true
}

// Allowlist returns every error but a gRPC NotFound; a login fault is no
// gRPC status (its code is Unknown), so it always goes back.
func (c *Client) Allowlist(ctx context.Context, id string) (string, error) {
	m, err := c.Membership(ctx, id)
	if err != nil {
		if status.Code(err) != codes.NotFound {
			return "", err
		}
		return "", nil
	}
	return m, nil
}
