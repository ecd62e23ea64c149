package suite_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sflint/sflint/internal/suite"
)

// TestConsistency runs every check on code that handles the login right in
// the shapes the checks used to judge differently (a classified retry,
// branches taken only on a failure, a type switch on the error): one flow
// model answers all of them, so none may report anything.
func TestConsistency(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range suite.Default().Checks {
		if a.Name == "sflintignore" {
			continue
		}
		t.Run(a.Name, func(t *testing.T) {
			// Each check's own facts (wrappers, classifiers) are not the
			// question here: only its diagnostics are.
			analysistest.Run(diagnosticsOnly{t}, dir, a, "consistency/quiet")
		})
	}
}

// diagnosticsOnly reports analysistest's errors but those about facts.
type diagnosticsOnly struct{ t *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "unexpected fact") {
		d.t.Helper()
		d.t.Error(msg)
	}
}
