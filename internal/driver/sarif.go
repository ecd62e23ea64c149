package driver

// SARIF 2.1.0 output (-format=sarif), for GitHub code scanning and other
// SARIF viewers.
//
//   - tool.driver carries sflint's version (version, semanticVersion for a
//     release) and one rule per analyzer that ran, with its title
//     (shortDescription), the first paragraph of its manual
//     (fullDescription), the whole manual as help (text, and Markdown
//     rendered from the doc comment), its manual's URL as helpUri, and
//     GitHub's properties: tags, precision, problem.severity, and for
//     hardcodedtoken security-severity 9.8 with CWE-798 (what CodeQL's
//     hardcoded-credentials query uses), so that it is a security alert.
//   - File locations are relative to the repository root (the nearest
//     directory above the working directory holding .git; the working
//     directory itself outside a repository) under uriBaseId %SRCROOT%.
//     originalUriBaseIds describes %SRCROOT% without its absolute URI, so
//     that the log names no path of the machine that wrote it; consumers
//     resolve it to their checkout (GitHub does).
//   - Columns are UTF-16 code units (SARIF's default columnKind).
//   - Related information becomes relatedLocations, linked from the message
//     text (GitHub shows related locations only when linked).
//   - Suggested fixes become fixes with artifactChanges.
//   - Each result has partialFingerprints["sflint/v1"], a hash of the
//     analyzer, file, enclosing function, message without line numbers and
//     the offending line's text (see fingerprint.go), so that an alert
//     survives edits that move its line.
//   - Findings silenced by //sflint:ignore, or recorded in the -baseline
//     file, are left out: GitHub ignores SARIF suppressions and would show
//     them as open alerts. With -show-ignored they are results with an
//     inSource (directive, with its reason) or external (baseline)
//     suppression; reported ones then carry an empty suppressions array
//     ("known not suppressed").
//   - invocations[0] says whether the run was complete
//     (executionSuccessful is false when packages failed to load or an
//     analyzer failed), with a toolExecutionNotification for each such
//     error.

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/docs"
	"github.com/sflint/sflint/internal/redact"
	"github.com/sflint/sflint/internal/version"
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
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 *sarifMessage      `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

// sarifRuleProps are the rule properties GitHub code scanning reads.
type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`                   // very-high, high, medium, low
	ProblemSeverity  string   `json:"problem.severity"`            // error, warning, recommendation
	SecuritySeverity string   `json:"security-severity,omitempty"` // CVSS-like score, security rules only
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifMessage       `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitzero"`
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
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
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

// sarifFingerprint is the partialFingerprints key of sflint's fingerprints.
const sarifFingerprint = "sflint/v1"

func writeSARIF(w io.Writer, findings []*Finding, opts *Options) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	sw := &sarifWriter{root: repoRoot(wd), lines: map[string][]byte{}}
	v := version.Get()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            "sflint",
			Version:         v.String(),
			SemanticVersion: v.Semantic(),
			InformationURI:  "https://github.com/sflint/sflint",
			Rules:           []sarifRule{},
		}},
		Invocations: []sarifInvocation{sw.invocation(opts.errors, opts.partial)},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			sarifSrcRoot: {Description: &sarifMessage{Text: "The repository root: the nearest directory above the working directory that holds .git (the working directory outside a repository)."}},
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
	occurrence := map[string]int{}
	for _, f := range findings {
		if f.Hidden() && !opts.ShowIgnored {
			continue
		}
		r := sw.result(f, addRule(f.Analyzer), opts)
		// Identical findings in one function get their occurrence appended,
		// in source order, as GitHub's own line hashes do.
		fp := r.PartialFingerprints[sarifFingerprint]
		occurrence[fp]++
		r.PartialFingerprints[sarifFingerprint] = fmt.Sprintf("%s:%d", fp, occurrence[fp])
		run.Results = append(run.Results, r)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// loadErrorPos splits "file.go:12:3: message" into its file, line and message.
var loadErrorPos = regexp.MustCompile(`^(.+?\.go):(\d+)(?::\d+)?: (.*)$`)

// invocation says whether the run was complete, with a notification for
// each load error and analysis failure (level error), then one for each
// package analysed in part or not at all (level warning): the results are
// those of the rest.
func (sw *sarifWriter) invocation(errs []string, partial []Partial) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(errs) == 0 && len(partial) == 0}
	for _, e := range errs {
		n := sarifNotification{Level: "error", Message: sarifMessage{Text: e}}
		if m := loadErrorPos.FindStringSubmatch(e); m != nil {
			line, _ := strconv.Atoi(m[2])
			n.Message.Text = m[3]
			n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sw.artifact(m[1]),
				Region:           sarifRegion{StartLine: line},
			}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, p := range partial {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "warning", Message: sarifMessage{Text: p.Line()}})
	}
	return inv
}

