// Command gendocs writes sflint's generated reference pages
// (docs/analyzers/*.md, docs/config.md). Run it with go generate
// ./internal/docs, from anywhere in the repository.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/sflint/sflint/internal/docs"
)

func main() {
	// go generate runs in internal/docs.
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err == nil {
		err = docs.Write(root)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gendocs: %v\n", err)
		os.Exit(1)
	}
}
