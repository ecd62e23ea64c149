package blindretry_test

import (
	"path/filepath"
	"testing"

	"github.com/sflint/sflint/analyzers/blindretry"
	"github.com/sflint/sflint/internal/message/messagetest"
	"github.com/sflint/sflint/internal/testroot"
)

// TestVersions checks that the advice follows the version of simpleforce
// loaded: the 2020 version keeps no fault code to classify.
func TestVersions(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	root := testroot.Merge(t, dir, filepath.Join(dir, "versions", "simpleforce2020"))
	messagetest.Run(t, root, blindretry.Analyzer, "blindretry/v2020")
}
