// Package sflintignore defines an Analyzer that reports //sflint:ignore
// directives that are malformed or suppress nothing.
//
// # Analyzer sflintignore
//
// sflintignore: report //sflint:ignore directives that are malformed or suppress nothing
//
// Suppressing a finding:
//
// Every sflint analyzer, under every driver (sflint, go vet, golangci-lint),
// honours one directive:
//
//	//sflint:ignore <analyzer>[,<analyzer>] -- <reason>
//
// It suppresses the findings of the named analyzers on its own line and on
// the line below; written in a function's doc comment, it suppresses them in
// the whole function:
//
//	res, err := client.Login(user, pass) //sflint:ignore blindretry -- one attempt per cron run
//
//	//sflint:ignore nologout -- the session is handed to the pool, which logs out
//	res, err := client.Login(user, pass)
//
//	// smokeTest logs in against a scratch org with a throwaway user.
//	//
//	//sflint:ignore hardcodedtoken,nologout -- scratch-org credentials, deleted nightly
//	func smokeTest() { ... }
//
// The reason is for the reader: say why the finding does not apply. The
// directive is written like every Go directive, with no space after //.
// golangci-lint's own //nolint:sflint also works there, but knows only the
// plugin as a whole and works under no other driver.
//
// What is reported:
//
// A directive that would otherwise be silently wrong:
//
//   - it names no analyzer (//sflint:ignore -- reason);
//   - a name is not an sflint analyzer (a typo, with a suggestion when one
//     analyzer is close), or holds a space (names are separated by commas,
//     and the reason follows " -- ");
//   - it gives no reason (the directive still suppresses);
//   - it suppresses nothing: the named analyzer ran on the file and reported
//     nothing on the directive's line or the next, or in its function. The
//     suggested fix removes the directive, or the unused names from it;
//   - it is written "// sflint:ignore" with a space, which makes it an
//     ordinary comment. The suggested fix removes the space.
//
// "Suppresses nothing" is judged only for analyzers that ran on the file: not
// for an analyzer disabled in the golangci-lint settings, not in _test.go
// files unless tests are analysed (-sflogin.tests or the "tests" setting),
// and never for a directive naming this analyzer before it has reported.
// When the standalone driver is told to leave an analyzer out
// (-nologout=false), that analyzer still runs for this one, its findings
// unshown, so that its directives are judged on what it would report.
//
// A directive can silence this analyzer too: //sflint:ignore sflintignore --
// <reason>. Disable it with -sflintignore=false, or leave it out of the
// golangci-lint "enable" setting.
package sflintignore
