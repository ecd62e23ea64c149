package sflogin

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestSanitize checks that positions past the end of a file (which the
// parser produces for an unfinished call at the end of broken source) never
// reach a driver, which would reject the diagnostic and fail the analysis.
func TestSanitize(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("a.go", -1, 100)
	pos := func(off int) token.Pos { return token.Pos(f.Base() + off) }
	past := token.Pos(f.Base() + 500)
	d := sanitize(fset, analysis.Diagnostic{
		Pos: pos(10), End: past, Message: "m",
		SuggestedFixes: []analysis.SuggestedFix{
			{Message: "bad", TextEdits: []analysis.TextEdit{{Pos: pos(10), End: past}}},
			{Message: "good", TextEdits: []analysis.TextEdit{{Pos: pos(10), End: pos(20)}}},
			{Message: "insert", TextEdits: []analysis.TextEdit{{Pos: pos(100)}}},
		},
		Related: []analysis.RelatedInformation{{Pos: pos(30), End: past, Message: "r"}},
	})
	if d.End.IsValid() {
		t.Errorf("End past the file kept: %v", d.End)
	}
	if len(d.SuggestedFixes) != 2 || d.SuggestedFixes[0].Message != "good" || d.SuggestedFixes[1].Message != "insert" {
		t.Errorf("fixes = %+v, want the two within the file", d.SuggestedFixes)
	}
	if len(d.Related) != 1 || d.Related[0].End.IsValid() {
		t.Errorf("related = %+v, want one without an end", d.Related)
	}
	ok := sanitize(fset, analysis.Diagnostic{Pos: pos(1), End: pos(100)})
	if ok.End != pos(100) {
		t.Errorf("a valid End at the end of the file was dropped")
	}
}
