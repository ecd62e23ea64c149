// Package strfmt is a subset stub of github.com/go-openapi/strfmt v0.19.x.
package strfmt

type Registry interface {
	ContainsName(string) bool
}
