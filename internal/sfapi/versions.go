package sfapi

import (
	"go/types"
)

// Loaded is what the version of a library the program loaded keeps of a
// failed login's fault code. The table names the fault type of the newest
// versions; older versions the program may pin lack it (simpleforce before
// 2022-04) or its code field (x/oauth2 before v0.8.0), and every claim about
// the fault (advice to errors.As into it, "erases the X", the codes a caller
// can test) must hold for the version loaded.
type Loaded struct {
	// Fault is the fault type, present in the loaded version with its code
	// field; nil when the library keeps no typed code.
	Fault *Fault
	// Text: the code survives only in err.Error().
	Text bool
	// Prefix is the prefix the code keeps in the field or the text ("sf:").
	Prefix string
	// Missing is the table's fault type when the loaded version lacks it or
	// its code field; Older then says what the loaded version keeps (nil
	// when the table does not know the version).
	Missing *Fault
	Older   *Older
	// MissingField: the loaded version has the type, not its code field.
	MissingField bool
	// Vocab is the vocabulary of the endpoint behind the call.
	Vocab Vocabulary
	// Lib is the import path of the package the fault type was looked up in.
	Lib string
}

// Coded reports whether a fault code can be recovered from the error.
func (l Loaded) Coded() bool { return (l.Fault != nil || l.Text) && l.Vocab != NoCode }

// LoadedFault says what the login error of api keeps of the fault code, in
// the version of the library loaded as pkg (the package of the function
// called). The fault type is looked up in the scope of the library's
// package (pkg, or the package among pkg's imports the row names: go-metaforce
// returns go-soapforce's SOAPFault), with its code field. When the version
// lacks either, the row's Older entries say what its errors keep: the code
// in their text, or nothing. When no loaded package matches the row's fault
// package (export data can omit an import), the row is trusted.
func (m *Model) LoadedFault(api *API, pkg *types.Package) Loaded {
	out := Loaded{Vocab: api.Vocab}
	f := api.Fault
	if f == nil {
		out.Text = api.FaultText
		return out
	}
	out.Vocab = f.Vocab
	out.Prefix = f.Prefix
	home := faultPackage(pkg, f.Pkg)
	if home == nil {
		out.Fault = f
		return out
	}
	tn, _ := home.Scope().Lookup(f.Type).(*types.TypeName)
	out.Lib = home.Path()
	if tn != nil && hasField(tn.Type(), f.CodeField) {
		out.Fault = f
		return out
	}
	out.Missing = f
	out.MissingField = tn != nil
	for i := range f.Older {
		o := &f.Older[i]
		if o.Marker == "" || home.Scope().Lookup(o.Marker) != nil || tn != nil && hasField(tn.Type(), o.Marker) {
			out.Older = o
			out.Text = o.Text
			break
		}
	}
	return out
}

// faultPackage finds the package whose path matches suffix: pkg itself, or
// the nearest of its imports (breadth first).
func faultPackage(pkg *types.Package, suffix string) *types.Package {
	if pkg == nil {
		return nil
	}
	seen := map[*types.Package]bool{pkg: true}
	queue := []*types.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if MatchPath(p.Path(), suffix) {
			return p
		}
		for _, q := range p.Imports() {
			if !seen[q] {
				seen[q] = true
				queue = append(queue, q)
			}
		}
	}
	return nil
}

// hasField reports whether the struct behind t has a field of that name.
func hasField(t types.Type, name string) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok || name == "" {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}

// Upgrade is the advice to move to a version whose fault type keeps the
// code, or "" when the loaded version has it (or the table knows no such
// version).
func (l Loaded) Upgrade() string {
	if l.Missing == nil || l.Missing.Since == "" {
		return ""
	}
	return "upgrade " + l.Lib + " to " + l.Missing.Since + " or later, whose " + l.Missing.Name() + " keeps the code in " + l.Missing.CodeField
}
