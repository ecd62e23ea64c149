package sflogin

import (
	"go/ast"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/sflint/sflint/internal/flow"
)

// buildFlow derives the flow facts of the package's functions (they never
// return, they end a session with a raw request), exports them, and builds
// the flow model of the functions that contain logins. It reports whether
// it exported any fact read at call sites (see FlowPackageFact).
func (st *state) buildFlow(retries []*ast.FuncDecl) bool {
	pass := st.pass
	env := flow.NewEnv(pass.Fset, pass.TypesInfo, pass.Pkg, st.model, pass.Files)
	env.SetNodes(st.nodes)
	env.Lookup = st.res.Lookup
	env.IsClassifier = st.res.IsClassifier
	env.Import = newImporter(st.res)
	env.DeriveNoReturn()
	env.DeriveRawLogouts()
	flowFacts := exportRetries(pass, env, retries)
	env.DeriveOwners()
	for fn, f := range env.Owners() {
		pass.ExportObjectFact(fn, f)
	}
	for _, fn := range env.NoReturnFuncs() {
		pass.ExportObjectFact(fn, new(flow.NoReturnFact))
		flowFacts = true
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
	return flowFacts
}

// exportRetries derives and exports the RetryFacts of the candidates; it
// reports whether it exported any.
func exportRetries(pass *analysis.Pass, env *flow.Env, cands []*ast.FuncDecl) bool {
	if len(cands) == 0 {
		return false
	}
	env.DeriveNoReturn()
	env.DeriveRetries(cands)
	exported := false
	for fn, f := range env.Retries() {
		pass.ExportObjectFact(fn, f)
		exported = true
	}
	return exported
}

// importer reads the flow facts of imported packages, each function's once
// (the model asks about a callee at every call that names it: whether it
// logs out, returns, retries).
type importer struct {
	res *Result

	mu        sync.Mutex
	noReturn  flow.FactMemo[flow.NoReturnFact, *flow.NoReturnFact]
	owner     flow.FactMemo[flow.OwnerFact, *flow.OwnerFact]
	retry     flow.FactMemo[flow.RetryFact, *flow.RetryFact]
	rawLogout flow.FactMemo[flow.RawLogoutFact, *flow.RawLogoutFact]
}

func newImporter(res *Result) *importer { return &importer{res: res} }

// imported returns fn's fact of type *T, nil when it has none, from memo
// or from the pass; withPackageFact says that only a package with a
// PackageFact can have one.
func imported[T any, PT interface {
	*T
	analysis.Fact
}](im *importer, memo *flow.FactMemo[T, PT], fn *types.Func, withPackageFact bool) PT {
	fn = fn.Origin()
	im.mu.Lock()
	defer im.mu.Unlock()
	if withPackageFact && !im.res.hasPackageFact(fn.Pkg()) {
		return nil // an OwnerFact or a RawLogoutFact comes with a PackageFact
	}
	return memo.Get(fn, im.res.pass.ImportObjectFact)
}

func (im *importer) NoReturn(fn *types.Func) bool {
	return im.res.mayHaveFlowFacts(fn.Pkg()) && imported(im, &im.noReturn, fn, false) != nil
}

func (im *importer) Owner(fn *types.Func) *flow.OwnerFact {
	return imported(im, &im.owner, fn, true)
}

func (im *importer) Retry(fn *types.Func) *flow.RetryFact {
	if !im.res.mayHaveFlowFacts(fn.Pkg()) {
		return nil
	}
	return imported(im, &im.retry, fn, false)
}

func (im *importer) RawLogout(fn *types.Func) *flow.RawLogoutFact {
	return imported(im, &im.rawLogout, fn, true)
}
