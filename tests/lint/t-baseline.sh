#!/bin/sh
# lint --write-baseline FILE / --baseline FILE / 'baseline:' in the
# configuration: the findings a repository already has are written
# once, then hidden; only what a change adds is reported.  The file is
# sorted and stable (byte-identical across runs and line shifts), and
# entries that match nothing any more are named so it can shrink.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/lint/data/history-fixture.sh"

base=$(tmpdir)/base
make_history "$base"
TODAY="--today 2024-09-01"
cd "$base" || exit 1
$PM lint $TODAY --write-baseline .postmortem-baseline.json >out 2>err
st=$?
check "--write-baseline exits 0 and prints no findings" \
    all "[ $st -eq 0 ]" "[ ! -s out ]"
check "  ... and says how many it wrote" grep -q "wrote 6 findings" err
$PM lint $TODAY --write-baseline again.json 2>/dev/null
check "the baseline is byte-identical across runs" \
    cmp .postmortem-baseline.json again.json
check "one entry per finding (the merged action item is one)" \
    [ "$(grep -c '"fingerprint"' again.json)" -eq 6 ]
sed -n 's/.*"path": "\([^"]*\)", .*"rule": "\([^"]*\)".*/\1 \2/p' \
    again.json >listed
sort listed >sorted
check "entries are sorted by path and rule" cmp listed sorted
check "no line numbers in it" sh -c '! grep -q "\"line\"" again.json'
git add .postmortem-baseline.json
commit_at 2024-08-01T13:00:00Z "baseline"

fresh() {
	rm -rf "$base.$1"
	cp -R "$base" "$base.$1"
	cd "$base.$1" || exit 1
}

