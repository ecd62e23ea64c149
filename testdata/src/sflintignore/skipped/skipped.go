// Package skipped has nothing to do with Salesforce: the shared pass skips it
// and the checks return at once, so every directive here suppresses nothing.
package skipped

func f() int {
	// want +1 `//sflint:ignore fakelogin suppresses nothing`
	//sflint:ignore fakelogin -- nothing can be found in this package
	return 1
}

func g() int {
	// want +1 `"fakelogn", which is not an sflint analyzer`
	//sflint:ignore fakelogn -- typo
	return 2
}
