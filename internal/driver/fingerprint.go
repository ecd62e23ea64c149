package driver

// Stable fingerprints: what a finding is, independently of where its line
// happens to be. SARIF's partialFingerprints (so that GitHub code scanning
// keeps one alert across commits) and the baseline (so that baselined
// findings stay baselined) both use them. A fingerprint hashes
//
//   - the analyzer's name,
//   - the enclosing function (or package-level declaration),
//   - the message, with line numbers taken out,
//   - the offending line's text with surrounding space trimmed;
//
// and the file is kept beside it (SARIF hashes it in; the baseline keys on
// it). Unrelated edits that move the line change none of these. The line's
// text may hold a credential, so it only ever enters a hash, which is cut
// to 64 bits: nothing in SARIF or in a baseline file can be read back into
// source text.

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/token"
	"os"
	"regexp"
	"strings"
)

// lineRef matches the line numbers a message may carry ("opened on line
// 12", "at dao.go:30:9").
var lineRef = regexp.MustCompile(`\bline \d+|\.go:\d+(:\d+)?`)

// normalizeMessage takes out of a message what moves with unrelated edits.
func normalizeMessage(msg string) string {
	msg = lineRef.ReplaceAllStringFunc(msg, func(m string) string {
		if strings.HasPrefix(m, "line") {
			return "line N"
		}
		return ".go:N"
	})
	return strings.Join(strings.Fields(msg), " ")
}

// fingerprint is the stable identity of a finding, without its file.
func fingerprint(f *Finding) string {
	h := sha256.New()
	for _, part := range []string{f.Analyzer.Name, f.Func, normalizeMessage(f.Diag.Message), f.lineHash} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// hashWith hashes a fingerprint together with more parts (the file).
func hashWith(fp string, parts ...string) string {
	h := sha256.New()
	h.Write([]byte(fp))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// sources reads files once for line hashes.
type sources map[string][]string

// annotate records what a finding's fingerprint needs besides its
// diagnostic: the enclosing function, from the package's syntax (call it
// while the syntax is there), and the hash of the offending line.
func (s sources) annotate(f *Finding, files []*ast.File) {
	f.Func = enclosingFunc(files, f.Fset, f.Diag.Pos)
	f.lineHash = s.lineHash(f.Fset, f.Diag.Pos)
}

// lineHash returns the hash of the trimmed text of the line holding pos in
// the file the compiler read (not one a //line directive names).
func (s sources) lineHash(fset *token.FileSet, pos token.Pos) string {
	p := fset.PositionFor(pos, false)
	lines, ok := s[p.Filename]
	if !ok {
		if data, err := os.ReadFile(p.Filename); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		s[p.Filename] = lines
	}
	text := ""
	if p.Line >= 1 && p.Line <= len(lines) {
		text = strings.TrimSpace(lines[p.Line-1])
	}
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// enclosingFunc names the function or package-level declaration holding
// pos: "Connect", "(*AccountDAO).Query", "var cfg"; "" outside any.
func enclosingFunc(files []*ast.File, fset *token.FileSet, pos token.Pos) string {
	for _, f := range files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if d.Pos() > pos || pos > d.End() {
				continue
			}
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil && len(d.Recv.List) > 0 {
					return "(" + recvString(d.Recv.List[0].Type) + ")." + d.Name.Name
				}
				return d.Name.Name
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if spec.Pos() > pos || pos > spec.End() {
						continue
					}
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						var names []string
						for _, n := range spec.Names {
							names = append(names, n.Name)
						}
						return d.Tok.String() + " " + strings.Join(names, ",")
					case *ast.TypeSpec:
						return "type " + spec.Name.Name
					}
				}
				return d.Tok.String()
			}
		}
		return ""
	}
	return ""
}

func recvString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + recvString(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.IndexExpr:
		return recvString(e.X)
	case *ast.IndexListExpr:
		return recvString(e.X)
	case *ast.ParenExpr:
		return recvString(e.X)
	}
	return "?"
}
