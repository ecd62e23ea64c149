package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
)

// generate writes a module of n Salesforce-heavy packages into dir. It
// requires the same real client libraries as examples/ (its go.mod and go.sum
// are copied from there). Package sfutil holds a login wrapper (a LoginFact)
// and a fault classifier (a ClassifierFact); package svcNNNN logs in through
// the wrapper and directly, retries with the classifier, queries, logs out,
// and imports svc(NNNN/8) so that facts cross a tree of packages.
func generate(examples, dir string, n int) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	mod, err := os.ReadFile(filepath.Join(examples, "go.mod"))
	if err != nil {
		return err
	}
	mod = bytes.Replace(mod, []byte("module github.com/sflint/sflint/examples"), []byte("module example.com/sfgen"), 1)
	sum, err := os.ReadFile(filepath.Join(examples, "go.sum"))
	if err != nil {
		return err
	}
	write := func(rel string, data []byte) error {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o666)
	}
	if err := write("go.mod", mod); err != nil {
		return err
	}
	if err := write("go.sum", sum); err != nil {
		return err
	}
	if err := write("sfutil/sfutil.go", []byte(sfutilSrc)); err != nil {
		return err
	}
	for i := range n {
		data := map[string]any{"I": i, "Dep": -1}
		if i > 0 {
			data["Dep"] = i / 8
		}
		for name, tmpl := range svcTemplates {
			var b bytes.Buffer
			if err := tmpl.Execute(&b, data); err != nil {
				return err
			}
			if err := write(fmt.Sprintf("svc%04d/%s", i, name), b.Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}

const sfutilSrc = `// Package sfutil wraps the Salesforce clients for the generated services.
package sfutil

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/simpleforce/simpleforce"
	"github.com/tzmfreedom/go-soapforce"
)

// Connect logs in with the password flow and hands the client back.
func Connect() (*simpleforce.Client, error) {
	c := simpleforce.NewClient(os.Getenv("SF_URL"), simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if err := c.LoginPassword(os.Getenv("SF_USER"), os.Getenv("SF_PASSWORD"), os.Getenv("SF_TOKEN")); err != nil {
		return nil, fmt.Errorf("salesforce login: %w", err)
	}
	return c, nil
}

// SOAP logs in over SOAP and hands the client back.
func SOAP() (*soapforce.Client, error) {
	c := soapforce.NewClient()
	if _, err := c.Login(os.Getenv("SF_USER"), os.Getenv("SF_PASSWORD")+os.Getenv("SF_TOKEN")); err != nil {
		return nil, err
	}
	return c, nil
}

// IsAuthFault reports whether err is a login fault that retrying cannot fix.
func IsAuthFault(err error) bool {
	var f *soapforce.SOAPFault
	if errors.As(err, &f) {
		return f.Code == "sf:INVALID_LOGIN" || f.Code == "sf:LOGIN_MUST_USE_SECURITY_TOKEN" || strings.HasSuffix(f.Code, ":PASSWORD_LOCKOUT")
	}
	return false
}
`

var svcTemplates = map[string]*template.Template{
	"svc.go": template.Must(template.New("svc").Parse(`// Package svc{{printf "%04d" .I}} is a generated Salesforce service.
package svc{{printf "%04d" .I}}

import (
	"context"
	"fmt"
	"time"

	"example.com/sfgen/sfutil"
{{- if ge .Dep 0}}
	dep "example.com/sfgen/svc{{printf "%04d" .Dep}}"
{{- end}}
	"github.com/simpleforce/simpleforce"
)

// Service holds one session for all its requests.
type Service struct {
	client *simpleforce.Client
}

// New logs in once.
func New() (*Service, error) {
	c, err := sfutil.Connect()
	if err != nil {
		return nil, err
	}
	return &Service{client: c}, nil
}

// Accounts queries with the shared session.
func (s *Service) Accounts(ctx context.Context, limit int) ([]string, error) {
	res, err := s.client.Query(fmt.Sprintf("SELECT Id, Name FROM Account LIMIT %d", limit))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, r := range res.Records {
		if name, ok := r["Name"].(string); ok {
			names = append(names, name)
		}
	}
	_ = ctx
	return names, nil
}

// Connect retries transient failures only.
func Connect(ctx context.Context) (*simpleforce.Client, error) {
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		c, err := sfutil.Connect()
		if err == nil {
			return c, nil
		}
		if sfutil.IsAuthFault(err) {
			return nil, err
		}
		last = err
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(attempt+1) * time.Second):
		}
	}
	return nil, last
}
{{- if ge .Dep 0}}

// Upstream uses the service this one depends on.
func Upstream(ctx context.Context) error {
	s, err := dep.New()
	if err != nil {
		return err
	}
	_, err = s.Accounts(ctx, 10)
	return err
}
{{- end}}
`)),
	"soap.go": template.Must(template.New("soap").Parse(`package svc{{printf "%04d" .I}}

import (
	"fmt"
	"strings"

	"example.com/sfgen/sfutil"
)

// Contacts logs in over SOAP, queries and logs out.
func Contacts(filter string) (int, error) {
	c, err := sfutil.SOAP()
	if err != nil {
		return 0, fmt.Errorf("contacts: %w", err)
	}
	defer c.Logout()
	q := "SELECT Id FROM Contact"
	if f := strings.TrimSpace(filter); f != "" {
		q += " WHERE LastName = '" + strings.ReplaceAll(f, "'", "") + "'"
	}
	res, err := c.Query(q)
	if err != nil {
		return 0, err
	}
	return int(res.Size), nil
}

// Table is plain code the analyzers must get through quickly.
func Table(rows [][]string) string {
	var b strings.Builder
	for i, r := range rows {
		for j, cell := range r {
			if j > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(cell)
		}
		if i < len(rows)-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
`)),
}