# baseline_is NAME EXPECTED-STATUS [lint args]
baseline_is() {
	name=$1 want=$2
	shift 2
	$PM lint $TODAY --baseline .postmortem-baseline.json "$@" \
	    >out 2>err
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
: >expect
baseline_is "unchanged tree: nothing, exit 0" 0
check "says how many it hid" grep -q "hid 6 findings" err
check "no stale entries" sh -c '! grep -q "match nothing" err'

fresh moved
awk '{ print } /^## Summary/ { print ""; print "Written a month late,"; \
    print "from the chat log."; }' reports/ledger-disk.md >t &&
    mv t reports/ledger-disk.md
: >expect
baseline_is "lines moved by a new paragraph: nothing new" 0
$PM lint $TODAY --write-baseline moved.json 2>/dev/null
check "the baseline after moving lines is byte-identical" \
    cmp .postmortem-baseline.json moved.json

fresh blame
sed 's/^- Space alerts need room to act\.$/- Space alerts need room to act.\
- Then the new hire fumbled the restart as well./' reports/queue-disk.md >t &&
    mv t reports/queue-disk.md
cat >expect <<'EOF'
reports/queue-disk.md: error: 'fumbled': say what made the step hard, not who fumbled it [language/blameless en/fumbled]
EOF
baseline_is "one blaming sentence added: that one finding, exit 1" 1

fresh changed
sed 's/^- The operator fumbled the cleanup command under pressure\.$/- The operator fumbled the cleanup command twice./' \
    reports/cache-disk.md >t && mv t reports/cache-disk.md
cat >expect <<'EOF'
reports/cache-disk.md: error: 'fumbled': say what made the step hard, not who fumbled it [language/blameless en/fumbled]
EOF
baseline_is "a flagged sentence reworded: it counts as new" 1
check "  ... and its old entry is named as matching nothing" \
    grep -q "^  reports/cache-disk.md: language/blameless: - The operator fumbled the cleanup command under pressure\.$" err

fresh renamed
mkdir reports/2024
git mv reports/ledger-disk.md reports/2024/ledger-disk.md
: >expect
baseline_is "a report renamed (same id): nothing new" 0
check "  ... and no stale entries" sh -c '! grep -q "match nothing" err'

fresh deleted
git rm -q reports/queue-disk.md
: >expect
baseline_is "a report deleted: nothing new" 0
check "  ... its 2 entries are stale" \
    grep -q "2 baseline entries match nothing" err

fresh copied
# Same text in a new file is not in the baseline: the path (or, for a
# moved report, the id) must match too.
sed 's/^id: .*/id: 2024-09-01-other-disk/' reports/ledger-disk.md \
    >reports/other-disk.md
$PM lint $TODAY --baseline .postmortem-baseline.json >out 2>err
check "a new report with the same text: its findings are new" \
    [ "$(new_of <out | grep -c '^reports/other-disk.md')" -eq 2 ]

fresh partoff
# Switching deadline off changes the merged message, not its entry.
printf 'rules:\n  actions/deadline: off\n' >>.postmortem.yaml
: >expect
baseline_is "a part of the merged finding switched off: still hidden" 0

fresh config
printf 'baseline: .postmortem-baseline.json\n' >>.postmortem.yaml
sed 's/^- Space alerts need room to act\.$/- Someone fumbled it./' \
    reports/queue-disk.md >t && mv t reports/queue-disk.md
$PM lint $TODAY >out 2>err
st=$?
check "'baseline:' in .postmortem.yaml: only the new finding" \
    all "[ $(new_of <out | grep -c .) -eq 1 ]" "[ $st -eq 1 ]"
(cd reports && $PM lint $TODAY >../out2 2>/dev/null)
check "  ... also from a subdirectory" \
    [ "$(new_of <out2 | grep -c .)" -eq 1 ]
$PM lint $TODAY --no-baseline >out 2>err
check "--no-baseline shows everything" \
    [ "$(new_of <out | grep -c .)" -eq 7 ]
$PM lint $TODAY --format gitlab >out.json 2>err
check "--format gitlab with a baseline: one issue" \
    [ "$(grep -c '"fingerprint"' out.json)" -eq 1 ]

fresh broken
printf '{"version": 1, "findings": [{"path": "x"}]}\n' >bad.json
$PM lint $TODAY --baseline bad.json >out 2>err
st=$?
check "a malformed baseline: exit 2" [ "$st" -eq 2 ]
check "  ... naming the file and line" grep -q "bad.json:1: " err
$PM lint $TODAY --baseline missing.json >out 2>err
check "a missing baseline: exit 2" [ "$?" -eq 2 ]
printf 'not: [json\n' >bad2.json
$PM lint $TODAY --baseline bad2.json >out 2>err
check "a baseline that does not parse: exit 2" [ "$?" -eq 2 ]
$PM lint $TODAY --baseline x.json --write-baseline y.json >out 2>err
check "--baseline with --write-baseline: usage error" [ "$?" -eq 2 ]

# init on a repository whose reports have findings says how to start.
ini=$(tmpdir)/init
make_history "$ini"
cd "$ini" || exit 1
rm .postmortem.yaml
$PM init >out 2>err
check "init: exit 0" [ "$?" -eq 0 ]
check "init: says the reports have findings already" \
    grep -q "the 3 reports have [0-9]* error findings already" err
check "init: proposes a baseline" \
    grep -q "postmortem lint --write-baseline .postmortem-baseline.json" err
check "init: proposes --since, with the CI step" \
    grep -q "postmortem lint --format github --since" err
clean=$(tmpdir)/clean
mkdir -p "$clean" && cd "$clean" && git init -q .
cp "$TOP/tests/lint/data/good.md" .
$PM init >out 2>err
check "init: nothing to propose when the reports are clean" \
    sh -c '! grep -q "write-baseline" err'

# The issue's "done when": hundreds of old findings, a change adds one.
big=$(tmpdir)/big
make_history "$big"
cd "$big" || exit 1
i=0
while [ $i -lt 120 ]; do
	write_report "reports/r$i.md" "2024-01-01-r$i" "Report $i"
	i=$((i + 1))
done
git add -A
commit_at 2024-08-03T12:00:00Z "many reports"
$PM lint $TODAY >out 2>/dev/null
check "a repository with hundreds of old findings" \
    [ "$(new_of <out | grep -c .)" -eq 246 ]
$PM lint $TODAY --write-baseline b.json 2>/dev/null
sed 's/^- Space alerts need room to act\.$/- The new hire fumbled it./' \
    reports/r7.md >t && mv t reports/r7.md
$PM lint $TODAY --baseline b.json >out 2>/dev/null
st=$?
check "one blaming sentence: --baseline reports it alone, exit 1" \
    all "[ $(new_of <out | grep -c .) -eq 1 ]" "[ $st -eq 1 ]" \
    "grep -q '^reports/r7.md:' out"
$PM lint $TODAY --since HEAD >out 2>/dev/null
st=$?
check "  ... and so does --since HEAD" \
    all "[ $(new_of <out | grep -c .) -eq 1 ]" "[ $st -eq 1 ]"
git checkout -q reports/r7.md
$PM lint $TODAY --since HEAD >out 2>/dev/null
st=$?
check "an unchanged tree: nothing, exit 0" all "[ ! -s out ]" "[ $st -eq 0 ]"

done_testing
