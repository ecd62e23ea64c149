#!/usr/bin/env bash
# .ci/readme.sh: runs the commands README.md shows, on a copy of examples/,
# and checks the exit status the README gives each. Every command run here
# must appear in README.md verbatim, so that the two cannot drift apart.
# (golangci-lint's are run by .ci/golangci.sh, pre-commit's by
# .ci/precommit.sh; installing from the network is not run.)
#
# Run from anywhere: bash .ci/readme.sh. Needs go and the Go module proxy.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
export CGO_ENABLED=0 GOFLAGS="-mod=mod -buildvcs=false"

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/bin"
export PATH="$work/bin:$PATH"
fail=0

# check WANT 'command': the command must be in README.md; run it with bash
# in the current directory and want its exit status.
check() {
	local want=$1 cmd=$2 got=0
	if ! grep -qF -- "$cmd" "$root/README.md"; then
		echo "readme: README.md does not show: $cmd" >&2
		fail=1
		return
	fi
	bash -c "$cmd" >"$work/out" 2>"$work/err" || got=$?
	if [[ $got -ne $want ]]; then
		echo "readme: $cmd: exit $got, README says $want" >&2
		head -5 "$work/err" >&2
		fail=1
	else
		echo "readme: ok (exit $got): $cmd"
	fi
}

# Install, as the README says (into a temporary GOBIN).
GOBIN=$work/bin check 0 'go install ./cmd/sflint'
check 0 'sflint -version'
grep -q '^sflint devel' "$work/out" || { echo "readme: sflint -version from a clone does not say devel" >&2; fail=1; }

# The quick start, from a directory holding examples/.
mkdir -p "$work/clone"
cp -R examples "$work/clone/examples"
cd "$work/clone"
check 3 'sflint -C examples ./...'
check 0 'sflint help nologout'

cd "$work/clone/examples"
git init -q && git add -A && git -c user.name=ci -c user.email=ci@sflint.invalid -c commit.gpgsign=false commit -qm examples

# Standalone.
check 3 'sflint ./...'
check 3 'sflint -nologout ./...'
check 3 'sflint -json ./...'
check 3 'sflint -format=sarif ./... > sflint.sarif'
grep -q '"executionSuccessful": true' sflint.sarif || { echo "readme: sflint.sarif: no successful invocation" >&2; fail=1; }
check 1 'sflint -diff ./...'
git diff --quiet || { echo "readme: sflint -diff changed files" >&2; fail=1; }
check 3 'sflint -tags=integration ./...'

# go vet and go fix.
check 1 'go vet -vettool=$(command -v sflint) ./...'
check 1 'go vet -vettool=$(command -v sflint) -nologout=false ./...'
check 1 'go fix -fixtool=$(command -v sflint) -diff ./...'

# The code scanning step: exit 3 is success there.
check 0 'sflint -format=sarif ./... > sflint.sarif || [ $? -eq 3 ]'

# Configuration: the README's example file, then its misspelt key.
sed -n '/^## Configuration/,/^```$/p' "$root/README.md" | sed -n '/^```yaml$/,/^```$/p' | sed '1d;$d' >.sflint.yml
[[ -s .sflint.yml ]] || { echo "readme: no .sflint.yml example under ## Configuration" >&2; fail=1; }
check 3 'sflint ./...'
if grep -q '(nologout)$' "$work/out"; then
	echo "readme: the example .sflint.yml (disable: [nologout]) did not disable nologout" >&2
	fail=1
fi
printf 'disable: [nologout]\nlogin: [example.com/app/sf.Connect]\n' >.sflint.yml
check 2 'sflint ./...'
shown=$(grep -o '^sflint: .sflint.yml:2: unknown key "login" (did you mean "logins"?); valid keys: enable, disable, logins, ' "$root/README.md" || true)
if [[ -z $shown ]] || ! grep -qF -- "$shown" "$work/err"; then
	echo "readme: the misspelt-key message differs from README.md: $(cat "$work/err")" >&2
	fail=1
fi
check 1 'go vet -vettool=$(command -v sflint) ./...'
grep -q 'unknown key "login"' "$work/err" || { echo "readme: go vet did not stop on the bad .sflint.yml" >&2; fail=1; }
rm .sflint.yml

# Adoption with a baseline.
check 0 'sflint -baseline-write=.sflint-baseline.json ./...'
check 0 'sflint -baseline=.sflint-baseline.json ./...'
[[ ! -s $work/out ]] || { echo "readme: findings reported despite the baseline" >&2; fail=1; }
rm .sflint-baseline.json

# Fixes, last: they change the files.
check 0 'sflint -fix ./...'
grep -q '^sflint: [0-9]* fixes applied, [0-9]* files changed' "$work/err" || { echo "readme: sflint -fix printed no summary" >&2; fail=1; }
git checkout -q .
check 0 'go vet -vettool=$(command -v sflint) -fix ./...'
git diff --quiet && { echo "readme: go vet -fix changed nothing" >&2; fail=1; }

if [[ $fail -ne 0 ]]; then
	exit 1
fi
echo "readme: every command checked runs as README.md says"
