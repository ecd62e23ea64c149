package driver

// SARIF 2.1.0 output (-format=sarif), for GitHub code scanning and other
// SARIF viewers.
//
// * One rule per analyzer that ran (the checks, in the order they run), with
//   its title, its manual as help (plain text and Markdown) and its README
//   section as helpUri.
// * File locations are relative to the repository root (the nearest
//   directory above the working directory holding .git; the working
//   directory itself outside a repository) under uriBaseId %SRCROOT%, which
//   originalUriBaseIds maps to that directory's file URI. Files outside it
//   get absolute file URIs.
// * Columns are UTF-16 code units (SARIF's default columnKind).
// * Related information becomes relatedLocations, linked from the message
//   text (GitHub shows related locations only when linked).
// * Suggested fixes become fixes with artifactChanges.
// * Findings silenced by //sflint:ignore are results with an inSource
//   suppression carrying the directive's reason and location; reported ones
//   have an empty suppressions array ("known not suppressed").

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/redact"
)

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	sarifSrcRoot = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	Help                 *sarifMessage      `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID           string             `json:"ruleId"`
	RuleIndex        int                `json:"ruleIndex"`
	Level            string             `json:"level"`
	Message          sarifMessage       `json:"message"`
	Locations        []sarifLocation    `json:"locations"`
	RelatedLocations []sarifLocation    `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix         `json:"fixes,omitempty"`
	Suppressions     []sarifSuppression `json:"suppressions"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifContent `json:"insertedContent,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

// sarifWriter turns findings into one SARIF run.
type sarifWriter struct {
	root  string            // repository root, absolute
	lines map[string][]byte // file contents, read on demand for UTF-16 columns
}

func writeSARIF(w io.Writer, findings []*Finding, opts *Options) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	sw := &sarifWriter{root: repoRoot(wd), lines: map[string][]byte{}}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "sflint",
			InformationURI: "https://github.com/sflint/sflint",
			Rules:          []sarifRule{},
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			sarifSrcRoot: {URI: fileURI(sw.root, true)},
		},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	index := map[string]int{}
	addRule := func(a *analysis.Analyzer) int {
		if i, ok := index[a.Name]; ok {
			return i
		}
		index[a.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(a))
		return index[a.Name]
	}
	for _, a := range opts.Enabled {
		addRule(a)
	}
	for _, f := range findings {
		run.Results = append(run.Results, sw.result(f, addRule(f.Analyzer)))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRuleOf(a *analysis.Analyzer) sarifRule {
	title, body, _ := strings.Cut(strings.TrimSpace(a.Doc), "\n")
	body = strings.TrimSpace(body)
	r := sarifRule{
		ID:                   a.Name,
		ShortDescription:     sarifMessage{Text: strings.TrimSpace(title)},
		HelpURI:              a.URL,
		DefaultConfiguration: sarifConfiguration{Level: "warning"},
	}
	if body != "" {
		r.Help = &sarifMessage{Text: body, Markdown: docMarkdown(body)}
	}
	return r
}

// docMarkdown renders an analyzer manual (go doc comment text) as Markdown:
// tab-indented blocks become fenced Go code, "# Heading" lines headings.
func docMarkdown(doc string) string {
	var b strings.Builder
	inCode := false
	lines := strings.Split(doc, "\n")
	for i, line := range lines {
		code := strings.HasPrefix(line, "\t")
		if inCode && !code && !codeFollows(lines[i:]) {
			b.WriteString("```\n")
			inCode = false
		}
		if code && !inCode {
			b.WriteString("```go\n")
			inCode = true
		}
		switch {
		case code:
			line = line[1:]
		case strings.HasPrefix(line, "# "):
			line = "#" + line
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	if inCode {
		b.WriteString("```\n")
	}
	return strings.TrimSpace(b.String())
}

// codeFollows reports whether the next non-blank line is indented code.
func codeFollows(lines []string) bool {
	for _, l := range lines {
		if l != "" {
			return strings.HasPrefix(l, "\t")
		}
	}
	return false
}

func (sw *sarifWriter) result(f *Finding, ruleIndex int) sarifResult {
	r := sarifResult{
		RuleID:       f.Analyzer.Name,
		RuleIndex:    ruleIndex,
		Level:        "warning",
		Message:      sarifMessage{Text: sarifEscape(f.Diag.Message)},
		Locations:    []sarifLocation{{PhysicalLocation: sw.physical(f.Fset, f.Diag.Pos, f.Diag.End)}},
		Suppressions: []sarifSuppression{},
	}
	for i, rel := range f.Diag.Related {
		id := i + 1
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
			ID:               &id,
			PhysicalLocation: sw.physical(f.Fset, rel.Pos, rel.End),
			Message:          &sarifMessage{Text: sarifEscape(rel.Message)},
		})
		r.Message.Text += fmt.Sprintf(" [%s](%d)", sarifEscape(rel.Message), id)
	}
	for _, fix := range f.Diag.SuggestedFixes {
		r.Fixes = append(r.Fixes, sw.fix(f.Fset, fix))
	}
	if f.Suppressed {
		s := sarifSuppression{Kind: "inSource"}
		if d := f.Directive; d != nil {
			// The reason is text from the source: a secret pasted into it
			// is not copied (internal/redact).
			s.Justification = redact.Text(d.Reason, redact.SourceSecrets(sw.source(f.Fset.PositionFor(d.Pos, false).Filename)))
			s.Location = &sarifLocation{PhysicalLocation: sw.physical(f.Fset, d.Pos, token.NoPos)}
		}
		r.Suppressions = []sarifSuppression{s}
	}
	return r
}

func (sw *sarifWriter) fix(fset *token.FileSet, fix analysis.SuggestedFix) sarifFix {
	sf := sarifFix{Description: sarifMessage{Text: fix.Message}, ArtifactChanges: []sarifArtifactChange{}}
	byFile := map[string]int{}
	for _, e := range fix.TextEdits {
		// Edits name the file sflint read, at its lines and columns (not
		// those a //line directive gives).
		start := fset.PositionFor(e.Pos, false)
		end := start
		if e.End.IsValid() {
			end = fset.PositionFor(e.End, false)
		}
		rep := sarifReplacement{DeletedRegion: sw.region(start, end, start, end)}
		if len(e.NewText) > 0 {
			rep.InsertedContent = &sarifContent{Text: string(e.NewText)}
		}
		i, ok := byFile[start.Filename]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[start.Filename] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: sw.artifact(start.Filename)})
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, rep)
	}
	return sf
}

