// Package status is a subset stub of google.golang.org/grpc/status v1.x.
package status

import "google.golang.org/grpc/codes"

// Code returns the gRPC code of err: codes.OK for nil, codes.Unknown for errors that carry none.
func Code(err error) codes.Code { return codes.Unknown }
