// Package zap is a stub of go.uber.org/zap@v1.27.0: Logger and SugaredLogger
// with their level and With methods, and the field constructors that take
// an error or any value.
package zap

import (
	"fmt"

	"go.uber.org/zap/zapcore"
)

type Field = zapcore.Field

type Logger struct{}

type SugaredLogger struct{}

func NewNop() *Logger                 { return &Logger{} }
func L() *Logger                      { return &Logger{} }
func S() *SugaredLogger               { return &SugaredLogger{} }
func NewProduction() (*Logger, error) { return &Logger{}, nil }

func (log *Logger) Sugar() *SugaredLogger             { return &SugaredLogger{} }
func (log *Logger) With(fields ...Field) *Logger      { return log }
func (log *Logger) Debug(msg string, fields ...Field) {}
func (log *Logger) Info(msg string, fields ...Field)  {}
func (log *Logger) Warn(msg string, fields ...Field)  {}
func (log *Logger) Error(msg string, fields ...Field) {}
func (log *Logger) Fatal(msg string, fields ...Field) {}

func (s *SugaredLogger) With(args ...interface{}) *SugaredLogger         { return s }
func (s *SugaredLogger) Error(args ...interface{})                       {}
func (s *SugaredLogger) Errorf(template string, args ...interface{})     {}
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...interface{}) {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Warnw(msg string, keysAndValues ...interface{})  {}

func Error(err error) Field                       { return Field{} }
func NamedError(key string, err error) Field      { return Field{} }
func Any(key string, value interface{}) Field     { return Field{} }
func String(key string, val string) Field         { return Field{} }
func Stringer(key string, val fmt.Stringer) Field { return Field{} }
