package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/message"
)

// The examples module compiles against the real client libraries. These
// tests run the built sflint on it, standalone and as a go vet tool, and
// compare both with the golden list in examples/golden/<analyzer>.txt.

func examplesDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildSflint builds the command into a temporary directory.
func buildSflint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sflint")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// finding is "file.go:LINE analyzer", with file relative to examples/.
type finding string

// vetTree is the JSON shape of go vet -json and sflint -json.
type vetTree map[string]map[string]json.RawMessage

type vetDiag struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// parseTrees decodes one or more JSON trees (go vet prints one per package,
// after a "# pkg" line) into findings.
func parseTrees(t *testing.T, dir string, data []byte) []finding {
	t.Helper()
	var clean bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		clean.Write(sc.Bytes())
		clean.WriteByte('\n')
	}
	dec := json.NewDecoder(&clean)
	seen := map[finding]bool{}
	for {
		var tree vetTree
		if err := dec.Decode(&tree); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decoding JSON output: %v\n%s", err, data)
		}
		for _, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var diags []vetDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("%s: not a diagnostic list (an analysis error?): %s", analyzer, raw)
				}
				for _, d := range diags {
					seen[toFinding(t, dir, d.Posn, analyzer)] = true
				}
			}
		}
	}
	var out []finding
	for f := range seen {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

func toFinding(t *testing.T, dir, posn, analyzer string) finding {
	t.Helper()
	// posn is file:line:col
	i := strings.LastIndexByte(posn, ':')
	j := strings.LastIndexByte(posn[:i], ':')
	file, line := posn[:j], posn[j+1:i]
	rel, err := filepath.Rel(dir, file)
	if err != nil {
		t.Fatal(err)
	}
	return finding(filepath.ToSlash(rel) + ":" + line + " " + analyzer)
}

// golden reads examples/golden/*.txt.
func golden(t *testing.T, dir string) []finding {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "golden", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	for _, name := range files {
		analyzer := strings.TrimSuffix(filepath.Base(name), ".txt")
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			out = append(out, finding(line+" "+analyzer))
		}
	}
	slices.Sort(out)
	return out
}

func diff(t *testing.T, what string, got, want []finding) {
	t.Helper()
	for _, f := range want {
		if !slices.Contains(got, f) {
			t.Errorf("%s: missing expected finding %s", what, f)
		}
	}
	for _, f := range got {
		if !slices.Contains(want, f) {
			t.Errorf("%s: unexpected finding %s", what, f)
		}
	}
}

func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sflint and loads the examples module")
	}
	bin := buildSflint(t)
	dir := examplesDir(t)
	want := golden(t, dir)

	// Standalone, with -C: findings exit 3 (or 0 when the golden list is empty).
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "-C", dir, "-json", "./...")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	wantCode := 0
	if len(want) > 0 {
		wantCode = 3
	}
	if code != wantCode {
		t.Fatalf("sflint -json ./...: exit %d, want %d\nstderr:\n%s", code, wantCode, stderr.String())
	}
	standalone := parseTrees(t, dir, stdout.Bytes())
	diff(t, "sflint ./...", standalone, want)
	checkReadmeSample(t, dir, stdout.Bytes())
	checkMessages(t, stdout.Bytes())

	// go vet -vettool: the same findings.
	stdout.Reset()
	stderr.Reset()
	cmd = exec.Command("go", "vet", "-vettool="+bin, "-json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go vet -vettool: %v\n%s", err, stderr.String())
	}
	// go vet prints the JSON trees on stdout since Go 1.26 (on stderr before).
	vet := parseTrees(t, dir, append(stdout.Bytes(), stderr.Bytes()...))
	diff(t, "go vet -vettool", vet, want)
}

// checkMessages checks every message sflint prints on examples/ against
// the shape internal/message gives them: a first sentence of at most
// message.FirstMax characters, at most message.Max in all. It logs the
// median and longest lengths (go test -v) for docs/messages.
func checkMessages(t *testing.T, jsonOut []byte) {
	t.Helper()
	var tree map[string]map[string][]vetDiag
	if err := json.Unmarshal(jsonOut, &tree); err != nil {
		t.Fatal(err)
	}
	var lens []int
	for _, byAnalyzer := range tree {
		for a, diags := range byAnalyzer {
			for _, d := range diags {
				if err := message.Check(d.Message); err != nil {
					t.Errorf("%s: %s: %v", d.Posn, a, err)
				}
				lens = append(lens, message.Len(d.Message))
			}
		}
	}
	if len(lens) == 0 {
		t.Fatal("no messages on examples/")
	}
	slices.Sort(lens)
	t.Logf("%d messages on examples/: median %d characters, longest %d", len(lens), lens[len(lens)/2], lens[len(lens)-1])
}

// readmeLine is "file:line:col: message... (analyzer)", or a related
// location "\tfile:line:col: message...".
var readmeLine = regexp.MustCompile(`^(\t?)([^ :]+:\d+:\d+): (.*?)(?: \.\.\. \(([a-z]+)\))?$`)

