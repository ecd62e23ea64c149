package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// measurement is the median wall time, the median CPU time and the peak
// resident memory (of the process and every descendant it waited for) of a
// command over the runs. CPU time is what to compare on a shared machine.
type measurement struct {
	wall   time.Duration
	cpu    time.Duration // user+system, of the process and its descendants
	rssKiB int64
	exit   int
}

type benchEnv struct {
	tmp    string
	sflint string
	self   string
	runs   int
	nonce  int
	// lenient accepts any exit status (go vet exits 1 on findings).
	lenient bool
	env     []string
	out     io.Writer
	// compare is another sflint binary measured beside this one.
	compare string
}

func bench(args []string) error {
	fs := flag.NewFlagSet("bench", flag.ExitOnError)
	runs := fs.Int("runs", 3, "timed runs of each command (the median is shown)")
	sizesFlag := fs.String("sizes", "20,200,2000", "sizes of the generated module, in packages")
	xtools := fs.Bool("xtools", true, "measure golang.org/x/tools@v0.52.0 from the module cache")
	speed := fs.Bool("speed", true, "the speed tables: examples/, x/tools and the generated module at -sizes")
	mem := fs.Bool("mem", true, "the memory table: peak RSS on std, x/tools (with -xtools) and -large")
	large := fs.String("large", "", "`dir` of a large module for the memory table, e.g. a clone of github.com/prometheus/prometheus (GOWORK=off; its dependencies come from the module proxy)")
	compare := fs.String("compare", "", "another sflint `binary` to measure beside this one, in the speed and memory tables (e.g. one built from main)")
	fs.Parse(args)
	var sizes []int
	for _, s := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("bad -sizes %q", *sizesFlag)
		}
		sizes = append(sizes, n)
	}
	if _, err := os.Stat("examples/go.mod"); err != nil {
		return fmt.Errorf("run from the repository root: %v", err)
	}
	tmp, err := os.MkdirTemp("", "sflint-bench-")
	if err != nil {
		return err
	}
	defer func() {
		exec.Command("chmod", "-R", "u+w", tmp).Run()
		os.RemoveAll(tmp)
	}()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	b := &benchEnv{
		tmp:     tmp,
		sflint:  filepath.Join(tmp, "sflint"),
		self:    self,
		runs:    *runs,
		nonce:   int(time.Now().UnixNano() % 1e9), // fresh vet cache keys, run after run
		env:     append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off"),
		out:     os.Stdout,
		compare: *compare,
	}
	if err := b.run(".", nil, "go", "build", "-o", b.sflint, "./cmd/sflint"); err != nil {
		return err
	}
	goVersion, _ := exec.Command("go", "env", "GOVERSION").Output()
	fmt.Fprintf(b.out, "sflint benchmark: %s, %s/%s, %d CPUs, median of %d runs, CGO_ENABLED=0, warm build cache\n\n",
		strings.TrimSpace(string(goVersion)), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), b.runs)

	xtoolsDir := ""
	if *xtools {
		if xtoolsDir, err = b.copyModule("golang.org/x/tools@v0.52.0"); err != nil {
			return err
		}
	}
	if *mem {
		if err := b.memory(xtoolsDir, *large, *compare); err != nil {
			return err
		}
	}
	if !*speed {
		return nil
	}
	// examples/: the cached go vet -vettool re-run too.
	if _, err := b.workload("examples/", abs("examples"), true); err != nil {
		return err
	}
	if *xtools {
		if _, err := b.workload("golang.org/x/tools@v0.52.0", xtoolsDir, false); err != nil {
			return err
		}
	}
	var growth []row
	for _, n := range sizes {
		dir := filepath.Join(tmp, fmt.Sprintf("gen%d", n))
		if err := generate("examples", dir, n); err != nil {
			return err
		}
		name := fmt.Sprintf("generated, %d packages", n)
		m, err := b.workload(name, dir, false)
		if err != nil {
			return err
		}
		growth = append(growth, row{fmt.Sprint(n), m})
	}
	if len(growth) > 1 {
		fmt.Fprintf(b.out, "### Growth with size (generated module, sflint ./...)\n\n")
		fmt.Fprintf(b.out, "| packages | wall | CPU | CPU per package | peak RSS | CPU ratio vs previous size | size ratio |\n|---:|---:|---:|---:|---:|---:|---:|\n")
		for i, g := range growth {
			n, _ := strconv.Atoi(g.name)
			ratio, sratio := "", ""
			if i > 0 {
				p, _ := strconv.Atoi(growth[i-1].name)
				ratio = fmt.Sprintf("%.1fx", g.m.cpu.Seconds()/growth[i-1].m.cpu.Seconds())
				sratio = fmt.Sprintf("%.0fx", float64(n)/float64(p))
			}
			fmt.Fprintf(b.out, "| %d | %s | %s | %.1f ms | %s | %s | %s |\n", n, secs(g.m.wall), secs(g.m.cpu),
				float64(g.m.cpu.Milliseconds())/float64(n), mib(g.m.rssKiB), ratio, sratio)
		}
		fmt.Fprintln(b.out)
	}
	return nil
}

