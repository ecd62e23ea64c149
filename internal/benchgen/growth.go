package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// growth measures how sflint's cost grows with the size of one function:
// generated functions of n logins in three shapes, at n, 2n and 4n logins,
// each in a module of its own, with the CPU time of `sflint ./...`, that of
// the loading floor on the same module (parsing and type-checking the big
// function grow with it too), and the ratio of what sflint costs above the
// floor to the previous size (linear is 2.0 per doubling).
//
//	ifs    n sequential `if` statements, each logging in on the same client,
//	       checking the error, the expired password, querying
//	goto   n labelled blocks that log in and jump forward or back to
//	       another label on a condition: a maze of back edges
//	loops  n retry loops, each classifying the fault and leaving on success
func growth(args []string) error {
	fs := flag.NewFlagSet("growth", flag.ExitOnError)
	start := fs.Int("n", 1000, "logins in the smallest function (then 2n and 4n)")
	shapes := fs.String("shapes", "ifs,goto,loops", "shapes to measure")
	runs := fs.Int("runs", 1, "timed runs of each size (the median CPU time is shown)")
	keep := fs.String("keep", "", "write the generated modules into this directory and keep them")
	inproc := fs.Bool("inprocess", false, "time the analysis of the function in-process (internal/fuzz's BenchmarkAnalysis less BenchmarkLoad), without the noise of loading the build")
	fs.Parse(args)
	if _, err := os.Stat("examples/go.mod"); err != nil {
		return fmt.Errorf("run from the repository root: %v", err)
	}
	tmp, err := os.MkdirTemp("", "sflint-growth-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out := tmp
	if *keep != "" {
		out = *keep
	}
	if *inproc {
		return growthInProcess(tmp, out, *start, *shapes, *runs)
	}
	bin := filepath.Join(tmp, "sflint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/sflint")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Println("| shape | logins | lines | CPU | loading floor, same module | sflint above its floor | ratio to half the size |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	for _, shape := range strings.Split(*shapes, ",") {
		var prev time.Duration
		for n := 1; n <= 4**start; n *= 2 {
			if n > 1 && n < *start {
				continue
			}
			dir := filepath.Join(out, fmt.Sprintf("%s%d", shape, n))
			lines, err := writeGrowth(dir, shape, n)
			if err != nil {
				return err
			}
			// Warm the build cache and the module download once.
			var out bytes.Buffer
			if err := runIn(dir, &out, "go", "build", "./..."); err != nil {
				return fmt.Errorf("go build in %s: %v\n%s", dir, err, out.String())
			}
			// sflint and the loading floor (the no-op analyzer with facts,
			// same driver) on the same module, alternately: what sflint
			// costs above the floor is the analysis of the function.
			var cpus, floors []time.Duration
			for r := 0; r < *runs; r++ {
				cpu, err := cpuOf(dir, bin, "./...")
				if err != nil {
					return err
				}
				cpus = append(cpus, cpu)
				fl, err := cpuOf(dir, self, "noop", "./...")
				if err != nil {
					return err
				}
				floors = append(floors, fl)
			}
			cpu, floor := median(cpus), median(floors)
			if n == 1 {
				fmt.Printf("| %s | 1 | %d | %.2f s | %.2f s | — | — |\n", shape, lines, cpu.Seconds(), floor.Seconds())
				if *start == 1 {
					continue
				}
				n = *start / 2 // the loop doubles it
				continue
			}
			above := max(cpu-floor, 0)
			ratio := "—"
			if prev > 0 {
				ratio = fmt.Sprintf("%.2fx", float64(above)/float64(prev))
			}
			fmt.Printf("| %s | %d | %d | %.2f s | %.2f s | %.2f s | %s |\n", shape, n, lines, cpu.Seconds(), floor.Seconds(), above.Seconds(), ratio)
			prev = above
		}
	}
	return nil
}

func runIn(dir string, out io.Writer, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = out, out
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=-mod=mod")
	return cmd.Run()
}

// cpuOf runs sflint on a module and returns its user+system CPU time.
// sflint exits 3 when it reports findings: that is expected here.
func cpuOf(dir, bin string, args ...string) (time.Duration, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=-mod=mod")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 3 {
		err = nil
	}
	if err != nil {
		return 0, fmt.Errorf("%s in %s: %v\n%s", bin, dir, err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}

// writeGrowth writes a module holding one generated function and returns
// the function's length in lines.
func writeGrowth(dir, shape string, n int) (int, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return 0, err
	}
	mod, err := os.ReadFile("examples/go.mod")
	if err != nil {
		return 0, err
	}
	mod = bytes.Replace(mod, []byte("module github.com/sflint/sflint/examples"), []byte("module example.com/growth"), 1)
	sum, err := os.ReadFile("examples/go.sum")
	if err != nil {
		return 0, err
	}
	var b strings.Builder
	b.WriteString("// Code generated by benchgen growth. DO NOT EDIT.\n\npackage growth\n\n")
	b.WriteString("import (\n\t\"errors\"\n\t\"log\"\n\n\tsoapforce \"github.com/tzmfreedom/go-soapforce\"\n)\n\n")
	b.WriteString("var errExpired = errors.New(\"password expired\")\n\nvar _ = log.Printf\n\n")
	b.WriteString("func transient(err error) bool {\n\tvar f *soapforce.SOAPFault\n\treturn errors.As(err, &f) && f.Code == \"sf:SERVER_UNAVAILABLE\"\n}\n\n")
	b.WriteString("func Big(u, p string, xs []bool) error {\n\tc := soapforce.NewClient()\n\tvar err error\n\tvar res *soapforce.LoginResult\n")
	switch shape {
	case "ifs":
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "\tif xs[%d] {\n\t\tres, err = c.Login(u, p)\n\t\tif err != nil {\n\t\t\tlog.Printf(\"login %d: %%v\", err)\n\t\t\treturn err\n\t\t}\n\t\tif res.PasswordExpired {\n\t\t\treturn errExpired\n\t\t}\n\t\tif _, err := c.Query(\"SELECT Id FROM Account\"); err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n", i%64, i)
		}
	case "goto":
		for i := 0; i < n; i++ {
			to := (i*7 + 3) % n
			fmt.Fprintf(&b, "L%d:\n\tres, err = c.Login(u, p)\n\tif err != nil {\n\t\treturn err\n\t}\n\t_ = res\n\tif xs[%d] {\n\t\tgoto L%d\n\t}\n\tif xs[%d] {\n\t\tgoto L%d\n\t}\n", i, i%64, to, (i+1)%64, (i+1)%n)
		}
	case "loops":
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "\tfor attempt := 0; attempt < 3; attempt++ {\n\t\tres, err = c.Login(u, p)\n\t\tif err == nil {\n\t\t\tbreak\n\t\t}\n\t\tif !transient(err) {\n\t\t\treturn err\n\t\t}\n\t}\n\t_ = res\n")
		}
	default:
		return 0, fmt.Errorf("unknown shape %q", shape)
	}
	b.WriteString("\treturn c.Logout()\n}\n")
	src := b.String()
	for name, data := range map[string][]byte{"go.mod": mod, "go.sum": sum, "growth.go": []byte(src)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
			return 0, err
		}
	}
	return strings.Count(src, "\n"), nil
}

