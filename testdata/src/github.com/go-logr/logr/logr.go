// Package logr is a stub of github.com/go-logr/logr@v1.4.2: Logger with its
// logging and With methods.
package logr

type LogSink interface {
	Enabled(level int) bool
}

type Logger struct {
	sink  LogSink
	level int
}

func New(sink LogSink) Logger { return Logger{sink: sink} }
func Discard() Logger         { return Logger{} }

func (l Logger) Info(msg string, keysAndValues ...any)             {}
func (l Logger) Error(err error, msg string, keysAndValues ...any) {}
func (l Logger) V(level int) Logger                                { return l }
func (l Logger) WithValues(keysAndValues ...any) Logger            { return l }
func (l Logger) WithName(name string) Logger                       { return l }
