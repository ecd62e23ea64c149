#!/usr/bin/env bash
# .ci/golangci.sh: end-to-end check of sflint's golangci-lint module plugin.
#
# Installs golangci-lint v2.15.0, builds a custom golangci-lint with the
# plugin in this checkout compiled in (offline: `golangci-lint custom` clones
# golangci-lint from github, so git is pointed at a local repository made from
# the module-cache copy of the same version), runs it on examples/ with the
# documented configuration (docs/golangci/), and compares its findings with
# examples/golden/<analyzer>.txt by (file, line, analyzer). It also checks
# what the documented configuration promises: every finding kept (two on
# one line included), no credential of the examples on screen, related
# information inside the finding's message (never an issue of its own), and
# //nolint:sflint silencing a finding whole.
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

# golangci-lint keeps findings and facts per package in its cache, salted
# with the binary's version; a custom binary built from a `path:` plugin gets
# a version from the plugin directory's top-level files only (golangci-lint
# v2.15.0 skips every subdirectory of a directory that has a go.mod), so
# the salt does not change when sflint's analyzers do, and findings of an
# earlier sflint come back from ~/.cache/golangci-lint. This run's cache is
# its own.
export GOLANGCI_LINT_CACHE=$work/cache
rm -rf "$GOLANGCI_LINT_CACHE"

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

# 4. Run it on examples/ with the documented .golangci.yml, as documented:
#    no output flags, so that the file's settings are what is tested.
log "running on examples/"
out=$work/golangci.out
status=0
(cd examples && "$bin" run --config "$root/docs/golangci/.golangci.yml" --path-mode=abs ./...) >"$out" || status=$?
if [[ $status -ne 0 && $status -ne 1 ]]; then
	cat "$out" >&2
	echo "golangci: golangci-lint exited $status" >&2
	exit 1
fi

# Lines look like "/abs/examples/poller/poller.go:12:3: blindretry: message (sflint)".
# Nothing else may appear: no source lines (print-issued-lines: false), no
# statistics, no "related information" issues (the plugin folds them into
# the message).
got=$work/got.txt
want=$work/want.txt
bad=$(grep -v "^$root/examples/[^:]*:[0-9]*:[0-9]*: [a-z]*: .* (sflint)\$" "$out" || true)
if [[ -n $bad ]]; then
	echo "golangci: unexpected output (not an sflint finding: a source line, statistics, related information?):" >&2
	echo "$bad" >&2
	exit 1
fi
if ! grep -q ' \[line [0-9]*: ' "$out"; then
	echo "golangci: no finding carries its related information in its message" >&2
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

# 5. Every finding kept: the integration test's login has two hardcodedtoken
#    findings on one line (the password and the token); the default
#    uniq-by-line would drop one.
same_line=$(grep -c "^$root/examples/sfconn/sfconn_integration_test.go:19:[0-9]*: hardcodedtoken: " "$out" || true)
if [[ $same_line -ne 2 ]]; then
	echo "golangci: want 2 hardcodedtoken findings on sfconn/sfconn_integration_test.go:19, got $same_line (issues.uniq-by-line?)" >&2
	exit 1
fi

# 6. No credential on screen: no string literal of a line hardcodedtoken
#    reports (8 characters or more) appears in the output.
leaks=0
while read -r loc; do
	file=${loc%%:*} line=${loc##*:}
	while IFS= read -r lit; do
		if grep -qF -- "$lit" "$out"; then
			echo "golangci: the output shows the literal $file:$line holds (${#lit} characters)" >&2
			leaks=1
		fi
	done < <(sed -n "${line}p" "examples/$file" | grep -o '"[^"]\{8,\}"' | tr -d '"')
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' examples/golden/hardcodedtoken.txt)
[[ $leaks -eq 0 ]] || exit 1

# 7. //nolint:sflint on a finding's line silences it whole, related
#    information included: a copy of examples/ with the directive on the
#    goto-retry login (poller/loops.go:115, related location on line 120).
nolint=$work/nolint
rm -rf "$nolint"
cp -R examples "$nolint"
sed -i '115s#$# //nolint:sflint // demo#' "$nolint/poller/loops.go"
(cd "$nolint" && "$bin" run --config "$root/docs/golangci/.golangci.yml" --path-mode=abs ./poller/...) >"$work/nolint.out" || true
if grep -q "poller/loops.go:1[12][0-9]:" "$work/nolint.out"; then
	echo "golangci: //nolint:sflint on poller/loops.go:115 left an issue standing:" >&2
	grep "poller/loops.go:1[12][0-9]:" "$work/nolint.out" >&2
	exit 1
fi
if ! grep -q "poller/loops.go:18:" "$work/nolint.out"; then
	cat "$work/nolint.out" >&2
	echo "golangci: the //nolint:sflint run lost the other findings of poller/" >&2
	exit 1
fi
# 8. An unknown sflint setting stops golangci-lint (exit 3, as the README
#    says) with sflint's message.
sed 's#^\([[:space:]]*\)tests: secrets#\1logns: [example.com/app/sf.Connect]#' docs/golangci/.golangci.yml >"$work/bad.yml"
status=0
(cd examples && "$bin" run --config "$work/bad.yml" ./poller/...) >"$work/bad.out" 2>&1 || status=$?
if [[ $status -ne 3 ]] || ! grep -q 'unknown key "logns" (did you mean "logins"?)' "$work/bad.out"; then
	cat "$work/bad.out" >&2
	echo "golangci: an unknown setting: exit $status, want 3 with sflint's message" >&2
	exit 1
fi
echo "golangci: $(wc -l <"$got") findings on examples/ match examples/golden ($(ls examples/golden/*.txt 2>/dev/null | wc -l) golden files); two findings on one line kept; no credential shown; //nolint:sflint silences a finding whole"
