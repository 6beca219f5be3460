#!/bin/sh
# A repository with no commit yet (git init, postmortem new, lint): an
# unborn branch has no history, so lint works with the history checks
# skipped and a note, in every mode, instead of failing to read a
# commit.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/lint/data/history-fixture.sh"

repo=$(tmpdir)
cd "$repo" || exit 1
git init -q .
$PM new "Disk full on the ledger" >path 2>err
check "new works before the first commit" [ -s "$(cat path)" ]
$PM lint >out 2>err
st=$?
check "lint of a new draft: exit 0 (drafts do not fail)" [ "$st" -eq 0 ]
check "  ... and no history error" sh -c '! grep -q "history" err'

# A finished report without 'distributed': the 48-hour check needs the
# history, so it is skipped, and lint says so.
mkdir -p reports
write_report reports/ledger-disk.md 2024-03-04-ledger-disk "Ledger disk full"
sed '/^distributed:/d' reports/ledger-disk.md >t && mv t reports/ledger-disk.md
for mode in "" "--staged" "reports/ledger-disk.md"; do
	[ "$mode" = --staged ] && git add reports
	$PM lint --today 2024-09-01 $mode >out 2>err
	st=$?
	check "lint $mode: exit 1 for the report's own errors" [ "$st" -eq 1 ]
	check "lint $mode: a note that the history checks were skipped" \
	    grep -q "note: no commits yet, so no history: distribution/48h skipped for 1 report" err
	check "lint $mode: no distribution finding" \
	    sh -c '! grep -q "distribution/" out'
done
$PM lint --since HEAD >out 2>err
check "--since HEAD before the first commit: exit 2" [ "$?" -eq 2 ]
check "  ... naming the revision" grep -q "'HEAD'" err

done_testing
