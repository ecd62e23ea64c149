package sflogin

import "github.com/sflint/sflint/internal/flow"

// LoginFact marks a function that logs in or out on its caller's behalf (see flow.LoginFact).
type LoginFact = flow.LoginFact

// CredParam says that a wrapper's parameter reaches a credential (see flow.CredParam).
type CredParam = flow.CredParam

// ClassifierFact marks a function that inspects a Salesforce fault code in
// the error it is given: calling it counts as classifying the fault.
type ClassifierFact struct{}

// AFact implements analysis.Fact.
func (*ClassifierFact) AFact() {}

func (*ClassifierFact) String() string { return "classifier" }

// PackageFact marks a package that declares login wrappers or classifiers, so
// that packages importing it are analysed (and the others skipped).
type PackageFact struct{}

// AFact implements analysis.Fact.
func (*PackageFact) AFact() {}

func (*PackageFact) String() string { return "salesforce" }

// FlowPackageFact marks a package that exports flow facts read at call
// sites (flow.NoReturnFact, flow.RetryFact, entry.Schedules): the callees of
// the other packages (the standard library's, at most calls) are not asked
// about one by one.
type FlowPackageFact struct{}

// AFact implements analysis.Fact.
func (*FlowPackageFact) AFact() {}

func (*FlowPackageFact) String() string { return "flow facts" }