// ruleMeta is what GitHub code scanning reads off a rule besides its text.
type ruleMeta struct {
	level     string // the results' level: error, warning, note
	severity  string // problem.severity: error, warning, recommendation
	precision string
	tags      []string
	security  string // security-severity, for security rules
}

var ruleMetas = map[string]ruleMeta{
	"blindretry":     {level: "warning", severity: "warning", precision: "high", tags: []string{"reliability", "correctness"}},
	"unhandledfault": {level: "warning", severity: "warning", precision: "high", tags: []string{"reliability", "correctness"}},
	"sessionreuse":   {level: "warning", severity: "warning", precision: "high", tags: []string{"reliability", "performance"}},
	"nologout":       {level: "warning", severity: "warning", precision: "high", tags: []string{"reliability", "correctness"}},
	// CWE-798, Use of Hard-coded Credentials, and the score CodeQL's
	// go/hardcoded-credentials query gives it.
	"hardcodedtoken": {level: "error", severity: "error", precision: "high", tags: []string{"security", "external/cwe/cwe-798"}, security: "9.8"},
	"sflintignore":   {level: "note", severity: "recommendation", precision: "very-high", tags: []string{"maintainability"}},
}

var defaultRuleMeta = ruleMeta{level: "warning", severity: "warning", precision: "medium", tags: []string{"correctness"}}

func metaOf(name string) ruleMeta {
	if m, ok := ruleMetas[name]; ok {
		return m
	}
	return defaultRuleMeta
}

func sarifRuleOf(a *analysis.Analyzer) sarifRule {
	title, body := docs.Split(a)
	m := metaOf(a.Name)
	r := sarifRule{
		ID:                   a.Name,
		ShortDescription:     sarifMessage{Text: title},
		FullDescription:      sarifMessage{Text: firstParagraph(body, title)},
		HelpURI:              a.URL,
		DefaultConfiguration: sarifConfiguration{Level: m.level},
		Properties: sarifRuleProps{
			Tags:             m.tags,
			Precision:        m.precision,
			ProblemSeverity:  m.severity,
			SecuritySeverity: m.security,
		},
	}
	if body != "" {
		r.Help = &sarifMessage{Text: body, Markdown: docMarkdown(body)}
	}
	return r
}

// firstParagraph returns the first paragraph of prose of a manual (not a
// heading, not code) on one line, or def if there is none.
func firstParagraph(doc, def string) string {
	for _, para := range strings.Split(doc, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.HasPrefix(para, "# ") || strings.HasPrefix(para, "\t") || strings.HasPrefix(para, "-") {
			continue
		}
		return strings.Join(strings.Fields(para), " ")
	}
	return def
}

// docMarkdown renders an analyzer manual (go doc comment text) as
// Markdown, the way docs/analyzers/<name>.md shows it.
func docMarkdown(doc string) string { return docs.Markdown(doc, 2) }

func (sw *sarifWriter) result(f *Finding, ruleIndex int, opts *Options) sarifResult {
	loc := sw.artifact(f.Posn.Filename)
	r := sarifResult{
		RuleID:              f.Analyzer.Name,
		RuleIndex:           ruleIndex,
		Level:               metaOf(f.Analyzer.Name).level,
		Message:             sarifMessage{Text: sarifEscape(f.Diag.Message)},
		Locations:           []sarifLocation{{PhysicalLocation: sw.physical(f.Fset, f.Diag.Pos, f.Diag.End)}},
		PartialFingerprints: map[string]string{sarifFingerprint: hashWith(fingerprint(f), loc.URI)},
	}
	if opts.ShowIgnored {
		r.Suppressions = []sarifSuppression{}
	}
	if opts.Baseline != "" {
		r.BaselineState = "new"
		if f.Baselined {
			r.BaselineState = "unchanged"
		}
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
	switch {
	case f.Suppressed:
		s := sarifSuppression{Kind: "inSource"}
		if d := f.Directive; d != nil {
			// The reason is text from the source: a secret pasted into it
			// is not copied (internal/redact).
			s.Justification = redact.Text(d.Reason, redact.SourceSecrets(sw.source(f.Fset.PositionFor(d.Pos, false).Filename)))
			s.Location = &sarifLocation{PhysicalLocation: sw.physical(f.Fset, d.Pos, token.NoPos)}
		}
		r.Suppressions = []sarifSuppression{s}
	case f.Baselined:
		r.Suppressions = []sarifSuppression{{Kind: "external", Justification: "recorded in the baseline " + filepath.ToSlash(opts.Baseline)}}
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

// artifact names a file relative to the repository root (with ../ for a
// file outside it): never by its absolute path, unless no relative one
// exists (another volume).
func (sw *sarifWriter) artifact(filename string) sarifArtifactLocation {
	abs, err := filepath.Abs(filename)
	if err != nil {
		abs = filename
	}
	if rel, err := filepath.Rel(sw.root, abs); err == nil {
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
