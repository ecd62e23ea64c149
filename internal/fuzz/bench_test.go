package fuzz

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/suite"
)

// BenchmarkAnalysis runs the default suite in-process, over and over, on
// one generated service package in one file (benchgen onefile), named by
// SFLINT_BENCH_SRC: parsing and type-checking included, the standard
// library and the stubs loaded once. It is a profiling harness, not a timed
// test: scripts/profile.sh writes the file, runs it with a CPU profile and
// prints where the analysis spends (docs/performance.md).
func BenchmarkAnalysis(b *testing.B) { benchRun(b, suite.Default().All()) }

// BenchmarkLoad is BenchmarkAnalysis without the analyzers: parsing and
// type-checking the file alone, the in-process floor that scripts/growth.sh
// -inprocess subtracts.
func BenchmarkLoad(b *testing.B) { benchRun(b, nil) }

func benchRun(b *testing.B, analyzers []*analysis.Analyzer) {
	path := os.Getenv("SFLINT_BENCH_SRC")
	if path == "" {
		b.Skip("SFLINT_BENCH_SRC is not set: run scripts/profile.sh")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	u := theUniverse(b)
	res, err := u.Run("service.go", src, analyzers)
	if err != nil {
		b.Fatal(err)
	}
	if len(res.TypeErrors) > 0 {
		b.Fatalf("the benchmark package does not type-check: %v", res.TypeErrors[0])
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := u.Run("service.go", src, analyzers); err != nil {
			b.Fatal(err)
		}
	}
}
