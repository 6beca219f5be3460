#!/bin/sh
# The lint records of the cache (lib/lint/replay.c): a warm lint of the
# working tree reads and parses no unchanged report, replays its
# findings and runs the rules that read more than the report (history,
# today, the other reports, the tree) again.  Every answer is the one
# of --no-cache, byte for byte, in every format and with any -j: warm,
# after an edit (only that report is linted again), a rename, a
# changed configuration, another --today, a removed report that
# another one names, a duplicated id, a corrupt or truncated cache, and
# lints that run while another writes it.
. "$(dirname "$0")/../lib.sh"
need_gen_corpus "lint-cache"
T=$(tmpdir)
R=$T/repo
python3 "$GEN" --count 70 --violations 0.5 --git --renames 0.2 --seed 23 \
    --out "$R" >/dev/null || { not_ok "lint-cache: generate"; done_testing; exit; }
cd "$R" || exit 2
C=.git/postmortem/cache
export PM_CACHE_STATS=1
TODAY=2026-11-01

# A report of our own: an open action item with a deadline (overdue
# after it), a related id and a [[link]] to reports of the tree, a file
# link, a blameless slip, and a report that switches a rule off.
ids=$(git ls-files 'postmortems/*.md' | head -3 | xargs sed -n 's/^id: //p' | tr '\n' ' ')
test -n "$ids" || { not_ok "lint-cache: ids of the fixture"; done_testing; exit; }
set -- $ids
REL1=$1 REL2=$2
cat >postmortems/own.md <<EOF
---
id: own-report
title: Queue consumers stalled after a config push
severity: P2
status: final
started: 2026-05-04T10:00:00Z
detected: 2026-05-04T10:05:00Z
mitigated: 2026-05-04T10:40:00Z
ended: 2026-05-04T11:00:00Z
services: [queue]
distributed: 2026-05-05T09:00:00Z
follow_up: 2026-06-01
related: [$REL1]
---

## Summary

Consumers stopped after a configuration push; see [[$REL2]] and
[the graph](graph.png).

## Impact

Orders were delayed by forty minutes.

## Root Cause

The push removed the consumer group name, so every consumer left the group.

## Timeline (all times UTC)

| Time  | Event                     |
|-------|---------------------------|
| 10:00 | Config pushed             |
| 10:05 | Lag alert fires           |
| 10:40 | Config reverted           |
| 11:00 | Lag back to zero          |

## Contributing Factors

1. **Review Gap**: the config change had no reviewer
2. **Monitoring Gap**: no alert on consumer group size

## Action Items

| ID | Action | Owner | Deadline | Priority | Status | Ticket |
|----|--------|-------|----------|----------|--------|--------|
| A1 | Require a review for queue config | @ops | 2026-09-01 | High | Open | OPS-1 |
| A2 | Alert when the consumer group shrinks | @ops | 2027-02-01 | Medium | Open | OPS-2 |

## Lessons Learned

Bob should have known better than to push on a Friday.
EOF
sed -e 's/^id: own-report/id: own-quiet/' \
    -e 's/^related: .*/related: [no-such-report]/' \
    -e 's/^## Action Items/<!-- postmortem-disable actions\/overdue -->\
\
&/' \
    -e 's/^## Lessons Learned/<!-- postmortem-disable language\/blameless -->\
\
&/' postmortems/own.md >postmortems/quiet.md
git add postmortems/own.md postmortems/quiet.md
git commit -q -m "two reports of our own"

# lint NAME ARGS...: standard output, status and standard error (but
# the cache's own line, in NAME.cache) in $T/NAME.
lint() {
	n=$1; shift
	$PM lint --today "$TODAY" "$@" >"$T/$n" 2>"$T/$n.err"
	echo "exit $?" >>"$T/$n"
	grep '^cache:' "$T/$n.err" >"$T/$n.cache"
	grep -v '^cache:' "$T/$n.err" >>"$T/$n"
}
same() { cmp -s "$T/$1" "$T/$2" || { diff -u "$T/$1" "$T/$2" | head -20 >&2; false; }; }
ndocs() { git ls-files 'postmortems/*.md' | wc -l | tr -d ' '; }

