package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FileNames are the names a configuration file may have, in the order they
// are looked for. A directory holding both is an error.
var FileNames = []string{".sflint.yml", ".sflint.yaml"}

// Find returns the configuration file that applies to dir: the first of
// dir, its parent, and so on up to the module root (the nearest directory
// holding go.mod) that holds one. Outside a module only dir is looked at.
// It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if !hasGoMod(dir) && !insideModule(dir) {
		return findIn(dir)
	}
	for d := dir; ; {
		name, err := findIn(d)
		if err != nil || name != "" {
			return name, err
		}
		if hasGoMod(d) {
			return "", nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

func findIn(dir string) (string, error) {
	var found []string
	for _, n := range FileNames {
		p := filepath.Join(dir, n)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%s: both %s and %s: keep one", dir, FileNames[0], FileNames[1])
}

func hasGoMod(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil && !fi.IsDir()
}

// insideModule reports whether a directory above dir holds go.mod.
func insideModule(dir string) bool {
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if hasGoMod(d) {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

// A File is a decoded configuration file.
type File struct {
	// Path is the file's name as given or found.
	Path     string
	Settings Settings
	lines    map[string]int // dotted key path -> line

	// While converting the YAML tree: the aliases being expanded (an alias
	// inside its own anchor would never end), and a budget of values
	// (nested aliases can multiply them exponentially).
	expanding map[*yaml.Node]bool
	budget    int
}

// maxValues bounds the values a configuration file may expand to.
const maxValues = 100000

// Load reads and decodes a configuration file. Its errors are one line,
// starting with the file name and the line of the offending key.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return Parse(path, data)
}

// Parse decodes the contents of a configuration file named path.
func Parse(path string, data []byte) (*File, error) {
	f := &File{Path: path, lines: map[string]int{}, expanding: map[*yaml.Node]bool{}, budget: maxValues}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := yamlError(err)
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			if n, text, ok := strings.Cut(rest, ": "); ok {
				return nil, fmt.Errorf("%s:%s: %s", path, n, text)
			}
		}
		return nil, fmt.Errorf("%s: %s", path, msg)
	}
	var raw any
	if len(doc.Content) > 0 {
		var err error
		raw, err = f.tree(doc.Content[0], "")
		if err != nil {
			return nil, err
		}
	}
	s, err := decode(raw, f.where)
	if err != nil {
		if !strings.HasPrefix(err.Error(), path+":") {
			err = fmt.Errorf("%s: %v", path, err)
		}
		return nil, err
	}
	f.Settings = s
	return f, nil
}

// where is the "path:line: " prefix of a key's messages.
func (f *File) where(key string) string {
	for k := key; k != ""; {
		if l, ok := f.lines[k]; ok {
			return fmt.Sprintf("%s:%d: ", f.Path, l)
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return f.Path + ": "
}

// Errorf wraps an error about a key's value (a [*KeyError] from [Apply] or
// [Settings.Assignments]) with the file and line.
func (f *File) Error(err error) error {
	var ke *KeyError
	if errors.As(err, &ke) {
		key := ke.Key
		if k, _, ok := strings.Cut(key, `."`); ok && k == "flags" {
			name, _ := strconv.Unquote(strings.TrimPrefix(key, "flags."))
			key = "flags." + name
		}
		return fmt.Errorf("%s%v", f.where(key), err)
	}
	return fmt.Errorf("%s: %v", f.Path, err)
}

// tree converts a YAML node into the plain data golangci-lint would hand
// over (maps with string keys, lists, scalars), recording each key's line.
func (f *File) tree(n *yaml.Node, path string) (any, error) {
	if f.budget--; f.budget < 0 {
		return nil, fmt.Errorf("%s:%d: more than %d values: not a configuration file", f.Path, n.Line, maxValues)
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s:%d: a key must be a name", f.Path, k.Line)
			}
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if _, dup := m[k.Value]; dup {
				return nil, fmt.Errorf("%s:%d: key %q appears twice (first on line %d)", f.Path, k.Line, p, f.lines[p])
			}
			f.lines[p] = k.Line
			val, err := f.tree(v, p)
			if err != nil {
				return nil, err
			}
			m[k.Value] = val
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			val, err := f.tree(c, path)
			if err != nil {
				return nil, err
			}
			l = append(l, val)
		}
		return l, nil
	case yaml.AliasNode:
		if n.Alias == nil || f.expanding[n.Alias] {
			return nil, fmt.Errorf("%s:%d: alias *%s refers to itself", f.Path, n.Line, n.Value)
		}
		f.expanding[n.Alias] = true
		defer delete(f.expanding, n.Alias)
		return f.tree(n.Alias, path)
	case yaml.ScalarNode:
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s:%d: %s", f.Path, n.Line, yamlError(err))
		}
		return v, nil
	}
	return nil, nil
}

// yamlError strips the library's prefix: "yaml: line 3: ..." -> "line 3: ...".
func yamlError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	return strings.Join(strings.Fields(msg), " ")
}
