package unhandledfault

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// callee returns the function or method a call statically calls, or nil.
func callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// calledName returns the name by which a call names the function it calls
// (f, pkg.f, x.m, f[T]): the name of the object callee resolves, if any. It
// lets a check skip resolving calls that cannot be the one it looks for.
func calledName(call *ast.CallExpr) string {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = ast.Unparen(f.X)
	case *ast.IndexListExpr:
		fun = ast.Unparen(f.X)
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// isFunc reports whether call calls the package-level function pkg.name.
func isFunc(info *types.Info, call *ast.CallExpr, pkg, name string) bool {
	fn := callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkg || fn.Name() != name {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() == nil
}

// builtinOf returns the name of the builtin a call calls.
func builtinOf(info *types.Info, call *ast.CallExpr) (string, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return "", false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	if !ok {
		return "", false
	}
	return b.Name(), true
}

// constString returns the value of a string constant expression.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

var errorType = types.Universe.Lookup("error").Type()

// isErrorType reports whether t is the error interface (or a type implementing it).
func isErrorType(t types.Type) bool {
	if t == nil {
		return false
	}
	if types.Identical(t, errorType) {
		return true
	}
	return types.Implements(t, errorType.Underlying().(*types.Interface))
}

// loggerPkgs are logging packages (by last path element) whose functions and
// methods named like levels count as logging.
var loggerPkgs = map[string]bool{"klog": true, "glog": true, "logrus": true, "zap": true, "zerolog": true, "logr": true, "log15": true}

var levelPrefixes = []string{"Print", "Info", "Warn", "Error", "Debug", "Trace", "Log", "Notice", "Crit", "Fatal", "Panic", "Exit"}

// logKind says how a call that receives the error only reports it:
// "logged", "printed", "written to the HTTP response"; "" for other calls.
func logKind(info *types.Info, fn *types.Func, call *ast.CallExpr) string {
	if fn.Pkg() == nil {
		return ""
	}
	path, name := fn.Pkg().Path(), fn.Name()
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			recv = n.Obj().Name()
		}
	}
	switch path {
	case "log", "log/slog":
		return "logged"
	case "fmt":
		switch name {
		case "Print", "Printf", "Println":
			return "printed"
		case "Fprint", "Fprintf", "Fprintln":
			if len(call.Args) > 0 && isResponseWriter(info.TypeOf(call.Args[0])) {
				return "written to the HTTP response"
			}
			return "printed"
		}
	case "net/http":
		if name == "Error" && recv == "" {
			return "written to the HTTP response"
		}
		if name == "Write" && recv == "ResponseWriter" {
			return "written to the HTTP response"
		}
	case "testing":
		switch name {
		case "Log", "Logf", "Error", "Errorf", "Skip", "Skipf":
			return "logged"
		}
	}
	if name == "Write" || name == "WriteString" {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isResponseWriter(info.TypeOf(sel.X)) {
			return "written to the HTTP response"
		}
	}
	elem := path
	if i := strings.LastIndexByte(elem, '/'); i >= 0 {
		elem = elem[i+1:]
		if len(elem) >= 2 && elem[0] == 'v' {
			if _, err := strconv.Atoi(elem[1:]); err == nil {
				elem = path[:i]
				if j := strings.LastIndexByte(elem, '/'); j >= 0 {
					elem = elem[j+1:]
				}
			}
		}
	}
	if loggerPkgs[elem] {
		for _, p := range levelPrefixes {
			if strings.HasPrefix(name, p) {
				return "logged"
			}
		}
	}
	return ""
}

// isResponseWriter reports whether t is (or implements) net/http.ResponseWriter.
func isResponseWriter(t types.Type) bool {
	if t == nil {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil &&
		n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "ResponseWriter" {
		return true
	}
	// Anything with Header, Write and WriteHeader is one.
	ms := types.NewMethodSet(t)
	has := func(name string) bool {
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == name {
				return true
			}
		}
		return false
	}
	return has("Header") && has("Write") && has("WriteHeader")
}

// derives reports whether fn makes a new value out of its arguments (a
// string or an error), so that what matters is where that value goes.
func derives(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt":
		switch fn.Name() {
		case "Sprint", "Sprintf", "Sprintln", "Errorf":
			return true
		}
	case "errors":
		return fn.Name() == "New" || fn.Name() == "Join"
	case "strings", "strconv":
		return true
	}
	return false
}

// noReturn returns the name of the function a call calls when that function
// never returns (panic, os.Exit, log.Fatal, t.Fatal...), or "".
func noReturn(info *types.Info, call *ast.CallExpr) string {
	if b, ok := builtinOf(info, call); ok {
		if b == "panic" {
			return "panic"
		}
		return ""
	}
	fn := callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	path, name := fn.Pkg().Path(), fn.Name()
	sig, _ := fn.Type().(*types.Signature)
	method := sig != nil && sig.Recv() != nil
	switch path {
	case "os":
		if name == "Exit" {
			return "os.Exit"
		}
	case "runtime":
		if name == "Goexit" {
			return "runtime.Goexit"
		}
	case "log":
		if strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") {
			if method {
				return "(*log.Logger)." + name
			}
			return "log." + name
		}
	case "testing":
		switch name {
		case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
			return "t." + name
		}
	}
	elem := path[strings.LastIndexByte(path, '/')+1:]
	if loggerPkgs[elem] || (strings.HasPrefix(elem, "v") && loggerPkgs[lastButOne(path)]) {
		if strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Exit") {
			return fn.Pkg().Name() + "." + name
		}
	}
	return ""
}

func lastButOne(path string) string {
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return ""
	}
	path = path[:i]
	return path[strings.LastIndexByte(path, '/')+1:]
}