rm -rf .git/postmortem
for fmt in text json sarif github gitlab junit; do
	lint nc-$fmt --no-cache --format $fmt
done
check "lint-cache: --no-cache writes nothing" test ! -e .git/postmortem
check "lint-cache: the fixture has findings of the rules run again" \
    sh -c "grep -q 'actions/overdue' '$T/nc-text' && grep -q 'links/related' '$T/nc-text' && grep -q 'links/local' '$T/nc-text'"
check "lint-cache: a rule run again is suppressed too" \
    sh -c "grep 'own.md' '$T/nc-text' | grep -q 'actions/overdue' && ! grep 'quiet.md' '$T/nc-text' | grep -q 'actions/overdue'"
check "lint-cache: the suppressed rule is suppressed" \
    sh -c "grep 'own.md' '$T/nc-text' | grep -q 'language/blameless' && ! grep 'quiet.md' '$T/nc-text' | grep -q 'language/blameless'"
lint cold --format text
check "lint-cache: cold = --no-cache" same nc-text cold
check "lint-cache: cold replays nothing" grep -q ', 0 replayed' "$T/cold.cache"
N=$(ndocs)
# quiet.md has a suppression comment: it never has a record.
W=$((N - 1))
for fmt in text json sarif github gitlab junit; do
	for j in 1 2; do
		lint warm-$fmt-$j --format $fmt -j$j
		check "lint-cache: warm $fmt -j$j = --no-cache" same nc-$fmt warm-$fmt-$j
	done
done
check "lint-cache: warm replays every report but the one with a suppression comment" \
    grep -q ", $W replayed" "$T/warm-text-1.cache"
check "lint-cache: a warm run writes nothing" grep -q ', 0 added' "$T/warm-text-1.cache"

# Edit one report (not staged): only it is linted again, and what it
# says now is what is reported.
printf '\nAlice caused the outage by pushing the change.\n' >>postmortems/own.md
lint nc-edit --no-cache
lint edit
check "lint-cache: after an edit = --no-cache" same nc-edit edit
check "lint-cache: after an edit, that report is linted again" \
    grep -q ", $((W - 1)) replayed" "$T/edit.cache"
check "lint-cache: after an edit, its new finding is there" \
    sh -c "! cmp -s '$T/nc-text' '$T/edit'"
git checkout -q postmortems/own.md

# Rename a report: no finding keeps the old path, line text is right.
git mv postmortems/own.md postmortems/renamed.md
lint nc-mv --no-cache --format sarif
lint mv --format sarif
check "lint-cache: after a rename = --no-cache" same nc-mv mv
check "lint-cache: after a rename, no old path" sh -c "! grep -q 'own.md' '$T/mv'"
lint mv2 --format sarif
check "lint-cache: after a rename, warm again = --no-cache" same nc-mv mv2
git mv postmortems/renamed.md postmortems/own.md

# Renamed in the index, where records are by blob id: a report without
# an 'id:' line takes its id from its new name, and now shares it.
sed '/^id: /d' postmortems/own.md >postmortems/noid-a.md
sed -e '/^id: /d' -e 's/forty minutes/fifty minutes/' postmortems/own.md \
    >postmortems/noid-b.md
git add postmortems/noid-a.md postmortems/noid-b.md
git commit -q -m "two reports without ids"
lint st0 --staged --format json
lint st1 --staged --format json
check "lint-cache: --staged warm replays" grep -q ', [1-9][0-9]* replayed' "$T/st1.cache"
mkdir -p postmortems/sub
git mv postmortems/noid-b.md postmortems/sub/noid-a.md
lint nc-st --no-cache --staged --format json
lint st2 --staged --format json
check "lint-cache: --staged after a rename = --no-cache" same nc-st st2
check "lint-cache: --staged after a rename, the new name's id is shared" \
    grep -q "id 'noid-a' is also used" "$T/st2"
lint nc-rev --no-cache --rev HEAD --format gitlab
lint rev0 --rev HEAD --format gitlab
lint rev1 --rev HEAD --format gitlab
check "lint-cache: --rev cold = --no-cache" same nc-rev rev0
check "lint-cache: --rev warm = --no-cache" same nc-rev rev1
git rm -q -f postmortems/sub/noid-a.md postmortems/noid-a.md
git commit -q -m "no more reports without ids"
git status --porcelain >/dev/null

