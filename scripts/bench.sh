#!/usr/bin/env bash
# sflint benchmark (issue 9): wall time and peak memory of `sflint ./...` on
# examples/, on golang.org/x/tools@v0.52.0 and on a generated Salesforce-heavy
# module of 20, 200 and 2,000 packages, against, in the same run: a no-op
# analyzer in sflint's driver and load mode (the loading floor), the same
# no-op without facts, `go vet ./...` with its default suite, and the cached
# `go vet -vettool=sflint` re-run. sflint, the loading floor and the -compare
# build are measured in turn, run after run, so that their ratios hold on a
# machine whose speed drifts. Then (issue 15) peak memory of the
# standalone command, `go vet -vettool=sflint` and the loading floor side by
# side on std, x/tools and, with -large, a large module of your choice.
# Prints markdown tables with ratios.
#
# Usage (from anywhere): scripts/bench.sh [-runs N] [-sizes 20,200,2000] [-xtools=false]
#   [-speed=false] [-mem=false] [-large dir] [-compare other-sflint-binary]
# Figures and how long it takes: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CGO_ENABLED=0
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/benchgen" ./internal/benchgen
"$bin/benchgen" bench "$@"
