#!/bin/sh
# Sources: the working tree, --staged, --rev, -C, named files outside a
# repository, shallow clones, and load findings (bad YAML, symbolic
# links, binary and oversized files) that never stop the other reports
# from loading.  Repositories are made here, with fixed dates.
. "$(dirname "$0")/../lib.sh"

# report ID [TITLE]: a small post-mortem with valid front matter.
report() {
	cat <<EOF
---
title: "${2:-Database failover}"
id: $1
severity: P2
started: 2025-01-01T10:00:00Z
ended: 2025-01-01T11:00:00Z
authors: ["@alice"]
---

## Summary

Text.
EOF
}

# A report whose front matter is not YAML (line 3 of the file).
bad_report() {
	printf -- '---\ntitle: "Broken\nid: [unclosed\n---\n\n## Summary\n'
}

# files: the N of the "... in N files" summary line (out or err).
files() {
	cat out err 2>/dev/null | sed -n 's/.* in \([0-9]*\) files*$/\1/p' |
	    tail -1
}

T=$(tmpdir)
cd "$T" || exit 2
git init -q repo
cd repo || exit 2
mkdir -p postmortems/2025 docs
report a >postmortems/2025/a.md
report b >postmortems/2025/b.md
printf '# Runbook\n\nNot a report.\n' >docs/runbook.md
printf 'ignored.md\nbuild/\n' >.gitignore
report ignored >ignored.md
mkdir -p build && report built >build/x.md
git add postmortems docs .gitignore
commit_at 2025-01-01T12:00:00Z "add reports"

# The working tree: reports listed, runbook skipped (no front matter),
# ignored files never listed.
pm lint --today 2025-02-01 >out 2>err
check "worktree lists front-matter reports only" \
    test "$(files)" = 2
check "ignored files are not listed" \
    sh -c '! grep -q "ignored.md\|build/x.md" out'

# -C from another directory, paths in the output relative to the root.
cd "$T" || exit 2
pm -C repo lint --today 2025-02-01 >out 2>err
check "-C finds the repository" test "$(files)" = 2
pm -C repo lint --today 2025-02-01 postmortems/2025/a.md >out 2>err
check "-C with a path relative to that directory" \
    test "$(files)" = 1
cd repo/postmortems || exit 2
pm lint --today 2025-02-01 2025/b.md >out 2>err
check "a path relative to a subdirectory" test "$(files)" = 1
check "output paths are relative to the root" \
    sh -c '! grep -q "^2025/b.md" out'
rm -f out err
cd "$T/repo" || exit 2

# --staged reads the staged blob, not the working tree file.
bad_report >postmortems/2025/a.md
git add postmortems/2025/a.md
report a >postmortems/2025/a.md
pm lint --today 2025-02-01 --staged >out 2>err
check "--staged reads the staged (broken) version" \
    grep -q '^postmortems/2025/a.md:[0-9]*:[0-9]*: error: .*\[frontmatter/syntax\]' out
pm lint --today 2025-02-01 >out 2>err
check "the working tree reads the fixed file" \
    sh -c '! grep -q "frontmatter/syntax" out'
pm lint --today 2025-02-01 --staged postmortems/2025/b.md >out 2>err
check "--staged with a named path" test "$(files)" = 1
git checkout -q -- postmortems/2025/a.md 2>/dev/null || git reset -q

# --rev reads an old tree from the object database.
bad_report >postmortems/2025/a.md
git add postmortems/2025/a.md
commit_at 2025-01-02T12:00:00Z "break a"
report a >postmortems/2025/a.md
git add postmortems/2025/a.md
commit_at 2025-01-03T12:00:00Z "fix a"
pm lint --today 2025-02-01 --rev HEAD~1 >out 2>err
check "--rev HEAD~1 reads the broken version" \
    grep -q 'postmortems/2025/a.md:.*\[frontmatter/syntax\]' out
pm lint --today 2025-02-01 --rev HEAD >out 2>err
check "--rev HEAD reads the fixed version" \
    sh -c '! grep -q "frontmatter/syntax" out'
pm lint --rev no-such-rev >out 2>err
check "an unknown revision exits 2" test $? -eq 2
check "an unknown revision is named" grep -q "no-such-rev" err

# A malformed report is a finding with file and line; the rest loads.
bad_report >postmortems/2025/bad.md
pm lint --today 2025-02-01 >out 2>err
check "bad YAML is a finding naming file and line" \
    grep -q '^postmortems/2025/bad.md:[1-9][0-9]*:[0-9]*: error: .*\[frontmatter/syntax\]' out
