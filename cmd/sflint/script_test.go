package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// The test binary doubles as the sflint command of the scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"sflint": main})
}

// TestScript runs the bad-input suite in testdata/script: each script sets up
// a module, runs sflint standalone (and through go vet -vettool=$SFLINT) and
// checks the exit status and every line printed. Scripts run offline
// (GOPROXY=off); the Salesforce library they import is a local stub module
// named with a replace directive.
//
// Commands added to the testscript language:
//
//	status N cmd args...   run cmd; want exit status N and no panic or stack trace
//	genlines N file        write a valid Go file of N lines
//	hexbytes file...       replace each @XX@ (two hex digits) by that byte
func TestScript(t *testing.T) {
	sflint, err := exec.LookPath("sflint")
	if err != nil {
		t.Fatal(err)
	}
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("SFLINT", sflint)
			env.Setenv("GOCACHE", strings.TrimSpace(string(gocache)))
			env.Setenv("GOPATH", filepath.Join(env.WorkDir, ".gopath"))
			env.Setenv("GOMODCACHE", filepath.Join(env.WorkDir, ".gopath", "pkg", "mod"))
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOFLAGS", "")
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("GOWORK", "off")
			env.Setenv("GOENV", "off")
			env.Setenv("CGO_ENABLED", "0")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":   cmdStatus,
			"genlines": cmdGenlines,
			"hexbytes": cmdHexbytes,
		},
		RequireExplicitExec: true,
	})
}

// stackTrace matches what a panic or a runtime error prints.
var stackTrace = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[)|runtime error|\.go:\d+ \+0x`)

func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %v", err)
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	for _, name := range []string{"stdout", "stderr"} {
		if out := ts.ReadFile(name); stackTrace.MatchString(out) {
			ts.Fatalf("%s printed a stack trace on %s", args[1], name)
		}
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

func cmdGenlines(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genlines N file")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 10 {
		ts.Fatalf("genlines: bad line count %q", args[0])
	}
	var b bytes.Buffer
	b.WriteString("// Package big is one very long file.\npackage big\n\nvar sink int\n")
	lines := 4
	for i := 0; lines+5 <= n; i++ {
		fmt.Fprintf(&b, "\n// F%d adds.\nfunc F%d(x int) int {\n\treturn x + %d\n}\n", i, i, i)
		lines += 5
	}
	for ; lines < n; lines++ {
		b.WriteString("\n")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), b.Bytes(), 0o666))
}

var hexByte = regexp.MustCompile(`@[0-9A-Fa-f]{2}@`)

func cmdHexbytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: hexbytes file...")
	}
	for _, f := range args {
		data, err := os.ReadFile(ts.MkAbs(f))
		ts.Check(err)
		data = hexByte.ReplaceAllFunc(data, func(m []byte) []byte {
			v, _ := strconv.ParseUint(string(m[1:3]), 16, 8)
			return []byte{byte(v)}
		})
		ts.Check(os.WriteFile(ts.MkAbs(f), data, 0o666))
	}
}
