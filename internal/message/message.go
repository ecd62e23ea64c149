// Package message is the shape of every sflint diagnostic message: a first
// sentence that says what is wrong and where (the API and the shape), at
// most FirstMax characters, then one sentence with the fix, the two
// separated by ". " so that a tool can cut the message after its first
// sentence (GitHub code scanning shows no more). Why the mistake matters to
// Salesforce is not repeated in every message: it is in the analyzer's
// manual (doc.go: sflint help <analyzer>, docs/analyzers/, SARIF rule help).
//
//	soapforce.(*Client).Login is retried in a loop without classifying the fault. Stop on INVALID_LOGIN, ...
package message

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sflint/sflint/internal/flow"
)

const (
	// FirstMax is the length, in characters, a first sentence keeps within.
	FirstMax = 120
	// Max is the length, in characters, a whole message keeps within.
	Max = 300
	// Sep separates the first sentence from the fix.
	Sep = ". "
)

// Len is the length of s in characters.
func Len(s string) int { return utf8.RuneCountInString(s) }

// Join makes a message of its first sentence and the fix (a sentence), each
// given without its final period (a fix may end with a question mark).
func Join(first, fix string) string {
	switch {
	case fix == "":
		return first + "."
	case strings.HasSuffix(fix, "?"):
		return first + Sep + fix
	}
	return first + Sep + fix + "."
}

// Shortest returns the first of the candidate first sentences that fits
// in FirstMax characters, or the shortest of them.
func Shortest(candidates ...string) string {
	best := ""
	for i, c := range candidates {
		if Len(c) <= FirstMax {
			return c
		}
		if i == 0 || Len(c) < Len(best) {
			best = c
		}
	}
	return best
}

// About makes the message about a call. first writes the first sentence
// with a name for the call: its full name, "sfconn.Connect (which calls
// simpleforce.(*Client).LoginPassword)", when that sentence fits in
// FirstMax characters; else the name written at the call (the wrapper or
// the variable called), the library API it calls then opening the second
// sentence ("sfconn.Connect calls simpleforce.(*Client).LoginPassword:
// log in once...") unless that makes the message longer than Max; else
// the bare name of the function ("PasswordCredentialsToken").
func About(c *flow.Call, first func(name string) string, fix string) string {
	full := c.Name()
	s := first(full)
	if Len(s) <= FirstMax {
		return Join(s, fix)
	}
	short := c.ShortName()
	if short != full {
		s = first(short)
	}
	if b := Bare(short); Len(s) > FirstMax && b != short {
		s = first(b)
	}
	if short != c.APIName() {
		if m := Join(s, Via(c, fix)); Len(m) <= Max {
			return m
		}
	}
	return Join(s, fix)
}

// Bare is a function's name without its package and receiver:
// "PasswordCredentialsToken" for "oauth2.(*Config).PasswordCredentialsToken".
func Bare(name string) string {
	if i := strings.LastIndex(name, "."); i >= 0 && !strings.ContainsAny(name[i:], " ()") {
		return name[i+1:]
	}
	return name
}

// Via opens a fix with the API a wrapper calls: "sfconn.Connect calls
// simpleforce.(*Client).LoginPassword: defer c.Logout() ...".
func Via(c *flow.Call, fix string) string {
	return fmt.Sprintf("%s calls %s: %s", c.ShortName(), c.APIName(), lowerFirst(fix))
}

// Check says what is wrong with the shape of a message, or returns nil: a
// first sentence (the text before the first ". ") longer than FirstMax
// characters, a message longer than Max, more than two sentences, a line
// break, no final period (or question mark, after the first sentence).
func Check(m string) error {
	first, rest, two := strings.Cut(m, Sep)
	if !two {
		first = strings.TrimSuffix(first, ".")
	}
	switch {
	case strings.TrimSpace(first) == "":
		return fmt.Errorf("empty first sentence: %q", m)
	case Len(first) > FirstMax:
		return fmt.Errorf("first sentence of %d characters (at most %d): %q", Len(first), FirstMax, first)
	case Len(m) > Max:
		return fmt.Errorf("message of %d characters (at most %d): %q", Len(m), Max, m)
	case two && strings.Contains(rest, Sep):
		return fmt.Errorf("more than two sentences: %q", m)
	case strings.ContainsAny(m, "\n\r"):
		return fmt.Errorf("line break in message: %q", m)
	case !strings.HasSuffix(m, ".") && !(two && strings.HasSuffix(m, "?")):
		return fmt.Errorf("no final period: %q", m)
	}
	return nil
}

// Upper raises the first letter of s: a fix written to follow a colon
// ("defer c.Logout() after ...") opening its own sentence.
func Upper(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lowers the first letter of s, unless it starts an acronym or a
// name ("POST", "SF_PASSWORD").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); !unicode.IsLower(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