// physical is where a finding, a related location or a directive is
// reported: file and line follow //line directives, as in every format.
func (sw *sarifWriter) physical(fset *token.FileSet, pos, end token.Pos) sarifPhysicalLocation {
	start, realStart := fset.Position(pos), fset.PositionFor(pos, false)
	var stop, realStop token.Position
	if end.IsValid() {
		stop, realStop = fset.Position(end), fset.PositionFor(end, false)
	}
	return sarifPhysicalLocation{ArtifactLocation: sw.artifact(start.Filename), Region: sw.region(start, stop, realStart, realStop)}
}

// region converts byte columns to UTF-16 columns, counted in the file sflint
// read (realStart, realEnd: the bytes of the file a //line directive names
// are not those of the code). A region without an end covers the start
// position only.
func (sw *sarifWriter) region(start, end, realStart, realEnd token.Position) sarifRegion {
	r := sarifRegion{StartLine: start.Line, StartColumn: sw.column(start, realStart)}
	if end.IsValid() && end.Filename == start.Filename {
		r.EndLine = end.Line
		r.EndColumn = sw.column(end, realEnd)
	}
	return r
}

// column returns the 1-based UTF-16 column of reported position p, whose
// bytes are at real in the file sflint read. A //line directive with a
// column shifts the columns of its line: the shift is kept. One without a
// column leaves the columns unknown (0): SARIF's smallest, 1, is given.
func (sw *sarifWriter) column(p, real token.Position) int {
	if p.Column < 1 {
		return 1
	}
	return max(sw.utf16Column(real)+p.Column-real.Column, 1)
}

// utf16Column returns the 1-based UTF-16 column of a position in the file sflint read.
func (sw *sarifWriter) utf16Column(p token.Position) int {
	if p.Column < 1 || p.Offset < p.Column-1 {
		return max(p.Column, 1)
	}
	src := sw.source(p.Filename)
	lineStart := p.Offset - (p.Column - 1)
	if p.Offset > len(src) {
		return p.Column // file changed or unreadable: bytes are the best guess
	}
	col := 1
	for b := src[lineStart:p.Offset]; len(b) > 0; {
		r, size := utf8.DecodeRune(b) // an invalid byte is U+FFFD: one unit
		col += utf16.RuneLen(r)
		b = b[size:]
	}
	return col
}

// source returns the content of a file sflint read (nil if unreadable).
func (sw *sarifWriter) source(name string) []byte {
	src, ok := sw.lines[name]
	if !ok {
		src, _ = os.ReadFile(name)
		sw.lines[name] = src
	}
	return src
}

// artifact names a file relative to the repository root, or by absolute URI
// when it lies outside.
func (sw *sarifWriter) artifact(filename string) sarifArtifactLocation {
	abs, err := filepath.Abs(filename)
	if err != nil {
		abs = filename
	}
	if rel, err := filepath.Rel(sw.root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: sarifSrcRoot}
	}
	return sarifArtifactLocation{URI: fileURI(abs, false)}
}

// fileURI is the file: URI of an absolute path, with a trailing slash for a directory.
func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// repoRoot returns the nearest directory at or above dir that holds .git,
// or dir itself.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// sarifEscape escapes the characters SARIF gives a meaning in message text
// (embedded links are [text](id)).
func sarifEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(s)
}
