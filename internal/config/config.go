// Package config is sflint's one set of settings: the keys of the .sflint.yml
// file that the sflint command and the go vet tool read, and of the
// golangci-lint plugin's settings block. One decoding serves all three: the
// keys, their types, the "did you mean" for a misspelt key, and the
// translation of each key into the analyzer flag it sets.
//
// Every key but enable, disable, tests and flags sets one analyzer flag
// (its flag tag), with the same meaning and the same checks as the flag.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sflint/sflint/internal/suggest"
)

// Settings are the keys of .sflint.yml and of golangci-lint's
// linters.settings.custom.sflint.settings.
type Settings struct {
	// Enable names the analyzers to run; empty runs them all.
	Enable []string `json:"enable,omitempty"`
	// Disable names analyzers not to run.
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
	// Handlers are your named function types (import/path.Type) whose
	// functions serve one request each, and interface methods called once
	// per request (import/path.Iface.Method), added to the defaults
	// (net/http handlers, Prometheus Collect...).
	Handlers []string `json:"handlers,omitempty" flag:"sflogin.handlers"`
	// Schedulers are your functions that call the functions passed to them
	// on a timer, added to the k8s wait.Until family, robfig/cron and gocron.
	Schedulers []string `json:"schedulers,omitempty" flag:"sflogin.schedulers"`
	// Tests is the test-file rule: secrets (the default: only
	// hardcodedtoken looks at _test.go files), all or none. See [TestRule].
	Tests TestRule `json:"tests,omitempty"`

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
	// Handlers: deprecated, use the top-level handlers key (the same list:
	// blindretry reads it too).
	Handlers []string `json:"handlers,omitempty" flag:"sessionreuse.handlers"`
	// Schedulers: deprecated, use the top-level schedulers key.
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
	// Tests: deprecated, use the top-level tests key (false leaves
	// _test.go files out of this analyzer).
	Tests *bool `json:"tests,omitempty" flag:"hardcodedtoken.tests"`
}

// TestRule says which analyzers look at _test.go files.
type TestRule string

// The test rules. The default is TestsSecrets.
const (
	// TestsSecrets: only hardcodedtoken looks at _test.go files (a real
	// credential in a test is leaked all the same); the other analyzers
	// judge production code only.
	TestsSecrets TestRule = "secrets"
	// TestsAll: every analyzer looks at _test.go files.
	TestsAll TestRule = "all"
	// TestsNone: no analyzer does (the sflint command does not even load
	// test packages).
	TestsNone TestRule = "none"
)

// TestRules are the valid rules, for messages.
var TestRules = []TestRule{TestsSecrets, TestsAll, TestsNone}

// ParseTestRule parses a -tests flag value.
func ParseTestRule(s string) (TestRule, error) {
	r := TestRule(s)
	if slices.Contains(TestRules, r) {
		return r, nil
	}
	msg := fmt.Sprintf("want %s, %s or %s, not %q", TestsSecrets, TestsAll, TestsNone, s)
	if near := suggest.Closest(s, []string{"secrets", "all", "none"}); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	return "", errors.New(msg)
}

// UnmarshalJSON accepts the rule names, and the booleans of the older
// plugin key tests (true: every analyzer; false: the default).
func (r *TestRule) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "null":
		*r = ""
		return nil
	case "true":
		*r = TestsAll
		return nil
	case "false":
		*r = TestsSecrets
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return ruleError{fmt.Errorf("want %s, %s or %s, not %s", TestsSecrets, TestsAll, TestsNone, b)}
	}
	rule, err := ParseTestRule(s)
	if err != nil {
		return ruleError{err}
	}
	*r = rule
	return nil
}

// ruleError is a bad value of the tests key.
type ruleError struct{ error }

// Flags are the analyzer flag values the rule sets. The sflint command also
// skips loading test packages under TestsNone.
func (r TestRule) Flags() map[string]string {
	if r == "" {
		return nil
	}
	return map[string]string{
		"sflogin.tests":        strconv.FormatBool(r == TestsAll),
		"hardcodedtoken.tests": strconv.FormatBool(r != TestsNone),
	}
}

// Decode decodes settings as golangci-lint hands them over (decoded YAML:
// maps, lists, strings, numbers, booleans, nil) or as read from a file.
// An unknown key is an error that names the valid ones; where is prepended
// to it, with the key's line when line knows it.
func Decode(raw any) (Settings, error) {
	return decode(raw, nil)
}

