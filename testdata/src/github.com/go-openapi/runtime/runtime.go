// Package runtime is a subset stub of github.com/go-openapi/runtime v0.19.x: a
// ClientAuthInfoWriter is called by the generated client for every request it sends.
package runtime

import "github.com/go-openapi/strfmt"

type ClientRequest interface {
	SetHeaderParam(string, ...string) error
	GetPath() string
}

type ClientAuthInfoWriter interface {
	AuthenticateRequest(ClientRequest, strfmt.Registry) error
}

type ClientAuthInfoWriterFunc func(ClientRequest, strfmt.Registry) error

func (fn ClientAuthInfoWriterFunc) AuthenticateRequest(req ClientRequest, reg strfmt.Registry) error {
	return fn(req, reg)
}
