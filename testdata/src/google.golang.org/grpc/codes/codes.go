// Package codes is a subset stub of google.golang.org/grpc/codes v1.x.
package codes

type Code uint32

const (
	OK               Code = 0
	Canceled         Code = 1
	Unknown          Code = 2
	NotFound         Code = 5
	PermissionDenied Code = 7
	Unavailable      Code = 14
	Unauthenticated  Code = 16
)