type row struct {
	name string
	m    measurement
}

// workload measures sflint and its baselines on the module in dir.
func (b *benchEnv) workload(name, dir string, vetCache bool) (measurement, error) {
	// Dependencies downloaded, everything compiled once (go vet needs the
	// compiled export data; sflint does not): the build cache is warm.
	if err := b.run(dir, nil, "go", "mod", "download"); err != nil {
		return measurement{}, err
	}
	if err := b.run(dir, nil, "go", "vet", "./..."); err != nil {
		return measurement{}, fmt.Errorf("%s: go vet: %v", name, err)
	}
	if _, err := b.once(dir, b.sflint, "./..."); err != nil { // page cache
		return measurement{}, err
	}
	var rows []row
	add := func(label string, argv ...string) error {
		m, err := b.measure(dir, argv[0], argv[1:]...)
		if err != nil {
			return fmt.Errorf("%s: %s: %v", name, label, err)
		}
		rows = append(rows, row{label, m})
		return nil
	}
	// sflint, its floor and the -compare build take turns, run after run:
	// on a shared machine their ratios are only meaningful measured so.
	together := [][]string{{b.sflint, "./..."}, {b.self, "noop", "./..."}}
	if b.compare != "" {
		together = append(together, []string{b.compare, "./..."})
	}
	ms, err := b.measureTogether(dir, together)
	if err != nil {
		return measurement{}, fmt.Errorf("%s: %v", name, err)
	}
	rows = append(rows, row{"sflint ./...", ms[0]}, row{"no-op analyzer with facts, same driver (loading floor)", ms[1]})
	if err := add("no-op analyzer without facts (singlechecker)", b.self, "nofacts", "./..."); err != nil {
		return measurement{}, err
	}
	if err := add("loading floor + SSA of every package (buildssa)", b.self, "ssa", "./..."); err != nil {
		return measurement{}, err
	}
	// go vet caches its results; a flag that changes nothing (a printf
	// wrapper name that matches no function) gives each run a fresh cache
	// key, so every package is vetted again while compiled code stays cached.
	b.nonce++
	if err := b.addVet(&rows, dir, name); err != nil {
		return measurement{}, err
	}
	if vetCache {
		// go vet exits 1 when the tool reports findings, as it does here.
		vet := []string{"vet", "-vettool=" + b.sflint, "./..."}
		b.once(dir, "go", vet...)
		b.lenient = true
		err := add("go vet -vettool=sflint ./..., cached re-run", append([]string{"go"}, vet...)...)
		b.lenient = false
		if err != nil {
			return measurement{}, err
		}
	}
	if b.compare != "" {
		rows = append(rows, row{"sflint ./... (-compare build)", ms[2]})
	}
	floor := rows[1].m
	vet := rows[4].m
	fmt.Fprintf(b.out, "### %s\n\n", name)
	fmt.Fprintf(b.out, "| command | wall | CPU | peak RSS | wall / floor | CPU / floor | wall / go vet | CPU / go vet |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(b.out, "| %s | %s | %s | %s | %.2f | %.2f | %.2f | %.2f |\n", r.name, secs(r.m.wall), secs(r.m.cpu), mib(r.m.rssKiB),
			r.m.wall.Seconds()/floor.wall.Seconds(), r.m.cpu.Seconds()/floor.cpu.Seconds(),
			r.m.wall.Seconds()/vet.wall.Seconds(), r.m.cpu.Seconds()/vet.cpu.Seconds())
	}
	fmt.Fprintln(b.out)
	return rows[0].m, nil
}