check "the other reports still load" test "$(files)" = 3
rm postmortems/2025/bad.md

# Symbolic links, binary and oversized files: input/limits findings.
ln -s a.md postmortems/2025/link.md
printf -- '---\ntitle: x\n\0binary\n' >postmortems/2025/bin.md
printf 'limits:\n  max_report_bytes: 2K\n' >.postmortem.yaml
{ report big; i=0; while [ $i -lt 100 ]; do
	echo "A line of text that makes the report larger than the limit."
	i=$((i + 1)); done; } >postmortems/2025/big.md
pm lint --today 2025-02-01 >out 2>err
check "a symbolic link is reported, not followed" \
    grep -q '^postmortems/2025/link.md:.*symbolic link.*\[input/limits\]' out
check "a binary file is reported" \
    grep -q '^postmortems/2025/bin.md:.*binary.*\[input/limits\]' out
check "an oversized file is reported" \
    grep -q '^postmortems/2025/big.md:.*larger than.*\[input/limits\]' out
check "the other reports still load past bad files" \
    test "$(files)" = 2
git add -A postmortems
commit_at 2025-01-04T12:00:00Z "link"
pm lint --today 2025-02-01 --rev HEAD >out 2>err
check "a symbolic link in a tree is reported" \
    grep -q '^postmortems/2025/link.md:.*symbolic link.*\[input/limits\]' out
git rm -q postmortems/2025/link.md postmortems/2025/bin.md \
    postmortems/2025/big.md
commit_at 2025-01-05T12:00:00Z "unlink"
rm -f .postmortem.yaml

# The configuration: unknown keys are errors naming file and line.
printf 'locale: en\nrulez: {}\n' >.postmortem.yaml
pm lint >out 2>err
check "a bad configuration exits 2" test $? -eq 2
check "a bad configuration names file and line" \
    grep -q '\.postmortem\.yaml:2: unknown key .rulez.' err
printf 'exclude: ["postmortems/2025/b.md"]\n' >.postmortem.yaml
pm lint --today 2025-02-01 >out 2>err
check "exclude globs drop files" test "$(files)" = 1
printf 'include: ["docs/**"]\n' >.postmortem.yaml
pm lint --today 2025-02-01 >out 2>err
check "include globs select files without front matter" \
    grep -q '^docs/runbook.md:.*frontmatter/required' out
rm -f .postmortem.yaml

# A named file without front matter is linted.
pm lint --today 2025-02-01 docs/runbook.md >out 2>err
check "a named file without front matter is linted" \
    grep -q '^docs/runbook.md:.*frontmatter/required' out

# Standard input.
pm lint --today 2025-02-01 - <postmortems/2025/b.md >out 2>err
check "standard input is read" test "$(files)" = 1

# First-added time follows a rename (2025-01-01, renamed 2025-03-01).
git mv postmortems/2025/b.md postmortems/2025/b-renamed.md
commit_at 2025-03-01T12:00:00Z "rename b"
pm show b --format json >out 2>err
if grep -q '"added"' out; then
	sed -n '/"added"/,/}/p' out >added
	check "first-added time survives a rename" \
	    grep -q '"time": *"2025-01-01T12:00:00Z"' added
else
	ok "first-added time survives a rename # SKIP show has no 'added'"
fi

# Outside a repository, named files still work.
mkdir "$T/plain"
report c >"$T/plain/c.md"
cd "$T/plain" || exit 2
pm lint --today 2025-02-01 c.md >out 2>err
check "outside a repository a named file is linted" \
    test "$(files)" = 1
check "outside a repository the path is as named" grep -q 'c.md' out
pm lint --staged c.md >out 2>err
check "--staged outside a repository exits 2" test $? -eq 2

# A shallow clone works.
cd "$T" || exit 2
git clone -q --depth 1 "file://$T/repo" shallow 2>/dev/null
cd shallow || exit 2
pm lint --today 2025-02-01 >out 2>err
rc=$?
check "a shallow clone lints" test "$rc" -ne 2
check "a shallow clone loads every report" test "$(files)" = 2

# An empty repository.
cd "$T" && git init -q empty && cd empty || exit 2
pm lint --today 2025-02-01 >out 2>err
check "an empty repository lints" test $? -eq 0

cd "$TOP" || exit 2
done_testing
