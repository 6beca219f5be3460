#!/bin/sh
# The pre-commit framework runs 'postmortem lint --staged' on the staged
# reports: a commit with a blaming report is refused, a clean one goes
# through, and 'lint --staged FILE' lints the staged bytes of exactly
# that file while ids/unique sees the whole index.  Installs nothing:
# Debian's pre-commit comes from 'make test-deps'.
. "$(dirname "$0")/../lib.sh"
DATA="$TOP/tests/lint/data"

if ! command -v pre-commit >/dev/null 2>&1; then
	ok "precommit # skip: pre-commit is not installed (make test-deps)"
	done_testing
	exit
fi

check "precommit manifest is valid" \
    pre-commit validate-manifest "$TOP/.pre-commit-hooks.yaml"

repo=$(tmpdir)
export PRE_COMMIT_HOME="$repo.pc-home"
T_TMPS="$T_TMPS $PRE_COMMIT_HOME"
cd "$repo" || exit 1
git init -q .
# The hook of .pre-commit-hooks.yaml, as a local hook on this build.
cat >.pre-commit-config.yaml <<EOC
repos:
  - repo: local
    hooks:
      - id: postmortem-lint
        name: postmortem lint
        entry: $PM lint --staged
        language: system
        files: \\.md\$
        pass_filenames: true
EOC
# A repository pack, so the test does not depend on rules/ content.
mkdir -p .postmortem
cp "$DATA/local-pack.yaml" .postmortem/blameless.yaml
printf 'rule_packs: [.postmortem/blameless.yaml]\n' >.postmortem.yaml
git add .pre-commit-config.yaml .postmortem.yaml .postmortem
commit_at 2025-02-10T09:00:00Z 'pre-commit configuration'
check "precommit installs" sh -c 'pre-commit install >/dev/null 2>&1'

cp "$DATA/good.md" good.md
git add good.md
if commit_at 2025-02-10T09:05:00Z 'add a clean report' >out 2>&1; then
	ok "precommit lets a clean report through"
else
	not_ok "precommit lets a clean report through"
	sed 's/^/#   /' out
fi

head=$(git rev-parse HEAD)
cp "$DATA/blame.md" blame.md
git add blame.md
if commit_at 2025-02-10T09:10:00Z 'add a blaming report' >out 2>&1; then
	not_ok "precommit refuses a blaming report"
else
	ok "precommit refuses a blaming report"
fi
check "precommit output names the rule" \
    grep -q 'blame.md:33:.*\[language/blameless' out
check "precommit left HEAD alone" test "$(git rev-parse HEAD)" = "$head"

# Staged bytes, not the working tree: fix the file but do not stage it.
cp "$DATA/good.md" blame.md
sed -i 's/checkout-latency/checkout-blame/' blame.md
if $PM lint --staged blame.md >out 2>&1; then
	not_ok "lint --staged reads the index"
else
	ok "lint --staged reads the index"
fi
check "lint --worktree reads the files" $PM lint blame.md

# Only the named file is linted; ids/unique still sees the index.
sed 's/checkout-latency/checkout-latency/' "$DATA/good.md" >dup.md
git add dup.md
$PM lint --staged dup.md >out 2>&1
check "lint --staged FILE sees ids of the whole index" \
    grep -q 'dup.md:3:.*\[ids/unique\]' out
check "lint --staged FILE reports that file only" \
    sh -c '! grep -q "^good.md\|^blame.md" out'

cd "$TOP" || exit 1
done_testing
