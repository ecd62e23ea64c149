package driver

// Baselines, for adopting sflint in a codebase that already has findings:
//
//	sflint -baseline-write=.sflint-baseline.json ./...   record today's findings
//	sflint -baseline=.sflint-baseline.json ./...         report only the others
//
// A finding is matched by its file and its stable fingerprint (see
// fingerprint.go), with a count for identical findings in one function, so
// that lines moving do not bring baselined findings back, and a second
// identical mistake in the same function is still reported. The file holds
// no message and no source text: file names, analyzer and function names,
// and hashes.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sort"
)

// baselineVersion is the format's version, the value of "sflint-baseline".
const baselineVersion = 1

type baselineFile struct {
	Version  int             `json:"sflint-baseline"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	File        string `json:"file"` // slash-separated, relative to the baseline file's directory
	Analyzer    string `json:"analyzer"`
	Function    string `json:"function,omitempty"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
}

func (e baselineEntry) key() string { return e.File + "\x00" + e.Fingerprint }

// baselinePath is a finding's file as a baseline file in dir records it.
func baselinePath(dir, filename string) string {
	abs, err := filepath.Abs(filename)
	if err != nil {
		abs = filename
	}
	if rel, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// writeBaseline records the reported findings in path.
func writeBaseline(path string, findings []*Finding) (int, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, err
	}
	dir := filepath.Dir(abs)
	counts := map[string]*baselineEntry{}
	n := 0
	for _, f := range findings {
		if f.Suppressed {
			continue
		}
		n++
		e := baselineEntry{File: baselinePath(dir, f.Posn.Filename), Analyzer: f.Analyzer.Name, Function: f.Func, Fingerprint: fingerprint(f)}
		if c := counts[e.key()]; c != nil {
			c.Count++
			continue
		}
		e.Count = 1
		counts[e.key()] = &e
	}
	out := baselineFile{Version: baselineVersion, Findings: []baselineEntry{}}
	for _, e := range counts {
		out.Findings = append(out.Findings, *e)
	}
	sort.Slice(out.Findings, func(i, j int) bool {
		a, b := out.Findings[i], out.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Analyzer != b.Analyzer {
			return a.Analyzer < b.Analyzer
		}
		if a.Function != b.Function {
			return a.Function < b.Function
		}
		return a.Fingerprint < b.Fingerprint
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return 0, err
	}
	return n, writeFileAtomic(abs, buf.Bytes())
}

// writeFileAtomic writes data to a temporary file beside path, then renames
// it over path: a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// A baseline is a -baseline file, read.
type baseline struct {
	path     string
	dir      string         // its directory, absolute
	recorded map[string]int // file + fingerprint -> count
}

// readBaseline reads a -baseline file.
func readBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("-baseline %s: %v", path, cleanErr(err))
	}
	var b baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil || b.Version != baselineVersion {
		why := "want a file written by sflint -baseline-write"
		if err != nil {
			why = err.Error() + ": " + why
		} else if b.Version > baselineVersion {
			why = fmt.Sprintf("format version %d is newer than this sflint's (%d)", b.Version, baselineVersion)
		}
		return nil, fmt.Errorf("-baseline %s: %s", path, why)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	bl := &baseline{path: path, dir: filepath.Dir(abs), recorded: map[string]int{}}
	for _, e := range b.Findings {
		bl.recorded[e.key()] += e.Count
	}
	return bl, nil
}

// apply marks the reported findings the baseline records as Baselined, as
// many of each as it counts, in source order.
func (bl *baseline) apply(findings []*Finding) {
	left := maps.Clone(bl.recorded)
	for _, f := range findings {
		if f.Suppressed {
			continue
		}
		k := baselineEntry{File: baselinePath(bl.dir, f.Posn.Filename), Fingerprint: fingerprint(f)}.key()
		if left[k] > 0 {
			left[k]--
			f.Baselined = true
		}
	}
}
