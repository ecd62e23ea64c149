package sflogin

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/flow"
)

// buildFlow derives the flow facts of the package's functions (they never
// return, they end a session with a raw request), exports them, and builds
// the flow model of the functions that contain logins.
func (st *state) buildFlow(retries []*ast.FuncDecl) {
	pass := st.pass
	env := flow.NewEnv(pass.Fset, pass.TypesInfo, pass.Pkg, st.model, pass.Files)
	env.SetNodes(st.nodes)
	env.Lookup = st.res.Lookup
	env.IsClassifier = st.res.IsClassifier
	env.Import = importer{pass}
	env.DeriveNoReturn()
	env.DeriveRawLogouts()
	exportRetries(pass, env, retries)
	env.DeriveOwners()
	for fn, f := range env.Owners() {
		pass.ExportObjectFact(fn, f)
	}
	for _, fn := range env.NoReturnFuncs() {
		pass.ExportObjectFact(fn, new(flow.NoReturnFact))
	}
	raw := env.RawLogouts()
	for fn, f := range raw {
		pass.ExportObjectFact(fn, f)
	}
	if len(raw) > 0 || len(env.Owners()) > 0 {
		pass.ExportPackageFact(new(PackageFact))
	}
	st.res.Env = env
	st.res.Flow = flow.Build(env, st.res.Calls)
}

// exportRetries derives and exports the RetryFacts of the candidates.
func exportRetries(pass *analysis.Pass, env *flow.Env, cands []*ast.FuncDecl) {
	if len(cands) == 0 {
		return
	}
	env.DeriveNoReturn()
	env.DeriveRetries(cands)
	for fn, f := range env.Retries() {
		pass.ExportObjectFact(fn, f)
	}
}

// importer reads the flow facts of imported packages.
type importer struct{ pass *analysis.Pass }

func (im importer) NoReturn(fn *types.Func) bool {
	return im.pass.ImportObjectFact(fn.Origin(), new(flow.NoReturnFact))
}

func (im importer) Owner(fn *types.Func) *flow.OwnerFact {
	f := new(flow.OwnerFact)
	if im.pass.ImportObjectFact(fn.Origin(), f) {
		return f
	}
	return nil
}

func (im importer) Retry(fn *types.Func) *flow.RetryFact {
	f := new(flow.RetryFact)
	if im.pass.ImportObjectFact(fn.Origin(), f) {
		return f
	}
	return nil
}

func (im importer) RawLogout(fn *types.Func) *flow.RawLogoutFact {
	f := new(flow.RawLogoutFact)
	if im.pass.ImportObjectFact(fn.Origin(), f) {
		return f
	}
	return nil
}
