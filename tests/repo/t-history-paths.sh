#!/bin/sh
# The history of a few named or staged reports (lint PATHS, --staged
# FILE) is looked up path by path; it must agree with the full walk:
# a report renamed and edited later keeps the time of its first commit.
. "$(dirname "$0")/../lib.sh"
T=$(tmpdir)
cd "$T" || exit 2
git init -q repo && cd repo || exit 2
mkdir -p pm
cat >pm/a.md <<'EOR'
---
title: Replica lag served stale reads
id: a
severity: P2
started: 2026-05-19T13:00:00Z
ended: 2026-05-19T14:20:00Z
authors: ["@alice"]
---
EOR
git add pm/a.md
commit_at 2026-05-25T10:00:00Z "add a, six days late"
for i in 1 2 3 4 5; do
	echo "$i" >"f$i"
	git add "f$i"
	commit_at "2026-06-0${i}T10:00:00Z" "unrelated $i"
done
mkdir pm/2026
git mv pm/a.md pm/2026/a.md
echo "An edit in the renaming commit." >>pm/2026/a.md
git add -A
commit_at 2026-07-01T10:00:00Z "move and edit a"
echo "A staged edit." >>pm/2026/a.md
git add pm/2026/a.md

want='first committed 2026-05-25T10:00:00Z'
pm lint --staged --today 2026-11-01 >all.out 2>/dev/null
check "full walk: renamed report keeps its first commit" \
    grep -q "pm/2026/a.md:.*$want.*distribution/48h" all.out
pm lint --staged --today 2026-11-01 pm/2026/a.md >one.out 2>/dev/null
check "one staged path: renamed report keeps its first commit" \
    grep -q "pm/2026/a.md:.*$want.*distribution/48h" one.out
check "one staged path: same distribution finding as the full walk" \
    test "$(grep distribution all.out)" = "$(grep distribution one.out)"

# A new, uncommitted report is not in the history: distributed "today".
cp pm/2026/a.md pm/2026/b.md
sed -i 's/^id: a$/id: b/' pm/2026/b.md
git add pm/2026/b.md
pm lint --staged --today 2026-05-20 pm/2026/b.md >new.out 2>/dev/null
check "one staged path: a new report is not late when shared today" \
    sh -c '! grep -q distribution/48h new.out'
done_testing