// memory prints the peak resident memory of the standalone command, of
// the go vet -vettool route and of the loading floor, side by side, on std,
// on x/tools (when xtoolsDir is set) and on a large module (when large is
// set); with compare, of another sflint binary too.
func (b *benchEnv) memory(xtoolsDir, large, compare string) error {
	type workload struct{ name, dir, pattern string }
	loads := []workload{{"std", abs("."), "std"}}
	if xtoolsDir != "" {
		loads = append(loads, workload{"golang.org/x/tools@v0.52.0", xtoolsDir, "./..."})
	}
	if large != "" {
		loads = append(loads, workload{filepath.Base(abs(large)) + " (-large)", abs(large), "./..."})
	}
	fmt.Fprintf(b.out, "### Peak memory\n\n")
	fmt.Fprintf(b.out, "Peak RSS of the largest process (go vet: the go command or one vet process); wall and CPU for scale. go vet -vettool results are not cached (a fresh flag value each run).\n\n")
	fmt.Fprintf(b.out, "| workload | command | wall | CPU | peak RSS | RSS / floor |\n|---|---|---:|---:|---:|---:|\n")
	for _, w := range loads {
		// Everything compiled once (go vet needs export data), files in the page cache.
		if w.pattern != "std" {
			if err := b.run(w.dir, nil, "go", "mod", "download"); err != nil {
				return err
			}
		}
		b.lenient = true
		b.once(w.dir, "go", "vet", "-vettool="+b.sflint, w.pattern)
		b.lenient = false
		if _, err := b.once(w.dir, b.sflint, w.pattern); err != nil {
			return fmt.Errorf("%s: %v", w.name, err)
		}
		var rows []row
		add := func(label string, argv ...string) error {
			m, err := b.measure(w.dir, argv[0], argv[1:]...)
			if err != nil {
				return fmt.Errorf("%s: %s: %v", w.name, label, err)
			}
			rows = append(rows, row{label, m})
			return nil
		}
		if err := add("sflint "+w.pattern, b.sflint, w.pattern); err != nil {
			return err
		}
		if compare != "" {
			if err := add("sflint "+w.pattern+" (-compare build)", compare, w.pattern); err != nil {
				return err
			}
		}
		if err := add("loading floor (no-op with facts, same driver)", b.self, "noop", w.pattern); err != nil {
			return err
		}
		var walls, cpus []time.Duration
		var peak int64
		b.lenient = true // go vet exits 1 on findings
		for i := 0; i < b.runs; i++ {
			b.nonce++
			m, err := b.once(w.dir, "go", "vet", "-vettool="+b.sflint, fmt.Sprintf("-sflogin.classifier=example.com/sflintbenchnonce%d.F", b.nonce), w.pattern)
			if err != nil {
				b.lenient = false
				return fmt.Errorf("%s: go vet -vettool: %v", w.name, err)
			}
			walls, cpus, peak = append(walls, m.wall), append(cpus, m.cpu), max(peak, m.rssKiB)
		}
		b.lenient = false
		rows = append(rows, row{"go vet -vettool=sflint " + w.pattern, measurement{wall: median(walls), cpu: median(cpus), rssKiB: peak}})
		floor := rows[len(rows)-2].m
		for _, r := range rows {
			fmt.Fprintf(b.out, "| %s | %s | %s | %s | %s | %.2f |\n", w.name, r.name, secs(r.m.wall), secs(r.m.cpu), mib(r.m.rssKiB),
				float64(r.m.rssKiB)/float64(floor.rssKiB))
		}
	}
	fmt.Fprintln(b.out)
	return nil
}

