#!/bin/sh
# lint --since REV: only the findings a change adds to the tree of REV.
# A repository made here has three reports with old findings; each case
# edits a copy of it (moves lines, changes a flagged sentence, adds
# one, renames or deletes a report, duplicates an id) and checks that
# exactly the new findings are reported and the exit status follows
# them alone.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/lint/data/history-fixture.sh"

base=$(tmpdir)/base
make_history "$base"
TODAY="--today 2024-09-01"

# fresh NAME: a copy of the repository to edit, as the current dir.
fresh() {
	rm -rf "$base.$1"
	cp -R "$base" "$base.$1"
	cd "$base.$1" || exit 1
}

# since_is NAME EXPECTED-STATUS [lint args]: lint --since HEAD prints
# exactly ./expect (findings without line:col) and exits so.
since_is() {
	name=$1 want=$2
	shift 2
	$PM lint $TODAY --since HEAD "$@" >out 2>err
	st=$?
	new_of <out >actual
	if test_cmp expect actual && [ "$st" -eq "$want" ]; then
		ok "$name"
	else
		not_ok "$name (exit $st, want $want)"
		cat err >&2
	fi
}

fresh plain
$PM lint $TODAY >out 2>&1
check "the repository has old findings" [ "$(grep -c 'error:' out)" -eq 6 ]
: >expect
since_is "unchanged tree: nothing new, exit 0" 0
check "says how many it hid" grep -q "6 findings already at 'HEAD'" err

fresh moved
# A paragraph above every finding moves their lines.
awk '{ print } /^## Summary/ { print ""; print "Written a month late,"; \
    print "from the chat log."; }' reports/ledger-disk.md >t &&
    mv t reports/ledger-disk.md
: >expect
since_is "lines moved by a new paragraph: nothing new" 0
$PM lint $TODAY >all 2>/dev/null
check "the moved findings are still there without --since" \
    grep -q '^reports/ledger-disk.md:58:16: error' all

fresh blame
sed 's/^- Space alerts need room to act\.$/- Space alerts need room to act.\
- Then the new hire fumbled the restart as well./' reports/queue-disk.md >t &&
    mv t reports/queue-disk.md
cat >expect <<'EOF'
reports/queue-disk.md: error: 'fumbled': say what made the step hard, not who fumbled it [language/blameless en/fumbled]
EOF
since_is "one blaming sentence added: that one finding, exit 1" 1
check "the new finding is at its line" \
    grep -q '^reports/queue-disk.md:57:21: error' out

fresh changed
sed 's/^- The operator fumbled the cleanup command under pressure\.$/- The operator fumbled the cleanup command twice./' \
    reports/cache-disk.md >t && mv t reports/cache-disk.md
cat >expect <<'EOF'
reports/cache-disk.md: error: 'fumbled': say what made the step hard, not who fumbled it [language/blameless en/fumbled]
EOF
since_is "a flagged sentence reworded: it counts as new" 1

fresh fixed
sed 's/^- The operator fumbled the cleanup command under pressure\.$/- The cleanup command has no dry run./' \
    reports/cache-disk.md >t && mv t reports/cache-disk.md
: >expect
since_is "a finding fixed: nothing new, exit 0" 0

fresh renamed
mkdir reports/2024
git mv reports/ledger-disk.md reports/2024/ledger-disk.md
: >expect
since_is "a report renamed: nothing new" 0
since_is "a report renamed, staged: nothing new" 0 --staged

fresh renamed-no-id
# A report whose id comes from its file name: moved unchanged, it is
# recognised by its bytes.
sed '/^id: /d' reports/cache-disk.md >t && mv t reports/cache-disk.md
git add -A
commit_at 2024-08-02T12:00:00Z "id from the file name"
git mv reports/cache-disk.md reports/cache-disk-2024.md
: >expect
since_is "a report without an id field renamed: nothing new" 0

fresh deleted
git rm -q reports/queue-disk.md
: >expect
since_is "a report deleted: nothing new" 0

fresh dup
# The whole-repository rules see every report: a new report that takes
# an old one's id makes ids/unique fire on the old report too.
sed 's/^title: .*/title: Ledger disk full again/' reports/ledger-disk.md \
    >reports/ledger-again.md
$PM lint $TODAY --since HEAD >out 2>err
st=$?
cat >expect <<'EOF'
reports/ledger-again.md: error: 'fumbled'
reports/ledger-again.md: error: action item A2 has no owner, deadline or priority
reports/ledger-again.md: error: id '2024-03-04-ledger-disk' is also used by reports/ledger-disk.md
reports/ledger-disk.md: error: id '2024-03-04-ledger-disk' is also used by reports/ledger-again.md
EOF
new_of <out | sed 's/; .*//; s/: say what.*//' | sort >actual
check "a new report with an old id: its findings and ids/unique on both" \
    test_cmp expect actual
check "  ... exit 1" [ "$st" -eq 1 ]
$PM lint $TODAY --since HEAD reports/ledger-again.md >out 2>err
check "named files: only theirs, ids/unique still sees the rest" \
    [ "$(new_of <out | grep -c .)" -eq 3 ]

fresh rev
sed 's/^- Space alerts need room to act\.$/- The on-call fumbled it./' \
    reports/queue-disk.md >t && mv t reports/queue-disk.md
git add -A
commit_at 2024-08-02T12:00:00Z "a report edited"
cat >expect <<'EOF'
reports/queue-disk.md: error: 'fumbled': say what made the step hard, not who fumbled it [language/blameless en/fumbled]
EOF
$PM lint $TODAY --rev HEAD --since HEAD~1 >out 2>err
st=$?
new_of <out >actual
check "--rev HEAD --since HEAD~1: the commit's new finding" \
    test_cmp expect actual
check "  ... exit 1" [ "$st" -eq 1 ]
$PM lint $TODAY --since HEAD~1 --format sarif >out.sarif 2>err
check "--since with --format sarif: one result" \
    [ "$(grep -c '"ruleId"' out.sarif)" -eq 1 ]

$PM lint $TODAY --since no-such-rev >out 2>err
st=$?
check "an unknown revision: exit 2" [ "$st" -eq 2 ]
check "  ... and says which" grep -q "no-such-rev" err

done_testing
