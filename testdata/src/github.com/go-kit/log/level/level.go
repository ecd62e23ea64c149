// Package level is a stub of github.com/go-kit/log/level@v0.2.1: the level
// decorators.
package level

import "github.com/go-kit/log"

func Error(logger log.Logger) log.Logger { return logger }
func Warn(logger log.Logger) log.Logger  { return logger }
func Info(logger log.Logger) log.Logger  { return logger }
func Debug(logger log.Logger) log.Logger { return logger }