// decode checks the keys, then decodes through JSON, which checks the types.
// line maps a dotted key path to its line in a file (nil: no lines).
func decode(raw any, line func(path string) string) (Settings, error) {
	var s Settings
	if raw == nil {
		return s, nil
	}
	if err := checkKeys(raw, reflect.TypeFor[Settings](), "", line); err != nil {
		return s, err
	}
	// A flag value may be written as YAML would have it: true, 24.
	if m, ok := raw.(map[string]any)["flags"].(map[string]any); ok {
		for k, v := range m {
			switch v := v.(type) {
			case bool, int, int64, uint64, float64:
				m[k] = fmt.Sprint(v)
			}
		}
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return s, fmt.Errorf("settings are not plain data: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, typeError(err, line)
	}
	return s, nil
}

// keys returns the JSON keys of a settings struct, in field order.
func keys(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		out = append(out, name)
	}
	return out
}

func field(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// checkKeys rejects keys that are not fields of t, recursively into the
// per-analyzer blocks, naming the valid keys and the nearest one.
func checkKeys(raw any, t reflect.Type, prefix string, line func(string) string) error {
	m, ok := raw.(map[string]any)
	if !ok {
		what := "settings"
		if prefix != "" {
			what = strings.TrimSuffix(prefix, ".")
		}
		return fmt.Errorf("%s%s: want a mapping of keys (%s), not %s", at(line, strings.TrimSuffix(prefix, ".")), what, strings.Join(keys(t), ", "), describe(raw))
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		f, ok := field(t, k)
		if !ok {
			valid := keys(t)
			msg := fmt.Sprintf("%sunknown key %q", at(line, prefix+k), prefix+k)
			if near := suggest.Closest(k, valid); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", prefix+near)
			}
			where := "valid keys"
			if prefix != "" {
				where = "valid keys under " + strings.TrimSuffix(prefix, ".")
			}
			return fmt.Errorf("%s; %s: %s", msg, where, strings.Join(valid, ", "))
		}
		if f.Type.Kind() == reflect.Struct && m[k] != nil {
			if err := checkKeys(m[k], f.Type, prefix+k+".", line); err != nil {
				return err
			}
		}
	}
	return nil
}

func at(line func(string) string, path string) string {
	if line == nil {
		return ""
	}
	return line(path)
}

// typeError rewrites encoding/json's errors as "key: want ..., not ...".
func typeError(err error, line func(string) string) error {
	var re ruleError
	if errors.As(err, &re) {
		return fmt.Errorf("%stests: %v", at(line, "tests"), re.error)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Errorf("settings: want a mapping of keys, not %s", te.Value)
		}
		want := kindName(te.Type)
		if t, ok := fieldType(te.Field); ok {
			want = kindName(t)
		}
		return fmt.Errorf("%s%s: want %s, not %s", at(line, te.Field), te.Field, want, jsonKind(te.Value))
	}
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

// jsonKind names the kind encoding/json reports ("string", "number 1.5").
func jsonKind(v string) string {
	switch kind, _, _ := strings.Cut(v, " "); kind {
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "bool":
		return "a boolean"
	case "object":
		return "a mapping"
	case "array":
		return "a list"
	}
	return v
}

// fieldType returns the type of the settings field at a dotted key path.
func fieldType(path string) (reflect.Type, bool) {
	t := reflect.TypeFor[Settings]()
	for _, k := range strings.Split(path, ".") {
		if t.Kind() != reflect.Struct {
			return nil, false
		}
		f, ok := field(t, k)
		if !ok {
			return nil, false
		}
		t = f.Type
	}
	return t, true
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(kindName(t.Elem()), "a ") + "s"
	case reflect.Map:
		return "a mapping of names to strings"
	case reflect.Struct:
		return "a mapping of keys"
	case reflect.Pointer:
		return kindName(t.Elem())
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.String:
		if t == reflect.TypeFor[TestRule]() {
			return fmt.Sprintf("%s, %s or %s", TestsSecrets, TestsAll, TestsNone)
		}
		return "a string"
	}
	return t.String()
}

