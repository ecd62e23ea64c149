// Shape: a bounded retry of a lazily-logging-in client method, whose loop continues only
// when the error is a gRPC NotFound (status.Code(err) != codes.NotFound returns at once).
// A login fault is never retried by it. Seen in an identity-governance connector
// (GetUserByEmailWithRetry). Library: github.com/conductorone/simpleforce (fork, v0.0.7).
package allowlist

import (
	"context"
	"fmt"
	"time"

	"github.com/conductorone/simpleforce"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Client struct {
	user, pass, token string
	sf                *simpleforce.Client
}

func (c *Client) init(ctx context.Context) error {
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

func (c *Client) UserByEmail(ctx context.Context, email string) (string, error) {
	if err := c.init(ctx); err != nil {
		return "", err
	}
	return email, nil
}

func (c *Client) UserByEmailWithRetry(ctx context.Context, email string) (string, error) {
	for attempt := 0; attempt < 3; attempt++ {
		u, err := c.UserByEmail(ctx, email)
		if err == nil {
			return u, nil
		}
		if status.Code(err) != codes.NotFound { // everything but NotFound leaves the loop
			return "", err
		}
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return "", fmt.Errorf("user %s not found", email)
}

func (c *Client) UserByEmailBlind(ctx context.Context, email string) (string, error) {
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		u, err := c.UserByEmail(ctx, email) // want "retried"
		if err == nil {
			return u, nil
		}
		last = err
		time.Sleep(time.Second)
	}
	return "", last
}
