#!/usr/bin/env bash
# .ci/golangci.sh: end-to-end check of sflint's golangci-lint module plugin.
#
# Installs golangci-lint v2.15.0, builds a custom golangci-lint with the
# plugin in this checkout compiled in (offline: `golangci-lint custom` clones
# golangci-lint from github, so git is pointed at a local repository made from
# the module-cache copy of the same version), runs it on examples/ with the
# documented configuration (docs/golangci/), and compares its findings with
# examples/golden/<analyzer>.txt by (file, line, analyzer).
#
# Run from anywhere: bash .ci/golangci.sh. Needs go, git and the Go module
# proxy; nothing else. SFLINT_GCL_WORK=dir keeps the work files (and the
# custom binary, dir/build/custom-gcl) there instead of a temporary directory;
# SFLINT_GCL_BIN=path skips the build and uses that binary.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
version=v2.15.0
module=github.com/golangci/golangci-lint/v2

if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
	export CGO_ENABLED=0
fi

work=${SFLINT_GCL_WORK:-}
if [[ -z $work ]]; then
	work=$(mktemp -d)
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)

log() { printf '== golangci: %s\n' "$*" >&2; }

bin=${SFLINT_GCL_BIN:-}
if [[ -z $bin ]]; then
	# 1. golangci-lint itself, at the pinned version.
	gcl=$(go env GOPATH)/bin/golangci-lint
	if ! "$gcl" version 2>/dev/null | grep -q "version ${version#v} "; then
		log "installing golangci-lint $version"
		go install "$module/cmd/golangci-lint@$version"
	fi

	# 2. A local git repository of golangci-lint $version, made from the
	#    module cache, that `golangci-lint custom` clones instead of github.
	src=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$module@$version" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	[[ -d $src ]] || { echo "golangci: go mod download gave no directory for $module@$version" >&2; exit 1; }
	repo=$work/golangci-lint-src
	chmod -R u+w "$repo" 2>/dev/null || true
	rm -rf "$repo"
	cp -R "$src" "$repo"
	chmod -R u+w "$repo"
	git -C "$repo" init -q
	git -C "$repo" add -A -f
	git -C "$repo" -c user.name=sflint-ci -c user.email=ci@sflint.invalid -c commit.gpgsign=false \
		commit -q -m "golangci-lint $version from the module cache"
	git -C "$repo" tag "$version"

	# 3. The custom binary, from the documented .custom-gcl.yml with `path:`
	#    pointing at this checkout.
	build=$work/build
	mkdir -p "$build"
	sed -e "s#^\([[:space:]]*\)path: .*#\1path: $root#" -e "s#^destination: .*#destination: $build#" \
		docs/golangci/.custom-gcl.yml >"$build/.custom-gcl.yml"
	log "building the custom binary (slow the first time: it compiles golangci-lint)"
	start=$SECONDS
	(
		cd "$build"
		GIT_CONFIG_COUNT=1 \
			GIT_CONFIG_KEY_0="url.file://$repo.insteadOf" \
			GIT_CONFIG_VALUE_0="https://github.com/golangci/golangci-lint.git" \
			"$gcl" custom
	)
	log "built $build/custom-gcl in $((SECONDS - start))s"
	bin=$build/custom-gcl
fi
"$bin" version >&2

# 4. Run it on examples/ with the documented .golangci.yml.
log "running on examples/"
out=$work/golangci.out
status=0
(cd examples && "$bin" run --config "$root/docs/golangci/.golangci.yml" --path-mode=abs \
	--output.text.path=stdout --output.text.print-issued-lines=false --output.text.colors=false --show-stats=false \
	./...) >"$out" || status=$?
if [[ $status -ne 0 && $status -ne 1 ]]; then
	cat "$out" >&2
	echo "golangci: golangci-lint exited $status" >&2
	exit 1
fi

# Lines look like "/abs/examples/poller/poller.go:12:3: blindretry: message (sflint)".
# Related information comes as separate "blindretry(related information): ..." issues: not findings.
got=$work/got.txt
want=$work/want.txt
bad=$(grep -v "^$root/examples/[^:]*:[0-9]*:[0-9]*: [a-z]*: .* (sflint)\$" "$out" |
	grep -v "^$root/examples/[^:]*:[0-9]*:[0-9]*: [a-z]*(related information): " || true)
if [[ -n $bad ]]; then
	echo "golangci: unexpected output (not an sflint finding):" >&2
	echo "$bad" >&2
	exit 1
fi
sed -n "s#^$root/examples/\([^:]*\):\([0-9]*\):[0-9]*: \([a-z]*\): .*#\3 \1:\2#p" "$out" | sort -u >"$got"
: >"$want"
for g in examples/golden/*.txt; do
	[[ -e $g ]] || continue
	name=$(basename "$g" .txt)
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' -e "s/^[[:space:]]*/$name /" "$g" >>"$want"
done
sort -u -o "$want" "$want"

if ! diff -u "$want" "$got" >"$work/diff.txt"; then
	echo "golangci: findings differ from examples/golden (- expected, + reported by golangci-lint):" >&2
	grep '^[-+][a-z]' "$work/diff.txt" >&2
	exit 1
fi
echo "golangci: $(wc -l <"$got") findings on examples/ match examples/golden ($(ls examples/golden/*.txt 2>/dev/null | wc -l) golden files)"
