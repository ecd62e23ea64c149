// Package zapcore is a stub of go.uber.org/zap/zapcore@v1.27.0: only Field
// (its fields reduced), which zap.Field aliases.
package zapcore

type Field struct {
	Key       string
	Integer   int64
	String    string
	Interface interface{}
}
