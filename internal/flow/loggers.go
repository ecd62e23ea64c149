package flow

import "strings"

// The loggers of LogKind beyond those named by their last path element
// (loggerPkgs): a call of theirs that receives the login's error only logs
// it, a sink like fmt.Println, not an escape to code that may act on it.

// loggerPaths are logging packages by import-path suffix.
var loggerPaths = []string{
	"github.com/hashicorp/go-hclog", // hclog.Logger: Error(msg, "err", err), With("err", err)
	"go-kit/log", "go-kit/log/level", "go-kit/kit/log", "go-kit/kit/log/level",
	"rs/zerolog/log", // the global zerolog logger: log.Err(err), log.Error()
}

// loggerPath reports whether path is one of loggerPaths.
func loggerPath(path string) bool {
	for _, s := range loggerPaths {
		if path == s || strings.HasSuffix(path, "/"+s) {
			return true
		}
	}
	return false
}

// loggerFields are the functions and methods of the logging packages that
// put a value in a log entry (or a logger that only makes entries): the
// error goes into the log, nowhere else.
var loggerFields = map[string]bool{
	// logrus, hclog, logr, go-kit, zap, zerolog's Context
	"With": true, "WithError": true, "WithField": true, "WithFields": true, "WithValues": true,
	// zerolog's Event and the global logger
	"Err": true, "AnErr": true, "Errs": true, "Interface": true, "Str": true, "Msg": true, "Msgf": true,
	// zap's fields
	"Any": true, "NamedError": true, "String": true, "Stringer": true,
}

// loggerField reports whether a function or method of a logging package
// named name only adds to a log entry.
func loggerField(name string) bool { return loggerFields[name] }