func describe(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int, int64, float64, uint64:
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

// An Assignment is one flag value that a key sets.
type Assignment struct {
	Key   string // the settings key, for messages ("hardcodedtoken.min-length", `flags."x.y"`)
	Flag  string // the flag: "analyzer.flag", or an analyzer's name (enable/disable)
	Value string
}

// Selection reports whether the assignment enables or disables an analyzer.
func (a Assignment) Selection() bool { return !strings.Contains(a.Flag, ".") }

// Assignments turns the settings into flag values, in a fixed order: the
// analyzer selection (enable, disable), the tests rule, the keys in field
// order, then the flags map in name order. analyzers are the names of the
// checks that exist and flags the names of every analyzer flag
// ("analyzer.flag"), against which names are checked.
func (s Settings) Assignments(analyzers, flags []string) ([]Assignment, error) {
	var out []Assignment
	for _, name := range slices.Concat(s.Enable, s.Disable) {
		if !slices.Contains(analyzers, name) {
			msg := fmt.Sprintf("no analyzer named %q", name)
			if near := suggest.Closest(name, analyzers); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			key := "enable"
			if !slices.Contains(s.Enable, name) {
				key = "disable"
			}
			return nil, &KeyError{Key: key, Err: fmt.Errorf("%s; analyzers: %s", msg, strings.Join(analyzers, ", "))}
		}
	}
	if len(s.Enable) > 0 || len(s.Disable) > 0 {
		enabled := s.Enabled(analyzers)
		if len(enabled) == 0 {
			return nil, &KeyError{Key: "disable", Err: errors.New("enable and disable leave no analyzer to run")}
		}
		for _, name := range analyzers {
			out = append(out, Assignment{Key: "enable", Flag: name, Value: strconv.FormatBool(slices.Contains(enabled, name))})
		}
	}
	rule := s.Tests.Flags()
	for _, f := range sortedKeys(rule) {
		out = append(out, Assignment{Key: "tests", Flag: f, Value: rule[f]})
	}
	fields, err := structFlags(reflect.ValueOf(s), "")
	if err != nil {
		return nil, err
	}
	out = append(out, fields...)
	for _, name := range sortedKeys(s.Flags) {
		key := "flags." + strconv.Quote(name)
		if !slices.Contains(flags, name) {
			msg := fmt.Sprintf("no analyzer flag named %q", name)
			if near := suggest.Closest(name, flags); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			return nil, &KeyError{Key: key, Err: fmt.Errorf("%s; flags: %s", msg, strings.Join(flags, ", "))}
		}
		out = append(out, Assignment{Key: key, Flag: name, Value: s.Flags[name]})
	}
	return out, nil
}

// Enabled returns the analyzers that enable and disable select, in the
// order of all.
func (s Settings) Enabled(all []string) []string {
	var enabled []string
	for _, name := range all {
		if (len(s.Enable) == 0 || slices.Contains(s.Enable, name)) && !slices.Contains(s.Disable, name) {
			enabled = append(enabled, name)
		}
	}
	return enabled
}

// A KeyError is an error about the value of one key.
type KeyError struct {
	Key string
	Err error
}

func (e *KeyError) Error() string { return e.Key + ": " + e.Err.Error() }
func (e *KeyError) Unwrap() error { return e.Err }

// Apply sets each assignment with set (skipping those skip reports true),
// and names the key in an error.
func Apply(as []Assignment, set func(flag, value string) error, skip func(Assignment) bool) error {
	for _, a := range as {
		if skip != nil && skip(a) {
			continue
		}
		if err := set(a.Flag, a.Value); err != nil {
			return &KeyError{Key: a.Key, Err: err}
		}
	}
	return nil
}

// structFlags returns the flag assignments of the set fields of a settings
// struct, nested structs (one per analyzer) included. Fields without a flag
// tag (enable, disable, tests, flags) are skipped.
func structFlags(v reflect.Value, prefix string) ([]Assignment, error) {
	var out []Assignment
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
				out = append(out, Assignment{key, name, strings.Join(f.Interface().([]string), ",")})
			}
		case reflect.Pointer:
			if !f.IsNil() {
				out = append(out, Assignment{key, name, fmt.Sprint(f.Elem().Interface())})
			}
		case reflect.String:
			if f.String() != "" {
				out = append(out, Assignment{key, name, f.String()})
			}
		default:
			return nil, fmt.Errorf("internal error: settings field %s has unsupported kind %s", field.Name, f.Kind())
		}
	}
	return out, nil
}

// FlagKeys maps each analyzer flag ("analyzer.flag") that a key sets to
// that key; flags the tests rule sets map to "tests".
func FlagKeys() map[string]string {
	out := map[string]string{}
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := range t.NumField() {
			f := t.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, prefix+key+".")
			} else if name := f.Tag.Get("flag"); name != "" {
				out[name] = prefix + key
			}
		}
	}
	walk(reflect.TypeFor[Settings](), "")
	for name := range TestsAll.Flags() {
		if _, ok := out[name]; !ok {
			out[name] = "tests"
		}
	}
	return out
}

// Keys lists every key, nested ones dotted ("hardcodedtoken.min-length"),
// in field order.
func Keys() []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := range t.NumField() {
			f := t.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, prefix+key+".")
			} else {
				out = append(out, prefix+key)
			}
		}
	}
	walk(reflect.TypeFor[Settings](), "")
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
