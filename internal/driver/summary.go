package driver

import (
	"fmt"
	"io"
	"strings"
)

// plural is "1 fix", "2 fixes", "0 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "x") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// fixSummary is the line -fix prints on stderr: the fixes applied, the
// files they changed, and what stays reported: findings without an
// automatic fix, and fixes left out (in generated code: a note above says
// which).
func fixSummary(progname string, reported []*Finding, fixes, files int) string {
	msg := fmt.Sprintf("%s: %s applied, %s changed", progname, plural(fixes, "fix"), plural(files, "file"))
	noFix := 0
	for _, f := range reported {
		if len(f.Diag.SuggestedFixes) == 0 {
			noFix++
		}
	}
	if noFix > 0 {
		verb := "remain"
		if noFix == 1 {
			verb = "remains"
		}
		msg += fmt.Sprintf("; %s without an automatic fix %s", plural(noFix, "finding"), verb)
	}
	if left := len(reported) - fixes - noFix; left > 0 {
		msg += fmt.Sprintf("; %s not applied (see the notes above)", plural(left, "fix"))
	}
	return msg
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}
