package fuzz

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sflint/sflint/internal/suite"
)

// slowInput is how long one input may take: less than the 10s after which
// the fuzzing engine kills a worker without a word.
const slowInput = 8 * time.Second

var (
	universeOnce sync.Once
	universe     *Universe
)

// theUniverse is shared by every input of a process: the standard library and
// the stubs the seeds import are type-checked once, up front, so that no
// input pays for it (the fuzzing engine kills a worker whose input takes 10s).
func theUniverse(t testing.TB) *Universe {
	universeOnce.Do(func() {
		universe = NewUniverse(stubDir(t))
		var srcs [][]byte
		for _, src := range seeds(t) {
			srcs = append(srcs, src)
		}
		universe.Preload(srcs)
	})
	return universe
}

func stubDir(t testing.TB) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// seeds returns every Go file of the analyzers' test cases (testdata/src
// without the stubs of third-party packages) and of the examples module.
func seeds(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	add := func(root string, skip func(rel string) bool) {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			if d.IsDir() {
				if rel != "." && skip(filepath.ToSlash(rel)) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".go.golden") {
				if data, err := os.ReadFile(path); err == nil {
					out[path] = data
				}
			}
			return nil
		})
	}
	src := stubDir(t)
	add(src, func(rel string) bool {
		first, _, _ := strings.Cut(rel, "/")
		return strings.Contains(first, ".") // example.com, github.com, golang.org, k8s.io: stubs
	})
	add(filepath.Join("..", "..", "examples"), func(rel string) bool { return rel == "golden" })
	if len(out) == 0 {
		t.Fatal("no seed files found")
	}
	return out
}

// FuzzAnalyzers feeds arbitrary Go source through parsing, type-checking
// (errors allowed) and every analyzer of the default suite. It must never
// panic, and what the analyzers report must be well-formed.
//
//	go test ./internal/fuzz -run '^$' -fuzz FuzzAnalyzers -fuzztime 60s
func FuzzAnalyzers(f *testing.F) {
	for _, src := range seeds(f) {
		f.Add(src)
	}
	analyzers := suite.Default().All()
	theUniverse(f) // before any input is timed
	f.Fuzz(func(t *testing.T, src []byte) {
		u := theUniverse(t)
		// A slow input is a bug too (sflint must never slow a build): past
		// the limit, crash with every goroutine's stack so that the fuzzing
		// engine keeps the input as a crasher.
		timer := time.AfterFunc(slowInput, func() {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			panic(fmt.Sprintf("analysing one input took more than %v:\n%s", slowInput, buf))
		})
		defer timer.Stop()
		if _, err := u.Run("input.go", src, analyzers); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSeedsAnalyzed checks that the seed corpus really reaches the analyzers:
// the stub imports resolve, so the shared pass finds Salesforce calls.
func TestSeedsAnalyzed(t *testing.T) {
	u := theUniverse(t)
	n := 0
	for path, src := range seeds(t) {
		if !strings.Contains(string(src), "simpleforce") {
			continue
		}
		res, err := u.Run(filepath.Base(path), src, suite.Default().All())
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, te := range res.TypeErrors {
			if strings.Contains(te.Msg, "could not import") {
				t.Errorf("%s: %s", path, te.Msg)
			}
		}
		n++
	}
	if n == 0 {
		t.Fatal("no seed uses simpleforce")
	}
}
