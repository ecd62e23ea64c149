package driver

// Suggested fixes: which may be shown or applied, and how -fix writes them.
//
// * Every position that names a file to read or write is the position in
//   the file sflint read (token.File offsets, PositionFor(p, false)), never
//   the one a //line directive names: on generated code the directive names
//   a template, on cgo code the original file, each at other offsets.
// * A fix is dropped, with a note on stderr, in every output (-fix, -diff,
//   JSON, SARIF) when its edits fall in another file than the one the
//   finding is in, or when that file is not one of the package's own source
//   files (the code cgo generated from it, in the build cache).
// * -fix and -diff leave generated files alone (as go vet -fix does): fix
//   the generator.
// * -fix is all or nothing: the new content of every file is computed first;
//   if any file fails (fixes that conflict, a file unreadable, read-only or
//   changed since it was loaded), nothing is written and each failure is
//   said. Then every new content is written to a temporary file beside the
//   old one (same mode), and the temporary files are renamed over the old
//   ones.

import (
	"errors"
	"fmt"
	"go/format"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"golang.org/x/tools/go/analysis"
)

// fixEdits returns a fix's edits as byte offsets in the file the finding
// is in (its real file), or why the fix must be dropped.
func fixEdits(f *Finding, fix analysis.SuggestedFix) (file string, edits []udiff.Edit, why string) {
	if f.fixFile != "" {
		return "", nil, f.fixFile
	}
	for _, e := range fix.TextEdits {
		tf := f.Fset.File(e.Pos)
		if tf == nil {
			return "", nil, "an edit has no file"
		}
		if tf.Name() != f.Real.Filename {
			return "", nil, fmt.Sprintf("it edits %s, not %s where the finding is", relPath(tf.Name()), relPath(f.Real.Filename))
		}
		start, end := tf.Offset(e.Pos), tf.Offset(e.Pos)
		if e.End.IsValid() {
			if f.Fset.File(e.End) != tf {
				return "", nil, "an edit spans two files"
			}
			end = tf.Offset(e.End)
		}
		edits = append(edits, udiff.Edit{Start: start, End: end, New: string(e.NewText)})
	}
	return f.Real.Filename, edits, ""
}

// dropUnsafeFixes removes from the findings every fix fixEdits rejects, so
// that no output shows or applies it, with a note on stderr for each
// reported finding that loses one.
func dropUnsafeFixes(progname string, findings []*Finding, stderr io.Writer) {
	for _, f := range findings {
		kept := f.Diag.SuggestedFixes[:0:0]
		for _, fix := range f.Diag.SuggestedFixes {
			if _, _, why := fixEdits(f, fix); why != "" {
				if !f.Hidden() {
					fmt.Fprintf(stderr, "%s: note: %s: fix %q dropped: %s\n", progname, posnString(relPosn(f.Posn)), fix.Message, why)
				}
				continue
			}
			kept = append(kept, fix)
		}
		f.Diag.SuggestedFixes = kept
	}
}

// fileFix is what -fix does to one file.
type fileFix struct {
	name  string // as sflint read it
	size  int    // its size then
	edits []udiff.Edit
	by    []*Finding // the finding of each edit
	old   []byte
	new   []byte
	mode  fs.FileMode
}

