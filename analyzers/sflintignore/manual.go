package sflintignore

import (
	_ "embed"
	"go/parser"
	"go/token"
	"strings"
)

//go:embed doc.go
var docSrc string

// doc is the analyzer's manual, `sflint help sflintignore`: the package doc
// from its "# Analyzer sflintignore" heading on (the x/tools convention), so
// that godoc and the command show one text.
var doc = manual(docSrc)

func manual(src string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil || f.Doc == nil {
		panic("sflintignore: doc.go has no package doc")
	}
	_, rest, ok := strings.Cut(f.Doc.Text(), "# Analyzer "+Name+"\n")
	if !ok {
		panic("sflintignore: doc.go has no \"# Analyzer " + Name + "\" heading")
	}
	return strings.TrimPrefix(strings.TrimSpace(rest), Name+": ")
}
