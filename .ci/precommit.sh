#!/usr/bin/env bash
# .ci/precommit.sh: end-to-end check of sflint's pre-commit hooks
# (.pre-commit-hooks.yaml), with Debian's pre-commit.
#
# Snapshots this checkout (tracked and untracked files, as they are now) into
# a local git repository, then in a throwaway project whose
# .pre-commit-config.yaml points repo: at it, runs each hook (sflint and
# sflint-vet) with `pre-commit run --all-files`: it must fail on a bad file
# with sflint's message, pass when .sflint.yml disables the analyzer, and
# pass once the file is fixed. Then it runs both
# hooks on a copy of examples/ and compares their findings with
# examples/golden.
#
# Run from anywhere: bash .ci/precommit.sh. Installs pre-commit with apt-get
# when it is missing; needs go, git and the Go module proxy besides.
# SFLINT_KEEP=1 keeps the work directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

log() { printf '== precommit: %s\n' "$*" >&2; }

if ! command -v pre-commit >/dev/null 2>&1; then
	log "installing pre-commit (apt-get)"
	sudo=
	[[ $(id -u) -eq 0 ]] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pre-commit >/dev/null
fi
pre-commit --version >&2

if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
	export CGO_ENABLED=0
fi

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
[[ -z ${SFLINT_KEEP:-} ]] || { trap - EXIT; log "keeping $work"; }
# A fresh pre-commit cache; the Go module cache is shared with the machine's.
export PRE_COMMIT_HOME=$work/pre-commit-home
GOMODCACHE=$(go env GOMODCACHE)
export GOMODCACHE
git_id=(-c user.name=sflint-ci -c user.email=ci@sflint.invalid -c commit.gpgsign=false)

# 1. The hook repository: this checkout as it is, committed.
hooks=$work/sflint
mkdir -p "$hooks"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
	[[ -e $f ]] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -C "$hooks" -xf -
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" "${git_id[@]}" commit -q -m snapshot
rev=$(git -C "$hooks" rev-parse HEAD)

# 2. A throwaway project using the hooks.
proj=$work/project
mkdir -p "$proj"
cd "$proj"
git init -q
cat >go.mod <<'EOF'
module example.com/hookdemo

go 1.22
EOF
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: sflint
      - id: sflint-vet
EOF
# The bad file: the mission's core case, a security token pasted onto the
# password of a raw OAuth login. hardcodedtoken must fail the hook, and the
# token's characters must not appear in what the hook prints.
token=Q7rLm2XcVb9TzKp4WnYs8HdJe
cat >login.go <<EOF
// Package hookdemo logs in to Salesforce.
package hookdemo

import (
	"net/http"
	"net/url"
	"os"
)

// Login runs the OAuth username-password flow.
func Login(clientID, user string) (*http.Response, error) {
	return http.PostForm("https://login.salesforce.com/services/oauth2/token", url.Values{
		"grant_type": {"password"},
		"client_id":  {clientID},
		"username":   {user},
		"password":   {os.Getenv("SF_PASSWORD") + "$token"},
	})
}
EOF
want='password+security token for OAuth token endpoint (/services/oauth2/token) has a 25-char string literal appended'
git add -A

status=0
for hook in sflint sflint-vet; do
	log "$hook: bad file"
	start=$SECONDS
	rc=0
	pre-commit run "$hook" --all-files --color=never >"$work/$hook.bad" 2>&1 || rc=$?
	if grep -qF "${token:3:12}" "$work/$hook.bad"; then
		echo "precommit: $hook: the output repeats the security token" >&2
		status=1
	fi
	if [[ $rc -eq 0 ]] || ! grep -qF "$want" "$work/$hook.bad"; then
		cat "$work/$hook.bad" >&2
		echo "precommit: $hook: want a failure with: $want (exit $rc)" >&2
		status=1
	else
		log "$hook: failed as it should, in $((SECONDS - start))s: $(grep -F "$want" "$work/$hook.bad" | head -1)"
	fi
done

# The hooks read .sflint.yml: with hardcodedtoken disabled there, the same
# bad file passes both.
printf '# settings for sflint\ndisable: [hardcodedtoken]\n' >.sflint.yml
git add -A
for hook in sflint sflint-vet; do
	log "$hook: bad file, hardcodedtoken disabled in .sflint.yml"
	rc=0
	pre-commit run "$hook" --all-files --color=never >"$work/$hook.config" 2>&1 || rc=$?
	if [[ $rc -ne 0 ]]; then
		cat "$work/$hook.config" >&2
		echo "precommit: $hook: .sflint.yml disables hardcodedtoken, yet the hook failed (exit $rc)" >&2
		status=1
	else
		log "$hook: passed: it read .sflint.yml"
	fi
