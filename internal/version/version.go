// Package version says which sflint is running, from the build information
// the go command writes into every binary.
//
//   - go install github.com/sflint/sflint/cmd/sflint@v1.2.3 gives v1.2.3;
//   - go install ...@<commit> gives the module's pseudo-version;
//   - go build or go install in a clone gives "devel" with the commit, its
//     time and whether the work tree had changes (the go command's vcs.*
//     settings; none with -buildvcs=false).
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/mod/semver"
)

// Info describes the running binary.
type Info struct {
	// Version is the module version (v1.2.3, a pseudo-version), or "devel"
	// for a binary built in a clone or without build information.
	Version string
	// Revision, Time and Modified come from the version control system of
	// a clone (empty and false otherwise).
	Revision string
	Time     string
	Modified bool
	// GoVersion is the Go toolchain that built the binary.
	GoVersion string
}

// Get returns the running binary's version.
func Get() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: "devel", GoVersion: runtime.Version()}
	}
	return FromBuildInfo(bi)
}

// FromBuildInfo derives the version from build information.
func FromBuildInfo(bi *debug.BuildInfo) Info {
	info := Info{Version: bi.Main.Version, GoVersion: bi.GoVersion}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Revision = s.Value
		case "vcs.time":
			info.Time = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	// A build in a clone is a development build, whatever version the go
	// command derived from the commit (Go 1.24+ stamps v0.0.0-...+dirty).
	if info.Revision != "" || info.Version == "" || info.Version == "(devel)" {
		info.Version = "devel"
	}
	if info.GoVersion == "" {
		info.GoVersion = runtime.Version()
	}
	return info
}

// Devel reports whether this is a development build.
func (i Info) Devel() bool { return i.Version == "devel" }

// String is the version as sflint -version prints it after the program
// name: "v1.2.3" or "devel (32a554f0c1d2, 2026-11-22T07:03:17Z, modified)".
func (i Info) String() string {
	if !i.Devel() {
		return i.Version
	}
	var parts []string
	if i.Revision != "" {
		parts = append(parts, short(i.Revision))
	}
	if i.Time != "" {
		parts = append(parts, i.Time)
	}
	if i.Modified {
		parts = append(parts, "modified")
	}
	if len(parts) == 0 {
		return "devel"
	}
	return "devel (" + strings.Join(parts, ", ") + ")"
}

// Long is String followed by the Go version, for -version.
func (i Info) Long() string {
	return fmt.Sprintf("%s (built with %s)", i.String(), i.GoVersion)
}

// Semantic is the version as a Semantic Versioning 2.0 string (no leading
// "v"), or "" for a development build.
func (i Info) Semantic() string {
	if i.Devel() || !semver.IsValid(i.Version) {
		return ""
	}
	return strings.TrimPrefix(i.Version, "v")
}

// VetField is the version as one word, the third field of the line the go
// command reads from -V=full: "devel" tells it to key its cache on the
// buildID= field that ends the line, anything else on the whole line.
func (i Info) VetField() string {
	if i.Devel() {
		if i.Revision != "" {
			s := "devel-" + short(i.Revision)
			if i.Modified {
				s += "-modified"
			}
			return s
		}
		return "devel"
	}
	return i.Version
}

func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