// checkReadmeSample checks the quick start's sample output in README.md
// against the JSON findings of sflint ./... on examples/: each line's
// position, analyzer, and the start of its message (up to "...").
func checkReadmeSample(t *testing.T, dir string, jsonOut []byte) {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(dir, "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "<!-- quick-start output")
	if !ok {
		t.Fatal("README.md has no quick-start output block")
	}
	_, rest, _ = strings.Cut(rest, "```\n")
	block, _, _ := strings.Cut(rest, "```")
	type related struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	type diag struct {
		Posn    string    `json:"posn"`
		Message string    `json:"message"`
		Related []related `json:"related"`
	}
	var tree map[string]map[string][]diag
	if err := json.Unmarshal(jsonOut, &tree); err != nil {
		t.Fatal(err)
	}
	rel := func(posn string) string {
		r, _ := filepath.Rel(dir, posn)
		return filepath.ToSlash(r)
	}
	lines := strings.Split(strings.TrimSpace(block), "\n")
	for _, line := range lines {
		m := readmeLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("README quick start: %q is not a finding line", line)
			continue
		}
		indent, posn, msg, analyzer := m[1], m[2], strings.TrimSuffix(m[3], " ..."), m[4]
		found := false
		for _, byAnalyzer := range tree {
			for a, diags := range byAnalyzer {
				for _, d := range diags {
					if indent == "" && a == analyzer && rel(d.Posn) == posn && strings.HasPrefix(d.Message, msg) {
						found = true
					}
					for _, r := range d.Related {
						if indent != "" && rel(r.Posn) == posn && strings.HasPrefix(r.Message, msg) {
							found = true
						}
					}
				}
			}
		}
		if !found {
			t.Errorf("README quick start shows %q, which sflint -C examples ./... does not print", line)
		}
	}
	if len(lines) == 0 {
		t.Error("README quick start shows no output")
	}
}

var markerRE = regexp.MustCompile(`^//\s*(BAD|GOOD)\(([a-z]+)\)`)

// TestExampleMarkers checks the golden list against the BAD(<analyzer>) and
// GOOD(<analyzer>) comments of the examples: every BAD marker has a golden
// finding of its analyzer within the statement that follows it, and no GOOD
// marker has one.
func TestExampleMarkers(t *testing.T) {
	dir := examplesDir(t)
	want := golden(t, dir)
	byAnalyzer := map[string]map[string][]int{} // analyzer -> file -> lines
	for _, f := range want {
		loc, analyzer, _ := strings.Cut(string(f), " ")
		i := strings.LastIndexByte(loc, ':')
		line, err := strconv.Atoi(loc[i+1:])
		if err != nil {
			t.Fatalf("golden line %q: bad line number", f)
		}
		if byAnalyzer[analyzer] == nil {
			byAnalyzer[analyzer] = map[string][]int{}
		}
		byAnalyzer[analyzer][loc[:i]] = append(byAnalyzer[analyzer][loc[:i]], line)
	}
	implemented := map[string]bool{}
	for a := range byAnalyzer {
		implemented[a] = true
	}
	markers := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				m := markerRE.FindStringSubmatch(c.Text)
				if m == nil {
					continue
				}
				markers++
				kind, analyzer := m[1], m[2]
				if _, ok := goldenFile(dir, analyzer); !ok {
					t.Errorf("%s:%d: marker names %q, which has no examples/golden/%s.txt", rel, fset.Position(c.Pos()).Line, analyzer, analyzer)
					continue
				}
				from, to := markedSpan(fset, f, cg)
				hit := false
				for _, l := range byAnalyzer[analyzer][rel] {
					if from <= l && l <= to {
						hit = true
					}
				}
				switch {
				case kind == "BAD" && !hit:
					t.Errorf("%s:%d: BAD(%s) marker, but the golden list has no %s finding on lines %d-%d", rel, fset.Position(c.Pos()).Line, analyzer, analyzer, from, to)
				case kind == "GOOD" && hit:
					t.Errorf("%s:%d: GOOD(%s) marker, but the golden list has a %s finding on lines %d-%d", rel, fset.Position(c.Pos()).Line, analyzer, analyzer, from, to)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if markers == 0 {
		t.Fatal("no BAD/GOOD markers found in examples/")
	}
}

func goldenFile(dir, analyzer string) (string, bool) {
	name := filepath.Join(dir, "golden", analyzer+".txt")
	_, err := os.Stat(name)
	return name, err == nil
}

// markedSpan returns the lines of the declaration, statement or spec that
// starts on the line after the marker comment group (for a doc comment: the
// declaration it documents).
func markedSpan(fset *token.FileSet, f *ast.File, cg *ast.CommentGroup) (int, int) {
	next := fset.Position(cg.End()).Line + 1
	from, to := next, next
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case ast.Stmt, ast.Decl, ast.Spec:
		default:
			return true
		}
		if fset.Position(n.Pos()).Line == next {
			if end := fset.Position(n.End()).Line; end > to {
				to = end
			}
		}
		return true
	})
	return from, to
}
