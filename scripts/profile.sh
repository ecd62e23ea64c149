#!/usr/bin/env bash
# Where the analysis spends (issue 12): writes one generated service package
# as one file (benchgen onefile) and runs BenchmarkAnalysis on it
# (internal/fuzz: the default suite in-process, over and over) with a CPU
# profile, and prints the CPU of the analysis alone
# (parsing, type-checking and the fuzz loader's fact round trips left out),
# of ast.Walk and of mallocgc under it, then the analysis functions by
# cumulative CPU. With -base REV, builds the benchmark at git revision REV
# too and runs the two in turn, three times each: a comparison that holds to
# about 5 % on a shared machine, where whole runs of sflint hold to 10-20 %.
#
# Usage (from anywhere): scripts/profile.sh [-n 6000] [-top 40] [-base REV]
# Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CGO_ENABLED=0
n=6000 top=40 base=""
while [ $# -gt 0 ]; do
	case "$1" in
	-n) n="$2"; shift 2 ;;
	-top) top="$2"; shift 2 ;;
	-base) base="$2"; shift 2 ;;
	*) echo "profile.sh: unknown argument $1 (usage: scripts/profile.sh [-n 6000] [-top 40] [-base REV])" >&2; exit 2 ;;
	esac
done
tmp=$(mktemp -d)
cleanup() {
	[ -z "$base" ] || git worktree remove --force "$tmp/base-tree" >/dev/null 2>&1 || true
	rm -rf "$tmp"
	git worktree prune
}
trap cleanup EXIT
focus='sflogin.\(\*instance\).run$|\(\*instance\).run$|\(\*checker\).run$'
ignore='fuzz.roundTrip|fuzz.\(\*Universe\).Run.func'

go run ./internal/benchgen onefile > "$tmp/service.go"
export SFLINT_BENCH_SRC="$tmp/service.go"
go test -c -o "$tmp/this.test" ./internal/fuzz
builds=(this)
if [ -n "$base" ]; then
	git worktree add -q --detach "$tmp/base-tree" "$base"
	# A revision older than the benchmark gets this one's.
	[ -f "$tmp/base-tree/internal/fuzz/bench_test.go" ] || cp internal/fuzz/bench_test.go "$tmp/base-tree/internal/fuzz/"
	(cd "$tmp/base-tree" && go test -c -o "$tmp/base.test" ./internal/fuzz)
	builds=(base this)
fi

# figures bin prof: the analysis CPU, ast.Walk and mallocgc under it.
figures() {
	go tool pprof -top -cum -focus="$focus" -ignore="$ignore" "$1" "$2" 2>/dev/null |
		awk '/fuzz.\(\*Universe\).Run$/ {a=$4} / go\/ast.Walk$/ {w=$4} / runtime.mallocgc$/ {m=$4}
			END {printf "analysis %s   ast.Walk %s   mallocgc %s\n", a, w, m}'
}

rounds=1
[ -n "$base" ] && rounds=3
for r in $(seq "$rounds"); do
	for b in "${builds[@]}"; do
		(cd internal/fuzz && "$tmp/$b.test" -test.run '^$' -test.bench BenchmarkAnalysis \
			-test.benchtime "${n}x" -test.cpuprofile "$tmp/$b-$r.prof" >/dev/null)
		printf '%-4s run %d (%s packages): %s\n' "$b" "$r" "$n" "$(figures "$tmp/$b.test" "$tmp/$b-$r.prof")"
	done
done
echo
echo "analysis functions by cumulative CPU (this build, all runs):"
go tool pprof -top -cum -focus="$focus" -ignore="$ignore" "$tmp/this.test" "$tmp"/this-*.prof 2>/dev/null |
	grep 'sflint/' | head -"$top"