// applyFixes applies the first suggested fix of every reported finding (or
// prints them as a unified diff). Notes about fixes left out go to stderr.
// It returns how many fixes it applied (or would apply, with diff) and how
// many files they change. The error, if any, says why nothing was written.
func applyFixes(progname string, findings []*Finding, diff bool, stdout, stderr io.Writer) (fixes, changed int, err error) {
	files := map[string]*fileFix{}
	var problems []string
	for _, f := range findings {
		if f.Hidden() || len(f.Diag.SuggestedFixes) == 0 {
			continue
		}
		fix := f.Diag.SuggestedFixes[0]
		name, edits, why := fixEdits(f, fix)
		if why != "" {
			continue // dropUnsafeFixes said why
		}
		if f.generated {
			fmt.Fprintf(stderr, "%s: note: %s: fix %q not applied: %s is generated code; fix the generator\n", progname, posnString(relPosn(f.Posn)), fix.Message, relPath(name))
			continue
		}
		ff := files[name]
		if ff == nil {
			ff = &fileFix{name: name, size: -1}
			if tf := f.Fset.File(f.Diag.Pos); tf != nil {
				ff.size = tf.Size()
			}
			files[name] = ff
		}
		clash := false
		for _, e := range edits {
			if other := conflict(ff, e); other != nil {
				problems = append(problems, fmt.Sprintf("%s: the fixes of two findings edit the same text: %s (%s) and %s (%s); apply them one analyzer at a time (e.g. -fix -%s)",
					relPath(name), posnString(relPosn(other.Posn)), other.Analyzer.Name, posnString(relPosn(f.Posn)), f.Analyzer.Name, f.Analyzer.Name))
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		fixes++
		for _, e := range edits {
			if !contains(ff.edits, e) {
				ff.edits = append(ff.edits, e)
				ff.by = append(ff.by, f)
			}
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)

	// Every file's new content, before anything is written.
	for _, name := range names {
		ff := files[name]
		if err := ff.compute(diff); err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if string(ff.new) != string(ff.old) {
			changed++
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		verb := "no file written"
		if diff {
			verb = "no diff printed"
		}
		return 0, 0, fmt.Errorf("%s; %s", strings.Join(problems, "; "), verb)
	}
	if diff {
		for _, name := range names {
			ff := files[name]
			fmt.Fprint(stdout, udiff.Unified(relPath(name)+" (old)", relPath(name)+" (new)", string(ff.old), string(ff.new)))
		}
		return fixes, changed, nil
	}
	if err := writeAll(files, names); err != nil {
		return 0, 0, err
	}
	return fixes, changed, nil
}

// conflict returns the finding whose accepted edit overlaps e, or nil.
// Identical edits (the same fix reported twice, the same import added by
// two fixes) do not conflict.
func conflict(ff *fileFix, e udiff.Edit) *Finding {
	for i, a := range ff.edits {
		if a == e {
			continue
		}
		if e.Start < a.End && a.Start < e.End || e.Start == a.Start && e.End == a.End {
			return ff.by[i]
		}
		// Two insertions at the same offset: their order would be arbitrary.
		if e.Start == e.End && a.Start == a.End && e.Start == a.Start {
			return ff.by[i]
		}
	}
	return nil
}

func contains(list []udiff.Edit, e udiff.Edit) bool {
	for _, a := range list {
		if a == e {
			return true
		}
	}
	return false
}

// compute reads the file and makes its new content, gofmt'ed when it
// parses; it fails when the file cannot be read, changed since it was
// loaded, or (unless only a diff is wanted) cannot be written.
func (ff *fileFix) compute(diff bool) error {
	name := relPath(ff.name)
	info, err := os.Stat(ff.name)
	if err != nil {
		return fmt.Errorf("%s: %v", name, cleanErr(err))
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", name)
	}
	if !diff && info.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("%s: the file is read-only", name)
	}
	ff.mode = info.Mode().Perm()
	ff.old, err = os.ReadFile(ff.name)
	if err != nil {
		return fmt.Errorf("%s: %v", name, cleanErr(err))
	}
	if ff.size >= 0 && len(ff.old) != ff.size {
		return fmt.Errorf("%s: the file changed since sflint read it (%d bytes, now %d); run sflint again", name, ff.size, len(ff.old))
	}
	edits := append([]udiff.Edit(nil), ff.edits...)
	udiff.SortEdits(edits)
	out, err := udiff.Apply(string(ff.old), edits)
	if err != nil {
		return fmt.Errorf("%s: applying fixes: %v", name, err)
	}
	if formatted, err := format.Source([]byte(out)); err == nil {
		out = string(formatted)
	}
	ff.new = []byte(out)
	return nil
}

// writeAll writes each file's new content to a temporary file in the same
// directory, then renames every temporary file over its file. If a
// temporary file cannot be made, nothing is written. A rename that fails
// (it should not: same directory) leaves the files before it fixed, and the
// error names them.
func writeAll(files map[string]*fileFix, names []string) error {
	temps := make([]string, len(names))
	targets := make([]string, len(names))
	cleanup := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for i, name := range names {
		ff := files[name]
		// Write through a symbolic link, not over it.
		target, err := filepath.EvalSymlinks(name)
		if err != nil {
			cleanup()
			return fmt.Errorf("%s: %v; no file written", relPath(name), cleanErr(err))
		}
		targets[i] = target
		temps[i], err = writeTemp(target, ff.new, ff.mode)
		if err != nil {
			cleanup()
			return fmt.Errorf("%s: %v; no file written", relPath(name), cleanErr(err))
		}
	}
	for i, name := range names {
		if err := os.Rename(temps[i], targets[i]); err != nil {
			temps[i] = ""
			cleanup()
			written := make([]string, i)
			for j := range i {
				written[j] = relPath(names[j])
			}
			msg := fmt.Sprintf("%s: %v", relPath(name), cleanErr(err))
			if i == 0 {
				return errors.New(msg + "; no file written")
			}
			return fmt.Errorf("%s; only %s written", msg, strings.Join(written, ", "))
		}
		temps[i] = ""
	}
	return nil
}

// writeTemp writes data to a new temporary file in the directory of target,
// with the given mode, and returns its name.
func writeTemp(target string, data []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".sflint-fix-*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// relPosn is a position with its file name made relative (relPath).
func relPosn(p token.Position) token.Position {
	p.Filename = relPath(p.Filename)
	return p
}