func (b *benchEnv) addVet(rows *[]row, dir, name string) error {
	var walls, cpus []time.Duration
	var peak int64
	for i := 0; i < b.runs; i++ {
		b.nonce++
		m, err := b.once(dir, "go", "vet", fmt.Sprintf("-printf.funcs=sflintBenchNonce%d", b.nonce), "./...")
		if err != nil {
			return fmt.Errorf("%s: go vet: %v", name, err)
		}
		walls = append(walls, m.wall)
		cpus = append(cpus, m.cpu)
		peak = max(peak, m.rssKiB)
	}
	*rows = append(*rows, row{"go vet ./... (default suite, results not cached)", measurement{wall: median(walls), cpu: median(cpus), rssKiB: peak}})
	return nil
}

// measure runs the command b.runs times; findings (exit 3) are fine.
func (b *benchEnv) measure(dir, name string, args ...string) (measurement, error) {
	ms, err := b.measureTogether(dir, [][]string{append([]string{name}, args...)})
	if err != nil {
		return measurement{}, err
	}
	return ms[0], nil
}

// measureTogether measures the commands in turn, run after run (the first,
// then the second... then the first again), so that a machine that slows
// down or speeds up during the benchmark weighs on each alike.
func (b *benchEnv) measureTogether(dir string, cmds [][]string) ([]measurement, error) {
	walls := make([][]time.Duration, len(cmds))
	cpus := make([][]time.Duration, len(cmds))
	peaks := make([]int64, len(cmds))
	for i := 0; i < b.runs; i++ {
		for j, argv := range cmds {
			m, err := b.once(dir, argv[0], argv[1:]...)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", strings.Join(argv, " "), err)
			}
			walls[j] = append(walls[j], m.wall)
			cpus[j] = append(cpus[j], m.cpu)
			peaks[j] = max(peaks[j], m.rssKiB)
		}
	}
	out := make([]measurement, len(cmds))
	for j := range cmds {
		out[j] = measurement{wall: median(walls[j]), cpu: median(cpus[j]), rssKiB: peaks[j]}
	}
	return out, nil
}

func (b *benchEnv) once(dir, name string, args ...string) (measurement, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = b.env
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	m := measurement{wall: time.Since(start)}
	if cmd.ProcessState != nil {
		m.exit = cmd.ProcessState.ExitCode()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			m.rssKiB = ru.Maxrss
			m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	if err != nil && m.exit != 3 && !(b.lenient && m.exit > 0) {
		return m, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(stderr.String()))
	}
	return m, nil
}

func (b *benchEnv) run(dir string, stdout io.Writer, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = b.env
	var stderr bytes.Buffer
	cmd.Stdout = stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, tail(stderr.String()))
	}
	return nil
}

// copyModule downloads a module and copies it somewhere writable.
func (b *benchEnv) copyModule(mod string) (string, error) {
	var out bytes.Buffer
	if err := b.run(".", &out, "go", "mod", "download", "-json", mod); err != nil {
		return "", err
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out.Bytes(), &info); err != nil || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: no directory", mod)
	}
	dst := filepath.Join(b.tmp, "xtools")
	if err := b.run(".", nil, "cp", "-r", info.Dir, dst); err != nil {
		return "", err
	}
	return dst, b.run(".", nil, "chmod", "-R", "u+w", dst)
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
func mib(kib int64) string        { return fmt.Sprintf("%d MiB", kib/1024) }

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > 10 {
		lines = lines[len(lines)-10:]
	}
	return strings.Join(lines, "\n")
}
