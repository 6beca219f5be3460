#!/bin/sh
# The pre-commit framework (Debian's 'pre-commit', from 'make
# test-deps') runs 'postmortem lint --staged' on the staged reports, end
# to end and without network:
#   - the project's .pre-commit-hooks.yaml, from a local clone path
#     (a Git repository made here that holds it), with 'postmortem' on
#     PATH as the hook expects;
#   - a clean report commits, a blaming one is refused with the finding
#     shown and HEAD unchanged;
#   - 'lint --staged FILE' lints the staged bytes of that file only,
#     while ids/unique and links/related see every report of the index;
#   - a report renamed (and edited) in the same commit is linted under
#     its new name, and its old name is no duplicate.
. "$(dirname "$0")/../lib.sh"
DATA="$TOP/tests/lint/data"

if ! command -v pre-commit >/dev/null 2>&1; then
	skip "precommit" "pre-commit is not installed (make test-deps)"
	done_testing
	exit
fi

check "precommit manifest is valid" \
    pre-commit validate-manifest "$TOP/.pre-commit-hooks.yaml"

T=$(tmpdir)
export PRE_COMMIT_HOME="$T/pc-home"
# The hook's entry is 'postmortem lint --staged': this build, on PATH.
mkdir -p "$T/bin"
case "$PM" in
valgrind*) printf '#!/bin/sh\nexec %s "$@"\n' "$PM" >"$T/bin/postmortem"
	chmod +x "$T/bin/postmortem" ;;
*) ln -s "$PM" "$T/bin/postmortem" ;;
esac
PATH="$T/bin:$PATH"

# The hooks repository: a clone path holding the project's manifest.
mkdir "$T/hooks" && cp "$TOP/.pre-commit-hooks.yaml" "$T/hooks/"
(cd "$T/hooks" && git init -q . && git add .pre-commit-hooks.yaml &&
    commit_at 2025-02-01T09:00:00Z 'hooks') || not_ok "precommit: hooks repo"
rev=$(git -C "$T/hooks" rev-parse HEAD)

repo=$T/repo
mkdir "$repo" && cd "$repo" || exit 1
git init -q .
cat >.pre-commit-config.yaml <<EOC
repos:
  - repo: $T/hooks
    rev: $rev
    hooks:
      - id: postmortem-lint
EOC
# A repository pack, so the test does not depend on rules/ content.
mkdir -p .postmortem
cp "$DATA/local-pack.yaml" .postmortem/blameless.yaml
printf 'rule_packs: [.postmortem/blameless.yaml]\n' >.postmortem.yaml
git add .pre-commit-config.yaml .postmortem.yaml .postmortem
commit_at 2025-02-10T09:00:00Z 'pre-commit configuration'
check "precommit installs the hook" sh -c 'pre-commit install >out 2>&1'
check "precommit: the hook is a pre-commit hook" test -x .git/hooks/pre-commit

# commit_ok NAME WHEN MSG: the commit goes through (output shown if not).
commit_ok() {
	if commit_at "$2" "$3" >out 2>&1; then ok "$1"
	else not_ok "$1"; sed 's/^/#   /' out; fi
}

cp "$DATA/good.md" good.md
git add good.md
commit_ok "precommit lets a clean report through" 2025-02-10T09:05:00Z \
    'add a clean report'
check "precommit ran the hook on the clean report" \
    grep -q 'postmortem lint.*Passed' out

head=$(git rev-parse HEAD)
cp "$DATA/blame.md" blame.md
git add blame.md
if commit_at 2025-02-10T09:10:00Z 'add a blaming report' >out 2>&1; then
	not_ok "precommit refuses a blaming report"
else
	ok "precommit refuses a blaming report"
fi
check "precommit output shows the finding with file, line and rule" \
    grep -q 'blame.md:33:.*\[language/blameless' out
check "precommit left HEAD alone" test "$(git rev-parse HEAD)" = "$head"

# Staged bytes, not the working tree: fix the file but do not stage it.
cp "$DATA/good.md" blame.md
sed -i 's/checkout-latency/checkout-blame/' blame.md
if postmortem lint --staged blame.md >out 2>&1; then
	not_ok "lint --staged reads the index"
else
	ok "lint --staged reads the index"
fi
check "lint --worktree reads the files" postmortem lint blame.md
if pre-commit run --files blame.md >out 2>&1; then
	not_ok "pre-commit run lints the staged bytes"
else
	ok "pre-commit run lints the staged bytes"
fi
git add blame.md
commit_ok "precommit: the fixed report commits" 2025-02-10T09:12:00Z \
    'add the fixed report'

# Only the named file is linted; ids/unique and links/related still see
# the whole index (the other reports are not named).
cp "$DATA/good.md" dup.md
git add dup.md
postmortem lint --staged dup.md >out 2>&1
check "lint --staged FILE sees ids of the whole index" \
    grep -q 'dup.md:3:.*\[ids/unique\]' out
check "lint --staged FILE reports that file only" \
    sh -c '! grep -q "^good.md\|^blame.md" out'
if commit_at 2025-02-10T09:15:00Z 'a duplicate id' >out 2>&1; then
	not_ok "precommit refuses a duplicate id of another report"
else
	ok "precommit refuses a duplicate id of another report"
fi
check "precommit shows the ids/unique finding" grep -q 'ids/unique' out
git rm -q --cached dup.md && rm dup.md

# links/related: a new report relating to one that is only in the index.
sed 's/^id: .*/id: 2025-02-11-staged-only/' "$DATA/good.md" >staged-only.md
git add staged-only.md
sed -e 's/^id: .*/id: 2025-02-12-follow-up/' \
    -e 's/^related: .*//' -e 's/^title: .*/title: Follow-up\nrelated: [2025-02-11-staged-only]/' \
    "$DATA/good.md" >follow.md
git add follow.md
postmortem lint --staged follow.md >out 2>&1
check "lint --staged: a related id found in the index is no finding" \
    sh -c '! grep -q "links/related" out'
git rm -q --cached staged-only.md && rm staged-only.md
postmortem lint --staged follow.md >out 2>&1
check "lint --staged: a related id missing from the index is a finding" \
    grep -q 'follow.md:.*links/related' out
git rm -q --cached follow.md && rm follow.md

# A report renamed and edited in the same commit: linted under its new
# name, the old name no longer in the index (no duplicate id).
mkdir -p 2025
git mv good.md 2025/good.md
printf '\nReviewed with the team on 2025-02-12.\n' >>2025/good.md
git add 2025/good.md
postmortem lint --staged 2025/good.md >out 2>&1
check "lint --staged: a renamed report is clean under its new name" \
    test $? -eq 0
commit_ok "precommit: a rename with an edit commits" 2025-02-12T10:00:00Z \
    'move the report'
check "precommit: the renamed report was linted" \
    grep -q 'postmortem lint.*Passed' out
git mv 2025/good.md 2025/renamed.md
cat "$DATA/blame.md" >2025/renamed.md
git add 2025/renamed.md
if commit_at 2025-02-12T10:05:00Z 'rename and break' >out 2>&1; then
	not_ok "precommit refuses a rename that brings a blaming line"
else
	ok "precommit refuses a rename that brings a blaming line"
fi
check "precommit names the new path in the finding" \
    grep -q '2025/renamed.md:33:.*language/blameless' out

cd "$TOP" || exit 1
done_testing
