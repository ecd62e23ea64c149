// Package plugin is sflint's golangci-lint v2 module plugin: it registers the
// linter "sflint", whose analyzers are the ones the sflint command runs, built
// from the settings in .golangci.yml.
//
// Build a golangci-lint with it (.custom-gcl.yml):
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/sflint/sflint
//	    import: github.com/sflint/sflint/plugin
//	    path: ../sflint # or version: <tag>
//
// and enable it (.golangci.yml):
//
//	version: "2"
//	linters:
//	  enable: [sflint]
//	  settings:
//	    custom:
//	      sflint:
//	        type: module
//	        settings:
//	          disable: [nologout]
//	          logins: [example.com/app/sf.Connect]
//
// Every settings key is a field of [Settings]; an unknown key is an error.
// golangci-lint reports every finding under the linter name "sflint", with
// the analyzer's name first in the text ("nologout: ..."); //nolint:sflint
// silences them all, //sflint:ignore <analyzer> -- <reason> one analyzer.
package plugin

import (
	"flag"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/suite"
)

// Name is the linter's name in golangci-lint: the key under
// linters.settings.custom, in linters.enable and in //nolint.
const Name = "sflint"

func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings (linters.settings.custom.sflint.settings).
// Each key but enable, disable and flags sets the command-line flag named in
// its flag tag, on the analyzer the flag belongs to, with the same meaning
// and the same checks.
type Settings struct {
	// Enable lists the analyzers to run; empty runs them all.
	Enable []string `json:"enable,omitempty"`
	// Disable lists analyzers not to run.
	Disable []string `json:"disable,omitempty"`

	// Logins are your functions that log in to Salesforce, as
	// import/path.Func or import/path.Type.Method.
	Logins []string `json:"logins,omitempty" flag:"sflogin.login"`
	// Logouts are your functions that end a Salesforce session.
	Logouts []string `json:"logouts,omitempty" flag:"sflogin.logout"`
	// Classifiers are your functions that inspect a login fault code.
	Classifiers []string `json:"classifiers,omitempty" flag:"sflogin.classifier"`
	// RetryHelpers are your functions that call their first func argument
	// again until it succeeds.
	RetryHelpers []string `json:"retry-helpers,omitempty" flag:"sflogin.retry"`
	// Tests makes every analyzer look at _test.go files (hardcodedtoken
	// always does). golangci-lint's run.tests must be true too.
	Tests *bool `json:"tests,omitempty" flag:"sflogin.tests"`

	// BlindRetry configures the blindretry analyzer.
	BlindRetry BlindRetry `json:"blindretry,omitzero"`
	// UnhandledFault configures the unhandledfault analyzer.
	UnhandledFault UnhandledFault `json:"unhandledfault,omitzero"`
	// SessionReuse configures the sessionreuse analyzer.
	SessionReuse SessionReuse `json:"sessionreuse,omitzero"`
	// NoLogout configures the nologout analyzer.
	NoLogout NoLogout `json:"nologout,omitzero"`
	// HardcodedToken configures the hardcodedtoken analyzer.
	HardcodedToken HardcodedToken `json:"hardcodedtoken,omitzero"`

	// Flags sets any analyzer flag by its command-line name without the
	// dash ("hardcodedtoken.min-length": "24"): for flags newer than the
	// keys above.
	Flags map[string]string `json:"flags,omitempty"`
}

// BlindRetry are the blindretry settings.
type BlindRetry struct {
	// Permanent are your functions (import/path.Func) that mark an error as
	// final for a retry helper, like backoff.Permanent.
	Permanent []string `json:"permanent,omitempty" flag:"blindretry.permanent"`
}

// UnhandledFault are the unhandledfault settings.
type UnhandledFault struct {
	// Codes are the fault codes a switch or if chain on a login fault must
	// handle, replacing the default (the codes on which a login must stop)
	// for each vocabulary the list names.
	Codes []string `json:"codes,omitempty" flag:"unhandledfault.codes"`
	// DefaultCounts: a default clause (or final else) that returns, panics
	// or exits counts as handling every code.
	DefaultCounts *bool `json:"default-counts,omitempty" flag:"unhandledfault.default-counts"`
}

// SessionReuse are the sessionreuse settings.
type SessionReuse struct {
	// Handlers are named function types (import/path.Type) whose functions
	// serve one request each, added to the defaults (net/http handlers...).
	Handlers []string `json:"handlers,omitempty" flag:"sessionreuse.handlers"`
	// Schedulers are functions that call the functions passed to them on a
	// timer, added to the k8s wait.Until family, robfig/cron and gocron.
	Schedulers []string `json:"schedulers,omitempty" flag:"sessionreuse.schedulers"`
}