done
git rm -q --cached .sflint.yml && rm .sflint.yml

# The clean file: the same login, with the token read at run time.
cat >login.go <<'EOF'
// Package hookdemo logs in to Salesforce.
package hookdemo

import (
	"net/http"
	"net/url"
	"os"
)

// Login runs the OAuth username-password flow.
func Login(clientID, user string) (*http.Response, error) {
	return http.PostForm("https://login.salesforce.com/services/oauth2/token", url.Values{
		"grant_type": {"password"},
		"client_id":  {clientID},
		"username":   {user},
		"password":   {os.Getenv("SF_PASSWORD") + os.Getenv("SF_SECURITY_TOKEN")},
	})
}
EOF
git add -A
for hook in sflint sflint-vet; do
	log "$hook: clean file"
	rc=0
	pre-commit run "$hook" --all-files --color=never >"$work/$hook.clean" 2>&1 || rc=$?
	if [[ $rc -ne 0 ]]; then
		cat "$work/$hook.clean" >&2
		echo "precommit: $hook: failed on a clean file (exit $rc)" >&2
		status=1
	else
		log "$hook: passed"
	fi
done

# 3. The examples module as a project of its own: the hooks must report
#    exactly the golden findings (sflint by file, line and analyzer; go vet,
#    whose text output does not name the analyzer, by file and line).
ex=$work/examples
cp -R "$root/examples" "$ex"
rm -rf "$ex/golden"
cd "$ex"
git init -q
cp "$proj/.pre-commit-config.yaml" .
git add -A
: >"$work/want.txt"
for g in "$root"/examples/golden/*.txt; do
	[[ -e $g ]] || continue
	name=$(basename "$g" .txt)
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' -e "s/^[[:space:]]*/$name /" "$g" >>"$work/want.txt"
done
sort -u -o "$work/want.txt" "$work/want.txt"
cut -d' ' -f2 "$work/want.txt" | sort -u >"$work/want-lines.txt"
for hook in sflint sflint-vet; do
	log "$hook: examples/"
	rc=0
	pre-commit run "$hook" --all-files --color=never >"$work/$hook.examples" 2>&1 || rc=$?
	# Findings are "file.go:line:col: message" ("... (analyzer)" from
	# sflint); related information is indented (sflint) or starts its
	# message with a tab (go vet).
	tab=$'\t'
	sed -n -e "s#^$ex/##" -e 's#^\./##' -e "/^[^ :$tab]*\\.go:[0-9]*:[0-9]*: [^$tab]/p" "$work/$hook.examples" >"$work/$hook.findings"
	if [[ $hook == sflint ]]; then
		sed -n 's#^\([^ :]*\.go\):\([0-9]*\):[0-9]*: .* (\([a-z]*\))$#\3 \1:\2#p' "$work/$hook.findings" | sort -u >"$work/$hook.got"
		want_file=$work/want.txt
	else
		sed -n 's#^\([^ :]*\.go\):\([0-9]*\):[0-9]*: .*#\1:\2#p' "$work/$hook.findings" | sort -u >"$work/$hook.got"
		want_file=$work/want-lines.txt
	fi
	expect_rc=1
	[[ -s $want_file ]] || expect_rc=0
	if ! diff -u "$want_file" "$work/$hook.got" >"$work/$hook.diff" || { [[ $expect_rc -eq 0 ]] && [[ $rc -ne 0 ]]; } || { [[ $expect_rc -ne 0 ]] && [[ $rc -eq 0 ]]; }; then
		cat "$work/$hook.examples" >&2
		echo "precommit: $hook on examples/ (exit $rc): findings differ from examples/golden (- expected, + reported):" >&2
		grep '^[-+][a-z]' "$work/$hook.diff" >&2 || true
		status=1
	else
		log "$hook: $(wc -l <"$work/$hook.got") findings on examples/ match examples/golden"
	fi
done

if [[ $status -eq 0 ]]; then
	echo "precommit: sflint and sflint-vet fail on the bad file with sflint's message, read .sflint.yml, pass on the clean one, and report the golden findings on examples/"
fi
exit $status
