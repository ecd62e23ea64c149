// Package errors is a stub of github.com/pkg/errors@v0.9.1: the package-level
// functions (no stack traces, no Frame/StackTrace types). simpleforce's 2021
// versions build their login errors with New.
package errors

import stderrors "errors"

func New(message string) error                                         { return stderrors.New(message) }
func Errorf(format string, args ...interface{}) error                  { return nil }
func WithStack(err error) error                                        { return err }
func Wrap(err error, message string) error                             { return err }
func Wrapf(err error, format string, args ...interface{}) error        { return err }
func WithMessage(err error, message string) error                      { return err }
func WithMessagef(err error, format string, args ...interface{}) error { return err }
func Cause(err error) error                                            { return err }
func Is(err, target error) bool                                        { return stderrors.Is(err, target) }
func As(err error, target interface{}) bool                            { return stderrors.As(err, target) }
func Unwrap(err error) error                                           { return stderrors.Unwrap(err) }
