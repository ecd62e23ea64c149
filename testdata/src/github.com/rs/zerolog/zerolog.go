// Package zerolog is a stub of github.com/rs/zerolog@v1.33.0: Logger, Event
// and Context, with the methods that take an error or a message.
package zerolog

import "io"

type Logger struct{ w io.Writer }

type Event struct{}

type Context struct{ l Logger }

func New(w io.Writer) Logger { return Logger{w: w} }
func Nop() Logger            { return Logger{} }

func (l Logger) With() Context         { return Context{l: l} }
func (l *Logger) Debug() *Event        { return &Event{} }
func (l *Logger) Info() *Event         { return &Event{} }
func (l *Logger) Warn() *Event         { return &Event{} }
func (l *Logger) Error() *Event        { return &Event{} }
func (l *Logger) Err(err error) *Event { return &Event{} }

func (c Context) Err(err error) Context       { return c }
func (c Context) Str(key, val string) Context { return c }
func (c Context) Logger() Logger              { return c.l }

func (e *Event) Msg(msg string)                             {}
func (e *Event) Msgf(format string, v ...interface{})       {}
func (e *Event) Send()                                      {}
func (e *Event) Str(key, val string) *Event                 { return e }
func (e *Event) Err(err error) *Event                       { return e }
func (e *Event) AnErr(key string, err error) *Event         { return e }
func (e *Event) Errs(key string, errs []error) *Event       { return e }
func (e *Event) Interface(key string, i interface{}) *Event { return e }
