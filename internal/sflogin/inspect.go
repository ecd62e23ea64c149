package sflogin

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/sfapi"
)

// isClassifierDecl reports whether fd takes an error and inspects a fault code in its body.
func (st *state) isClassifierDecl(fd *ast.FuncDecl) bool {
	obj, _ := st.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if obj == nil {
		return false
	}
	sig := obj.Type().(*types.Signature)
	takesErr := false
	for i := 0; i < sig.Params().Len(); i++ {
		if types.IsInterface(sig.Params().At(i).Type()) {
			takesErr = true
		}
	}
	return takesErr && inspects(st.pass.TypesInfo, st.model, st.isClassifier, fd.Body)
}

// isClassifier reports whether fn is a fault classifier: declared by the
// user, derived in this package, or carrying an imported ClassifierFact.
func (st *state) isClassifier(fn *types.Func) bool {
	if st.model.IsClassifier(fn) || st.classifiers[fn] {
		return true
	}
	return fn.Pkg() != st.pass.Pkg && st.pass.ImportObjectFact(fn.Origin(), new(ClassifierFact))
}

// IsClassifier reports whether calling fn classifies a login fault.
func (r *Result) IsClassifier(fn *types.Func) bool {
	if r.Skipped || fn == nil {
		return false
	}
	if r.Model.IsClassifier(fn) {
		return true
	}
	return r.pass.ImportObjectFact(fn.Origin(), new(ClassifierFact))
}

// Inspects reports whether the subtree n inspects a login fault code: it reads
// the code field of a known fault type, asserts or switches on a fault type,
// compares a value with a known code constant (==, switch, strings.Contains,
// HasPrefix, HasSuffix, EqualFold, Index), or calls a classifier.
func (r *Result) Inspects(n ast.Node) bool {
	if r.Skipped || n == nil {
		return false
	}
	return inspects(r.pass.TypesInfo, r.Model, r.IsClassifier, n)
}

func inspects(info *types.Info, model *sfapi.Model, isClassifier func(*types.Func) bool, root ast.Node) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if IsCodeField(info, model, n) {
				found = true
			}
		case *ast.TypeAssertExpr:
			if n.Type != nil && model.FaultNamed(info.TypeOf(n.Type)) != nil {
				found = true
			}
		case *ast.TypeSwitchStmt:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if cc, ok := m.(*ast.CaseClause); ok {
					for _, t := range cc.List {
						if model.FaultNamed(info.TypeOf(t)) != nil {
							found = true
						}
					}
				}
				return !found
			})
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isCodeConst(info, n.X) || isCodeConst(info, n.Y)) {
				found = true
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if isCodeConst(info, e) {
					found = true
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn == nil {
				return true
			}
			if isClassifier(fn) {
				found = true
				return false
			}
			if fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
				switch fn.Name() {
				case "Contains", "HasPrefix", "HasSuffix", "EqualFold", "Index", "Compare":
					for _, a := range n.Args {
						if isCodeConst(info, a) {
							found = true
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// IsCodeField reports whether sel reads the fault-code field of a known fault type.
func IsCodeField(info *types.Info, model *sfapi.Model, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	f := model.FaultNamed(s.Recv())
	if f == nil {
		return false
	}
	if sel.Sel.Name == f.CodeField {
		return true
	}
	// go-force's ApiError carries OAuth codes in ErrorName and REST codes in ErrorCode.
	return f.Type == "ApiError" && sel.Sel.Name == "ErrorCode"
}

// isCodeConst reports whether e is a string constant that mentions a known fault code.
func isCodeConst(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	return sfapi.ContainsCode(constant.StringVal(tv.Value))
}