# Another day: overdue action items follow --today.
TODAY=2027-03-01
lint nc-day --no-cache
lint day
check "lint-cache: another --today = --no-cache" same nc-day day
check "lint-cache: another --today replays still" grep -q ", $W replayed" "$T/day.cache"
check "lint-cache: another --today changes the findings" sh -c "! cmp -s '$T/nc-text' '$T/day'"
TODAY=2026-11-01

# The report that own.md relates to is gone; a copy takes an id.
mv "$(git grep -l "^id: $REL1\$" -- postmortems | head -1)" "$T/gone.md"
cp postmortems/own.md postmortems/copy.md
lint nc-xfile --no-cache --format json
lint xfile --format json
check "lint-cache: a report gone and an id taken = --no-cache" same nc-xfile xfile
check "lint-cache: ids/unique and links/related seen warm" \
    sh -c "grep -q 'ids/unique' '$T/xfile' && grep -q \"related id '$REL1'\" '$T/xfile'"
rm postmortems/copy.md
git checkout -q -- postmortems

# Another configuration: the cache is not used.
printf 'thresholds:\n  followup_min_days: 10\n  followup_max_days: 20\n' >.postmortem.yaml
lint nc-conf --no-cache
lint conf
check "lint-cache: another configuration = --no-cache" same nc-conf conf
check "lint-cache: another configuration changes the findings" sh -c "! cmp -s '$T/nc-text' '$T/conf'"
check "lint-cache: another configuration: stale, nothing replayed" \
    grep -q '^cache: stale, .* 0 replayed' "$T/conf.cache"
rm .postmortem.yaml
lint back
check "lint-cache: back to no configuration = --no-cache" same nc-text back

# A corrupt or truncated cache: ignored, rewritten, the same answer.
lint warm0
cp "$C" "$T/good"
head -c 5000 "$T/good" >"$C"
lint trunc
check "lint-cache: truncated cache = --no-cache" same nc-text trunc
check "lint-cache: truncated cache noticed" grep -q '^cache: corrupt' "$T/trunc.cache"
lint trunc2
check "lint-cache: truncated cache rewritten" grep -q "^cache: ok, .* $W replayed" "$T/trunc2.cache"
python3 -c '
import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) * 2 // 3] ^= 0x21
open(sys.argv[2], "wb").write(b)' "$T/good" "$C"
lint flip
check "lint-cache: a flipped byte = --no-cache" same nc-text flip
check "lint-cache: a flipped byte noticed" grep -q '^cache: corrupt' "$T/flip.cache"

# Lints while others write the cache: every answer the same.
$PM lint --no-cache --today "$TODAY" --format json >"$T/ncjson.out" 2>/dev/null
rm -rf .git/postmortem
i=0
while [ $i -lt 4 ]; do
	$PM lint --today "$TODAY" --format json >"$T/par$i" 2>/dev/null &
	i=$((i + 1))
done
wait
i=0
while [ $i -lt 4 ]; do
	check "lint-cache: parallel lint $i = --no-cache" \
	    cmp -s "$T/par$i" "$T/ncjson.out"
	i=$((i + 1))
done
# And warm ones while a cold one writes.
lint parw0 --format json
rm -rf .git/postmortem
$PM lint --today "$TODAY" --format json >"$T/parc" 2>/dev/null &
$PM lint --today "$TODAY" --format json >"$T/parw" 2>/dev/null
wait
check "lint-cache: lint beside a writer = --no-cache" cmp -s "$T/parw" "$T/ncjson.out"
check "lint-cache: the writer = --no-cache" cmp -s "$T/parc" "$T/ncjson.out"
lint after --format json
check "lint-cache: after parallel writers = --no-cache" same nc-json after
check "lint-cache: after parallel writers the cache is good" grep -q '^cache: ok' "$T/after.cache"
check "lint-cache: no temporary file left" sh -c "! ls .git/postmortem | grep -q 'cache\\.'"
done_testing
