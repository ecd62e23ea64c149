// Package log is a stub of github.com/rs/zerolog/log@v1.33.0: the global
// logger's level functions, Err and Print.
package log

import "github.com/rs/zerolog"

var Logger = zerolog.New(nil)

func Err(err error) *zerolog.Event           { return &zerolog.Event{} }
func Debug() *zerolog.Event                  { return &zerolog.Event{} }
func Info() *zerolog.Event                   { return &zerolog.Event{} }
func Warn() *zerolog.Event                   { return &zerolog.Event{} }
func Error() *zerolog.Event                  { return &zerolog.Event{} }
func Print(v ...interface{})                 {}
func Printf(format string, v ...interface{}) {}
