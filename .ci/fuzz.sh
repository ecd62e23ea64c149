#!/usr/bin/env bash
# Bounded fuzzing of every analyzer (issue 9): arbitrary Go source is parsed,
# type-checked (type errors allowed) and run through the shared pass and every
# check; nothing may panic, hang (>20s per input) or report a malformed
# diagnostic. The seed corpus is every testdata case and every examples file.
#
# Usage (from anywhere): .ci/fuzz.sh [fuzztime]      default 60s; FUZZTIME works too
# A crasher is written to internal/fuzz/testdata/fuzz/FuzzAnalyzers/<id>:
# commit it and it becomes a regression test run by `go test ./internal/fuzz`.
set -euo pipefail
cd "$(dirname "$0")/.."
export CGO_ENABLED=0
fuzztime="${1:-${FUZZTIME:-60s}}"

echo "fuzz: seed corpus and regression inputs"
go test -count=1 ./internal/fuzz

echo "fuzz: FuzzAnalyzers for $fuzztime"
if ! go test -run '^$' -fuzz '^FuzzAnalyzers$' -fuzztime "$fuzztime" ./internal/fuzz; then
	echo "fuzz: FAILED; the crashing input is under internal/fuzz/testdata/fuzz/FuzzAnalyzers/ (re-run: go test ./internal/fuzz -run 'FuzzAnalyzers/<id>')" >&2
	exit 1
fi
echo "fuzz: ok"