// growthInProcess is growth measured in-process: the default suite on the
// generated file, parsed and type-checked against the stubs of
// internal/fuzz, less the same parsing and type-checking alone. Loading
// the build (about 2 s of CPU that varies by 0.1 s from run to run) is
// left out, so that small functions give readable ratios. The times are
// wall times of one goroutine (the collector's background work on the
// other core is not in them).
func growthInProcess(tmp, out string, start int, shapes string, runs int) error {
	test := filepath.Join(tmp, "fuzz.test")
	build := exec.Command("go", "test", "-c", "-o", test, "./internal/fuzz")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return err
	}
	fmt.Println("| shape | logins | lines | parse + type-check + analysis | parse + type-check | analysis | ratio to half the size |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	for _, shape := range strings.Split(shapes, ",") {
		var prev time.Duration
		for n := start; n <= 4*start; n *= 2 {
			dir := filepath.Join(out, fmt.Sprintf("%s%d", shape, n))
			lines, err := writeGrowth(dir, shape, n)
			if err != nil {
				return err
			}
			var totals, loads, analyses []time.Duration
			for r := 0; r < runs; r++ {
				total, load, err := benchOf(test, filepath.Join(dir, "growth.go"))
				if err != nil {
					return err
				}
				totals, loads, analyses = append(totals, total), append(loads, load), append(analyses, max(total-load, 0))
			}
			a := median(analyses)
			ratio := "—"
			if prev > 0 {
				ratio = fmt.Sprintf("%.2fx", float64(a)/float64(prev))
			}
			fmt.Printf("| %s | %d | %d | %.3f s | %.3f s | %.3f s | %s |\n", shape, n, lines, median(totals).Seconds(), median(loads).Seconds(), a.Seconds(), ratio)
			prev = a
		}
	}
	return nil
}

// benchOf runs BenchmarkAnalysis and BenchmarkLoad on one file and returns
// the time of one run of each.
func benchOf(test, file string) (analysis, load time.Duration, err error) {
	cmd := exec.Command(test, "-test.run", "^$", "-test.bench", "^Benchmark(Analysis|Load)$", "-test.benchtime", "1s")
	cmd.Dir = filepath.Join("internal", "fuzz") // where the test finds its stubs
	cmd.Env = append(os.Environ(), "SFLINT_BENCH_SRC="+file)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("%s on %s: %v\n%s", test, file, err, buf.String())
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || f[3] != "ns/op" {
			continue
		}
		ns, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			continue
		}
		switch {
		case strings.HasPrefix(f[0], "BenchmarkAnalysis"):
			analysis = time.Duration(ns)
		case strings.HasPrefix(f[0], "BenchmarkLoad"):
			load = time.Duration(ns)
		}
	}
	if analysis == 0 || load == 0 {
		return 0, 0, fmt.Errorf("%s on %s: no timing in its output:\n%s", test, file, buf.String())
	}
	return analysis, load, nil
}
