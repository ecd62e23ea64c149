// Command benchgen measures sflint (scripts/bench.sh runs it). It also plays
// the baselines it compares sflint with, so that one binary does it all:
//
//	benchgen bench [-runs N] [-sizes 20,200,2000] [-md file]   the benchmark
//	benchgen gen -n N -o dir                                     a generated module
//	benchgen onefile                                             one generated service as one file (scripts/profile.sh)
//	benchgen growth [-n N] [-shapes ifs,goto,loops]              cost against the size of one function
//	benchgen noop [flags] packages      a no-op analyzer with facts, in sflint's driver (the loading floor)
//	benchgen ssa [flags] packages       the same, with the SSA form of every package built (buildssa)
//	benchgen nofacts [flags] packages   the same no-op without facts (singlechecker: export data for dependencies)
//
// Run from the repository root. See docs/performance.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/sflint/sflint/internal/driver"
)

// noopFact makes the no-op analyzer need facts, as the shared pass does.
type noopFact struct{ N int }

func (*noopFact) AFact() {}

var noopFacts = &analysis.Analyzer{
	Name:       "noop",
	Doc:        "does nothing, with facts (the loading floor of sflint's driver)",
	FactTypes:  []analysis.Fact{new(noopFact)},
	ResultType: reflect.TypeFor[int](),
	Run:        func(pass *analysis.Pass) (any, error) { return len(pass.Files), nil },
}

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing, without facts",
	Run:  func(pass *analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchgen bench|gen|noop|nofacts ...")
		os.Exit(2)
	}
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "noop":
		// The same driver as sflint: go list metadata, then every package
		// parsed, type-checked and analysed from source, one by one.
		os.Exit(driver.Main("noop", args, os.Stdout, os.Stderr, noopFacts, []*analysis.Analyzer{noopCheck}))
	case "ssa":
		// What building SSA would add to the floor: the flow model could be
		// built on it instead of go/cfg (docs/ARCHITECTURE.md).
		os.Exit(driver.Main("ssa", args, os.Stdout, os.Stderr, noopFacts, []*analysis.Analyzer{noopCheck, ssaCheck}))
	case "nofacts":
		os.Args = append([]string{"nofacts"}, args...)
		singlechecker.Main(noop)
	case "growth":
		if err := growth(args); err != nil {
			fmt.Fprintln(os.Stderr, "benchgen growth:", err)
			os.Exit(1)
		}
	case "gen":
		fs := flag.NewFlagSet("gen", flag.ExitOnError)
		n := fs.Int("n", 20, "number of packages")
		out := fs.String("o", "", "output directory")
		fs.Parse(args)
		if *out == "" {
			fs.Usage()
			os.Exit(2)
		}
		if err := generate("examples", *out, *n); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	case "onefile":
		if err := onefile(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "onefile:", err)
			os.Exit(1)
		}
	case "bench":
		if err := bench(args); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
	default:
		fmt.Fprintf(os.Stderr, "benchgen: unknown command %q\n", cmd)
		os.Exit(2)
	}
}

// noopCheck is the one "check" of the noop driver: it requires the fact pass
// as sflint's checks require the shared pass.
var noopCheck = &analysis.Analyzer{
	Name:     "noopcheck",
	Doc:      "does nothing",
	Requires: []*analysis.Analyzer{noopFacts},
	Run:      func(pass *analysis.Pass) (any, error) { return nil, nil },
}

// ssaCheck requires the SSA form of the package, as a flow model built on
// SSA would.
var ssaCheck = &analysis.Analyzer{
	Name:     "ssacheck",
	Doc:      "builds the package's SSA form and does nothing with it",
	Requires: []*analysis.Analyzer{noopFacts, buildssa.Analyzer},
	Run:      func(pass *analysis.Pass) (any, error) { return nil, nil },
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	must(err)
	return a
}
