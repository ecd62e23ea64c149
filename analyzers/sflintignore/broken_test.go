package sflintignore_test

import (
	"testing"

	"github.com/sflint/sflint/internal/message/messagetest"
	"github.com/sflint/sflint/internal/sflogin"
)

// TestBroken: in a package that does not type-check, findings in the
// functions with errors are dropped (by the shared pass, for every check),
// and the directives covering them are not judged unused.
func TestBroken(t *testing.T) {
	a := both(sflogin.Analyzer)
	for _, x := range append(a.Requires, a) {
		x.RunDespiteErrors = true
		for _, y := range x.Requires {
			y.RunDespiteErrors = true
		}
	}
	messagetest.Run(t, testdata(t), a, "sflintignore/broken")
}
