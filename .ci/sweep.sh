#!/usr/bin/env bash
# Corpus sweep (issue 9): sflint over a large body of real Go code that never
# talks to Salesforce — the standard library and golang.org/x/tools@v0.52.0
# (test files included) — must exit 0 with no output at all: no panic, no
# internal error, no load error, no finding (any finding there is a false
# positive). Under 10 minutes on 2 cores.
#
# Usage (from anywhere): .ci/sweep.sh
# SWEEP_STD=0 or SWEEP_XTOOLS=0 skips a corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

go build -o "$tmp/sflint" ./cmd/sflint

fail=0
# sweep NAME DIR PATTERNS...: run sflint in DIR; anything printed, or any
# status but 0, fails the sweep.
sweep() {
	local name=$1 dir=$2
	shift 2
	local start=$SECONDS status=0
	(cd "$dir" && "$tmp/sflint" "$@") >"$tmp/$name.out" 2>"$tmp/$name.err" || status=$?
	local n
	n=$(cat "$tmp/$name.out" "$tmp/$name.err" | wc -l)
	echo "sweep: $name: exit $status, $n lines of output, $((SECONDS - start))s"
	if [ "$status" -ne 0 ] || [ "$n" -ne 0 ]; then
		echo "sweep: $name FAILED (want exit 0 and no output); first lines:" >&2
		head -40 "$tmp/$name.err" "$tmp/$name.out" >&2
		fail=1
	fi
}

if [ "${SWEEP_STD:-1}" != 0 ]; then
	sweep std "$(go env GOROOT)/src" std
fi

if [ "${SWEEP_XTOOLS:-1}" != 0 ]; then
	mod=golang.org/x/tools@v0.52.0
	src=$(go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	if [ -z "$src" ]; then
		echo "sweep: cannot download $mod" >&2
		exit 1
	fi
	# A writable copy: the module cache is read-only, and go.sum may gain lines.
	cp -r "$src" "$tmp/xtools"
	chmod -R u+w "$tmp/xtools"
	(cd "$tmp/xtools" && go mod download)
	sweep x-tools "$tmp/xtools" ./...
fi

if [ "$fail" -ne 0 ]; then
	exit 1
fi
echo "sweep: ok"
