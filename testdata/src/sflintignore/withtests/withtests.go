// Package withtests is analysed with -sflogin.tests: directives in its
// _test.go files are judged like any other.
package withtests
