#!/usr/bin/env bash
# Bounded fuzzing of every analyzer (issue 9): arbitrary Go source is parsed,
# type-checked (type errors allowed) and run through the shared pass and every
# check; nothing may panic, hang (>8s per input, see internal/fuzz) or report
# a malformed diagnostic. The seed corpus is every testdata case and every
# examples file.
#
# Usage (from anywhere): .ci/fuzz.sh [fuzztime]      default 60s; FUZZTIME works too
# A crasher is written to internal/fuzz/testdata/fuzz/FuzzAnalyzers/<id>:
# commit it and it becomes a regression test run by `go test ./internal/fuzz`.
#
# Minimizing is capped at 5s per input: the seeds are whole files, each run
# of one takes milliseconds, and the default 60s per new interesting input
# spent most of a 60s run shrinking inputs instead of trying new ones.
#
# Exit status: 0 when nothing was found, 1 when an input failed (a crasher was
# written) or the run failed for any other reason than the one below.
#
# Go 1.26's fuzzing coordinator can fail a run that found nothing with a bare
# "context deadline exceeded" at the -fuzztime boundary (a race between the
# deadline and its own check for it, golang/go#75804, fixed in Go 1.27). A run
# whose only complaint is that line and which wrote no crasher has fuzzed for
# its whole time and found nothing: it is reported as such and passes.
set -euo pipefail
cd "$(dirname "$0")/.."
export CGO_ENABLED=0
fuzztime="${1:-${FUZZTIME:-60s}}"
corpus=internal/fuzz/testdata/fuzz/FuzzAnalyzers

echo "fuzz: seed corpus and regression inputs"
go test -count=1 ./internal/fuzz

echo "fuzz: FuzzAnalyzers for $fuzztime"
before="$(ls -1 "$corpus" 2>/dev/null | sort)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
go test -run '^$' -fuzz '^FuzzAnalyzers$' -fuzztime "$fuzztime" -fuzzminimizetime 5s ./internal/fuzz 2>&1 | tee "$log" || status=$?
[ "$status" -eq 0 ] && { echo "fuzz: ok"; exit 0; }

new="$(comm -13 <(printf '%s\n' "$before") <(ls -1 "$corpus" 2>/dev/null | sort) | sed '/^$/d')"
if [ -z "$new" ] &&
	grep -q '^    context deadline exceeded$' "$log" &&
	! grep -q -e '^panic' -e 'Failing input written' -e 'hung or terminated' -e '^--- FAIL: FuzzAnalyzers/' "$log"; then
	echo "fuzz: ok (fuzzed for $fuzztime, no crasher; the 'context deadline exceeded' above is Go's coordinator race golang/go#75804, not an input)"
	exit 0
fi
if [ -z "$new" ]; then
	echo "fuzz: FAILED (exit $status) without writing a crasher; see the output above" >&2
	exit 1
fi
for f in $new; do
	echo "fuzz: FAILED; new crasher $corpus/$f (re-run: go test ./internal/fuzz -run 'FuzzAnalyzers/$f')" >&2
done
exit 1
