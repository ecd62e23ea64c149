#!/usr/bin/env bash
# sflint built with the race detector, run as go vet's tool on examples/:
# go vet's unitchecker runs a package's analyzers in parallel, so state the
# analyzers share through the shared pass (the flow model, the entry-point
# finder) must be safe for concurrent use. Fails on any data race report.
#
# Run from anywhere: bash .ci/race.sh. The race detector needs cgo: installs
# gcc with apt-get when no C compiler is found.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log() { printf '== race: %s\n' "$*" >&2; }

if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
	log "installing gcc (apt-get): the race detector needs cgo"
	sudo=
	[[ $(id -u) -eq 0 ]] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gcc libc6-dev >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# go vet keys its cached results on the tool's build ID: a nonce in the
# link makes this build's ID new, so the tool really runs on every package
# (the dependencies' export data still come from the build cache).
CGO_ENABLED=1 go build -race -ldflags="-X main.raceNonce=$$-$(date +%s%N)" -o "$work/sflint" ./cmd/sflint
rc=0
(cd examples && GORACE=atexit_sleep_ms=0 CGO_ENABLED=0 go vet -vettool="$work/sflint" ./... >"$work/out" 2>&1) || rc=$?
if grep -q "WARNING: DATA RACE" "$work/out"; then
	cat "$work/out" >&2
	echo "race: data race in sflint run by go vet on examples/" >&2
	exit 1
fi
# examples/ has findings: go vet exits 1 with them; anything else is an error.
if [[ $rc -ne 1 ]] || ! grep -q 'poller/loops.go:18:' "$work/out"; then
	cat "$work/out" >&2
	echo "race: go vet -vettool on examples/ exited $rc without the expected findings" >&2
	exit 1
fi
log "no data race in $(grep -c '^[^[:space:]#][^ ]*\.go:[0-9]*:[0-9]*: ' "$work/out") findings on examples/"
