// Package logrus is a stub of github.com/sirupsen/logrus@v1.9.3: the
// package-level and Entry methods that take an error, fields or a message.
package logrus

type Fields map[string]interface{}

type Logger struct{}

type Entry struct{ Data Fields }

func New() *Logger                                   { return &Logger{} }
func StandardLogger() *Logger                        { return &Logger{} }
func WithError(err error) *Entry                     { return &Entry{} }
func WithField(key string, value interface{}) *Entry { return &Entry{} }
func WithFields(fields Fields) *Entry                { return &Entry{} }
func Error(args ...interface{})                      {}
func Errorf(format string, args ...interface{})      {}
func Warn(args ...interface{})                       {}
func Info(args ...interface{})                       {}
func Fatal(args ...interface{})                      {}

func (logger *Logger) WithError(err error) *Entry                     { return &Entry{} }
func (logger *Logger) WithField(key string, value interface{}) *Entry { return &Entry{} }
func (logger *Logger) Errorf(format string, args ...interface{})      {}
func (logger *Logger) Error(args ...interface{})                      {}

func (entry *Entry) WithError(err error) *Entry                     { return entry }
func (entry *Entry) WithField(key string, value interface{}) *Entry { return entry }
func (entry *Entry) WithFields(fields Fields) *Entry                { return entry }
func (entry *Entry) Error(args ...interface{})                      {}
func (entry *Entry) Errorf(format string, args ...interface{})      {}
func (entry *Entry) Warn(args ...interface{})                       {}
func (entry *Entry) Info(args ...interface{})                       {}
