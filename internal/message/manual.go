package message

import (
	"go/parser"
	"go/token"
	"strings"
)

// Manual returns an analyzer's manual from the source of its doc.go: the
// package doc from its "# Analyzer <name>" heading on (the x/tools
// convention), without a leading "<name>: ". It is both Analyzer.Doc and
// what `sflint help <name>` prints, so godoc and the command show one text.
// It panics when doc.go has no package doc or no such heading: a mistake
// every test of the analyzer meets.
func Manual(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(name + ": doc.go has no package doc")
	}
	_, rest, ok := strings.Cut(f.Doc.Text(), "# Analyzer "+name+"\n")
	if !ok {
		panic(name + ": doc.go has no \"# Analyzer " + name + "\" heading")
	}
	return strings.TrimPrefix(strings.TrimSpace(rest), name+": ")
}
