package sflogin

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sflint/sflint/internal/flow"
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
		if canHoldError(sig.Params().At(i).Type()) {
			takesErr = true
		}
	}
	return takesErr && inspects(st.pass.TypesInfo, st.model, st.isClassifier, fd.Body)
}

var errorType = types.Universe.Lookup("error").Type()

// canHoldError reports whether a parameter of type t can be handed the
// login error: error itself, any, an interface error satisfies, a type
// parameter. A context.Context or an io.Reader cannot, and a function
// taking only those is not read for a classification.
func canHoldError(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	return types.IsInterface(t) && types.AssignableTo(errorType, t)
}

// isClassifier reports whether fn is a fault classifier: declared by the
// user, derived in this package, or carrying an imported ClassifierFact.
func (st *state) isClassifier(fn *types.Func) bool {
	if st.model.IsClassifier(fn) || st.classifiers[fn] {
		return true
	}
	return fn.Pkg() != st.pass.Pkg && st.res.hasPackageFact(fn.Pkg()) && st.pass.ImportObjectFact(fn.Origin(), new(ClassifierFact))
}

// IsClassifier reports whether calling fn classifies a login fault.
func (r *Result) IsClassifier(fn *types.Func) bool {
	if r.Skipped || fn == nil {
		return false
	}
	if r.Model.IsClassifier(fn) {
		return true
	}
	if fn.Pkg() == r.pass.Pkg {
		return r.pass.ImportObjectFact(fn.Origin(), new(ClassifierFact))
	}
	return r.hasPackageFact(fn.Pkg()) && r.pass.ImportObjectFact(fn.Origin(), new(ClassifierFact))
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
	callee := func(call *ast.CallExpr) *types.Func {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		return fn
	}
	return flow.InspectsCode(info, model, callee, isClassifier, root)
}