// NoLogout are the nologout settings.
type NoLogout struct {
	// Revoke also reports OAuth logins whose access token is not revoked at
	// /services/oauth2/revoke.
	Revoke *bool `json:"revoke,omitempty" flag:"nologout.revoke"`
}

// HardcodedToken are the hardcodedtoken settings.
type HardcodedToken struct {
	// MinLength: string constants shorter than this many characters are
	// taken for placeholders and not reported (default 8).
	MinLength *int `json:"min-length,omitempty" flag:"hardcodedtoken.min-length"`
	// Tests: check _test.go files (default true: a real token in a test is
	// leaked all the same).
	Tests *bool `json:"tests,omitempty" flag:"hardcodedtoken.tests"`
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// New builds the plugin from golangci-lint's raw settings.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("sflint settings: %w", err)
	}
	analyzers, err := Analyzers(s)
	if err != nil {
		return nil, fmt.Errorf("sflint settings: %w", err)
	}
	return &plugin{analyzers: analyzers}, nil
}

// BuildAnalyzers returns the enabled checks (the shared pass they require
// comes with them).
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every check needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// Analyzers builds the checks the settings select, configured by them.
func Analyzers(s Settings) ([]*analysis.Analyzer, error) {
	all := suite.Names()
	for _, name := range slices.Concat(s.Enable, s.Disable) {
		if !slices.Contains(all, name) {
			return nil, fmt.Errorf("no analyzer named %q (analyzers: %s)", name, strings.Join(all, ", "))
		}
	}
	var enabled []string
	for _, name := range all {
		if (len(s.Enable) == 0 || slices.Contains(s.Enable, name)) && !slices.Contains(s.Disable, name) {
			enabled = append(enabled, name)
		}
	}
	if len(enabled) == 0 {
		return nil, fmt.Errorf("enable and disable leave no analyzer to run")
	}
	st := suite.New(suite.Config{Enabled: enabled})

	flags, err := s.flagValues()
	if err != nil {
		return nil, err
	}
	known := knownFlags()
	for _, fv := range flags {
		if !known[fv.name] {
			return nil, fmt.Errorf("flags: no analyzer flag named %q (flags: %s)", fv.name, strings.Join(sortedKeys(known), ", "))
		}
		analyzer, flagName, _ := strings.Cut(fv.name, ".")
		for _, a := range st.All() {
			if a.Name != analyzer {
				continue // a disabled analyzer's settings are ignored
			}
			if err := a.Flags.Set(flagName, fv.value); err != nil {
				return nil, fmt.Errorf("%s: %v", fv.key, err)
			}
		}
	}
	return st.Checks, nil
}

type flagValue struct {
	key   string // settings key, for errors
	name  string // analyzer.flag
	value string
}

// flagValues turns the set keys into flag assignments, in field order, then
// the flags map in name order.
func (s Settings) flagValues() ([]flagValue, error) {
	out, err := structFlags(reflect.ValueOf(s), "")
	if err != nil {
		return nil, err
	}
	for _, name := range sortedKeys(s.Flags) {
		out = append(out, flagValue{"flags." + strconv.Quote(name), name, s.Flags[name]})
	}
	return out, nil
}

// structFlags returns the flag assignments of the set fields of a settings
// struct, nested structs (one per analyzer) included. Fields without a flag
// tag (enable, disable, flags) are skipped.
func structFlags(v reflect.Value, prefix string) ([]flagValue, error) {
	var out []flagValue
	for i := range v.NumField() {
		field := v.Type().Field(i)
		key, _, _ := strings.Cut(field.Tag.Get("json"), ",")
		key = prefix + key
		f := v.Field(i)
		if f.Kind() == reflect.Struct {
			nested, err := structFlags(f, key+".")
			if err != nil {
				return nil, err
			}
			out = append(out, nested...)
			continue
		}
		name := field.Tag.Get("flag")
		if name == "" {
			continue
		}
		switch f.Kind() {
		case reflect.Slice:
			if f.Len() > 0 {
				out = append(out, flagValue{key, name, strings.Join(f.Interface().([]string), ",")})
			}
		case reflect.Pointer:
			if !f.IsNil() {
				out = append(out, flagValue{key, name, fmt.Sprint(f.Elem().Interface())})
			}
		case reflect.String:
			if f.String() != "" {
				out = append(out, flagValue{key, name, f.String()})
			}
		default:
			return nil, fmt.Errorf("internal error: settings field %s has unsupported kind %s", field.Name, f.Kind())
		}
	}
	return out, nil
}

// knownFlags are the flags of every analyzer, as analyzer.flag.
func knownFlags() map[string]bool {
	known := map[string]bool{}
	for _, a := range suite.Default().All() {
		a.Flags.VisitAll(func(f *flag.Flag) { known[a.Name+"."+f.Name] = true })
	}
	return known
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
