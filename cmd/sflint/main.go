// Command sflint finds Go code that logs in to Salesforce badly: logins
// retried blindly until the user is locked out, login faults swallowed,
// sessions thrown away and created again, sessions never logged out, and
// credentials written into the source.
//
// Standalone:
//
//	sflint [flags] ./...
//	sflint -C dir ./...
//	sflint help [analyzer]
//
// As a go vet tool (the same binary speaks the unitchecker protocol):
//
//	go vet -vettool=$(command -v sflint) ./...
//
// Exit status: 0 no findings; 1 load or analysis error; 2 usage error;
// 3 findings reported.
package main

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/sflint/sflint/internal/driver"
	"github.com/sflint/sflint/internal/suite"
)

func main() {
	s := suite.Default()
	if vetProtocol(os.Args[1:]) {
		unitchecker.Main(s.All()...) // does not return
	}
	os.Exit(driver.Main(filepath.Base(os.Args[0]), os.Args[1:], os.Stdout, os.Stderr, s.Login, s.Checks))
}

// vetProtocol reports whether go vet is driving the tool: it asks for the
// version (-V=full) or the flags (-flags), or hands over a *.cfg file.
func vetProtocol(args []string) bool {
	for _, a := range args {
		switch {
		case a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V") || strings.HasPrefix(a, "--V"):
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
