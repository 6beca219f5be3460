#!/bin/sh
# 'distributed' from the history a reader saw (issue 11): a report
# written on a branch, committed on day D, and merged into main a week
# later is distributed on D (the commit the pull request showed), not on
# the merge.  Both readings of the history are checked: the whole walk
# (adopt, lint of every report) and the few-paths bisection (lint of a
# named file).  Made here: a real repository with a branch and a
# --no-ff merge at chosen dates.
. "$(dirname "$0")/../lib.sh"

d=$(tmpdir)
r=$d/repo
git init -q "$r"
cat >"$d/report.md" <<'EOF'
# Cache node lost its disk

## Summary

One cache node lost its disk; requests went to the database for an hour.

## Timeline

- 2024-02-28 09:00 UTC: the disk of cache-3 fails
- 2024-02-28 09:05 UTC: the hit-rate alarm fires
- 2024-02-28 10:00 UTC: cache-3 is replaced and the hit rate recovers
EOF
(
	cd "$r" || exit 1
	echo "# Reports" >README.md
	git add README.md
	commit_at 2024-01-01T00:00:00Z "start"
	git checkout -q -b report
	mkdir -p incidents
	cp "$d/report.md" incidents/2024-02-28-cache-disk.md
	git add incidents
	commit_at 2024-03-02T10:00:00Z "report: cache disk"
	git checkout -q main
	echo "more" >>README.md
	git add README.md
	commit_at 2024-03-04T12:00:00Z "main moves on"
	GIT_AUTHOR_DATE=2024-03-09T10:00:00Z \
	    GIT_COMMITTER_DATE=2024-03-09T10:00:00Z \
	    git merge -q --no-ff -m "Merge branch 'report'" report
) >/dev/null 2>&1
check "distributed: the merge is a merge commit" \
    test "$(git -C "$r" rev-list --parents -n 1 HEAD | wc -w)" -eq 3

(cd "$r" && $PM adopt >"$d/diff" 2>/dev/null)
check "distributed: adopt takes the branch commit (D), not the merge (D+7)" \
    grep -q '^+distributed: 2024-03-02T10:00:00Z$' "$d/diff"
(cd "$r" && $PM adopt incidents/2024-02-28-cache-disk.md >"$d/diff2" \
    2>/dev/null)
check "distributed: the same for a named file" \
    grep -q '^+distributed: 2024-03-02T10:00:00Z$' "$d/diff2"

# lint of a report without 'distributed': the first commit is the
# branch's (3 days after 'ended', not 10).
printf 'include: ["incidents/**"]\n' >"$r/.postmortem.yaml"
(cd "$r" && git add .postmortem.yaml &&
    commit_at 2024-03-10T00:00:00Z config) >/dev/null
(cd "$r" && $PM lint --today 2024-04-01 >"$d/lint" 2>&1)
check "distributed: lint of every report reads the branch commit" \
    grep -q 'first committed 2024-03-02T10:00:00Z' "$d/lint"
(cd "$r" && $PM lint --today 2024-04-01 \
    incidents/2024-02-28-cache-disk.md >"$d/lint2" 2>&1)
check "distributed: lint of a named report reads the branch commit" \
    grep -q 'first committed 2024-03-02T10:00:00Z' "$d/lint2"

# A file added by the merge commit itself (on no branch) keeps the
# merge's time: nothing earlier supports another.
(
	cd "$r" || exit 1
	git checkout -q -b other
	echo x >other.txt
	git add other.txt
	commit_at 2024-05-01T00:00:00Z "other"
	git checkout -q main
	GIT_AUTHOR_DATE=2024-05-09T00:00:00Z \
	    GIT_COMMITTER_DATE=2024-05-09T00:00:00Z \
	    git merge -q --no-ff --no-commit other
	mkdir -p incidents
	cp "$d/report.md" incidents/2024-02-28-evil.md
	git add incidents
	commit_at 2024-05-09T00:00:00Z "merge with a file of its own"
) >/dev/null 2>&1
(cd "$r" && $PM adopt incidents/2024-02-28-evil.md >"$d/diff3" 2>/dev/null)
check "distributed: a file only the merge adds has the merge's time" \
    grep -q '^+distributed: 2024-05-09T00:00:00Z$' "$d/diff3"

done_testing
