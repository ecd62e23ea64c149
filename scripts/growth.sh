#!/usr/bin/env bash
# Cost of sflint against the size of one function (one flow model, built
# once per function: linear growth). Generates functions of N, 2N and 4N
# logins in three shapes (sequential ifs, a goto maze, retry loops) and
# prints the CPU time of `sflint ./...` on each, with the ratio per doubling
# (linear is 2.0).
#
# With -inprocess it times the analysis alone, in-process (internal/fuzz's
# BenchmarkAnalysis less BenchmarkLoad on the generated file): loading the
# build is left out, and with it the 0.1 s of noise that hides the cost of
# functions of a few thousand logins.
#
# Usage (from anywhere): scripts/growth.sh [-n 1000] [-shapes ifs,goto,loops] [-runs 1] [-inprocess]
# Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CGO_ENABLED=0
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/benchgen" ./internal/benchgen
"$bin/benchgen" growth "$@"
