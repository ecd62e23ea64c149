package driver

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// checkPatterns catches two mistakes of a first run that the go command
// reports obscurely ("directory prefix . does not contain main module"):
// running where there is no module at all, and naming a directory of a
// nested module (one with its own go.mod, which ./... leaves out). It
// returns an exit status, or -1 to go on. The go command has the last word:
// patterns that are not directories, GOPATH mode and workspaces are left
// to it.
func checkPatterns(progname string, patterns []string, stderr io.Writer) int {
	if os.Getenv("GO111MODULE") == "off" {
		return -1
	}
	wd, err := os.Getwd()
	if err != nil {
		return -1
	}
	if inWorkspace(wd) {
		return -1
	}
	main := moduleRoot(wd)
	for _, p := range patterns {
		dir, ok := patternDir(p)
		if !ok {
			continue
		}
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(wd, dir)
		}
		mod := moduleRoot(dir)
		switch {
		case mod == "" && main == "":
			fmt.Fprintf(stderr, "%s: no go.mod in %s or any parent directory: run %s in a Go module, or name one with -C dir\n", progname, wd, progname)
			return ExitError
		case mod != "" && mod != main:
			rel, err := filepath.Rel(wd, mod)
			if err != nil {
				continue
			}
			inner, err := filepath.Rel(mod, filepath.Join(wd, filepath.FromSlash(p)))
			if err != nil {
				continue
			}
			suggested := "./" + filepath.ToSlash(inner)
			if inner == "." {
				suggested = "."
			}
			fmt.Fprintf(stderr, "%s: %s is in another module (%s): run %s -C %s %s\n", progname, p, filepath.ToSlash(filepath.Join(rel, "go.mod")), progname, filepath.ToSlash(rel), suggested)
			return ExitError
		}
	}
	return -1
}

// patternDir returns the directory a file-system pattern ("./x/...",
// "../y", "/abs/z") starts in; ok is false for import-path patterns.
func patternDir(p string) (string, bool) {
	if !(p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)) {
		return "", false
	}
	if i := strings.Index(p, "..."); i >= 0 && !(i == 0 || p[i-1] == '/') || strings.Contains(p, "...") && !strings.HasSuffix(p, "...") {
		return "", false // a wildcard inside a name: leave it to the go command
	}
	p = strings.TrimSuffix(p, "...")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		p = "/"
	}
	return filepath.FromSlash(p), true
}

// moduleRoot returns the nearest directory at or above dir holding go.mod.
func moduleRoot(dir string) string {
	for d := filepath.Clean(dir); ; {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// inWorkspace reports whether a go.work file is in force.
func inWorkspace(dir string) bool {
	switch w := os.Getenv("GOWORK"); w {
	case "off":
		return false
	case "":
	default:
		return true
	}
	for d := filepath.Clean(dir); ; {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		d = parent
	}
}
