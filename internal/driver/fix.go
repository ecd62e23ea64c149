package driver

import (
	"fmt"
	"go/format"
	"io"
	"os"
	"sort"

	"github.com/aymanbagabas/go-udiff"
)

// applyFixes applies the first suggested fix of every reported finding. A
// fix whose edits overlap edits already accepted for the same file is
// skipped whole (like gopls). With diff, the result is printed as a unified
// diff and no file is written. It returns how many fixes it applied and how
// many files they change.
func applyFixes(findings []*Finding, diff bool, stdout io.Writer) (fixes, changed int, err error) {
	type fileEdits struct {
		edits []udiff.Edit
	}
	files := map[string]*fileEdits{}
	for _, f := range findings {
		if f.Suppressed || len(f.Diag.SuggestedFixes) == 0 {
			continue
		}
		fix := f.Diag.SuggestedFixes[0]
		byFile := map[string][]udiff.Edit{}
		for _, e := range fix.TextEdits {
			start := f.Fset.Position(e.Pos)
			end := start
			if e.End.IsValid() {
				end = f.Fset.Position(e.End)
			}
			byFile[start.Filename] = append(byFile[start.Filename], udiff.Edit{Start: start.Offset, End: end.Offset, New: string(e.NewText)})
		}
		ok := true
		for name, edits := range byFile {
			if fe := files[name]; fe != nil && conflicts(fe.edits, edits) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		fixes++
		for name, edits := range byFile {
			fe := files[name]
			if fe == nil {
				fe = &fileEdits{}
				files[name] = fe
			}
			fe.edits = appendNew(fe.edits, edits)
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return 0, 0, err
		}
		edits := files[name].edits
		udiff.SortEdits(edits)
		out, err := udiff.Apply(string(src), edits)
		if err != nil {
			return 0, 0, fmt.Errorf("%s: applying fixes: %v", relPath(name), err)
		}
		if formatted, err := format.Source([]byte(out)); err == nil {
			out = string(formatted)
		}
		if out != string(src) {
			changed++
		}
		if diff {
			fmt.Fprint(stdout, udiff.Unified(relPath(name)+" (old)", relPath(name)+" (new)", string(src), out))
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return 0, 0, err
		}
		if err := os.WriteFile(name, []byte(out), info.Mode().Perm()); err != nil {
			return 0, 0, err
		}
	}
	return fixes, changed, nil
}

// conflicts reports whether any new edit overlaps an accepted one (identical edits do not conflict).
func conflicts(accepted, edits []udiff.Edit) bool {
	for _, e := range edits {
		for _, a := range accepted {
			if a == e {
				continue
			}
			if e.Start < a.End && a.Start < e.End || (e.Start == a.Start && e.End == a.End) {
				return true
			}
			// Two insertions at the same offset: order would be arbitrary.
			if e.Start == e.End && a.Start == a.End && e.Start == a.Start {
				return true
			}
		}
	}
	return false
}

// appendNew appends edits not already present.
func appendNew(list, edits []udiff.Edit) []udiff.Edit {
	for _, e := range edits {
		dup := false
		for _, a := range list {
			if a == e {
				dup = true
			}
		}
		if !dup {
			list = append(list, e)
		}
	}
	return list
}
