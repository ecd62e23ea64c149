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
// As a go vet or go fix tool (the same binary speaks the unitchecker
// protocol):
//
//	go vet -vettool=$(command -v sflint) ./...
//	go fix -fixtool=$(command -v sflint) ./...
//
// Both read the .sflint.yml found from the working directory (go vet: from
// each package's directory) up to the module root.
//
// Exit status: 0 no findings; 1 load or analysis error, or -diff printed a
// diff; 2 usage or configuration error; 3 findings reported.
package main

import (
	"fmt"
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
		for _, a := range os.Args[1:] {
			if a == "-V" || a == "--V" || strings.HasPrefix(a, "-V=") || strings.HasPrefix(a, "--V=") {
				os.Exit(vetVersion(a))
			}
		}
		args, err := vetConfigure(s, os.Args[1:])
		if err != nil {
			fmt.Fprintf(os.Stderr, "sflint: %v\n", err)
			os.Exit(1)
		}
		os.Args = append(os.Args[:1], args...)
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
