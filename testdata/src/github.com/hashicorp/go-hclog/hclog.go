// Package hclog is a stub of github.com/hashicorp/go-hclog@v1.6.3 (the logger
// of Terraform providers and Steampipe plugins): the Logger interface whole,
// its levels and constructors. Methods take a message and alternating
// key/value pairs. LoggerOptions keeps a few of its fields.
package hclog

import (
	"context"
	"io"
	"log"
)

type Level int32

const (
	NoLevel Level = 0
	Trace   Level = 1
	Debug   Level = 2
	Info    Level = 3
	Warn    Level = 4
	Error   Level = 5
	Off     Level = 6
)

type Format []interface{}

func Fmt(str string, args ...interface{}) Format { return append(Format{str}, args...) }

type StandardLoggerOptions struct {
	InferLevels              bool
	InferLevelsWithTimestamp bool
	ForceLevel               Level
}

type LoggerOptions struct {
	Name       string
	Level      Level
	Output     io.Writer
	JSONFormat bool
}

type Logger interface {
	Log(level Level, msg string, args ...interface{})
	Trace(msg string, args ...interface{})
	Debug(msg string, args ...interface{})
	Info(msg string, args ...interface{})
	Warn(msg string, args ...interface{})
	Error(msg string, args ...interface{})
	IsTrace() bool
	IsDebug() bool
	IsInfo() bool
	IsWarn() bool
	IsError() bool
	ImpliedArgs() []interface{}
	With(args ...interface{}) Logger
	Name() string
	Named(name string) Logger
	ResetNamed(name string) Logger
	SetLevel(level Level)
	GetLevel() Level
	StandardLogger(opts *StandardLoggerOptions) *log.Logger
	StandardWriter(opts *StandardLoggerOptions) io.Writer
}

func New(opts *LoggerOptions) Logger                                                      { return nil }
func Default() Logger                                                                     { return nil }
func L() Logger                                                                           { return nil }
func NewNullLogger() Logger                                                               { return nil }
func FromContext(ctx context.Context) Logger                                              { return nil }
func WithContext(ctx context.Context, logger Logger, args ...interface{}) context.Context { return ctx }
