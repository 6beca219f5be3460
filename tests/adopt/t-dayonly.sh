#!/bin/sh
# Reports whose timeline gives days, not times of day (security
# advisories: "10/22/2022 - a researcher reported..."), and 'started' /
# 'ended' written as a day (the SPEC extension: "started: 2022-10-22").
# Fixtures in tests/adopt/fixtures/dayonly/, written for this test:
# US-order days in paragraphs under "Timeline (all times PST) A - B",
# dashed MM-DD-YYYY days under a JST heading (the zone never moves a
# day), a one-day timeline, a last row that cannot be read, days out of
# order, a "Start: Wednesday, 2018-08-22" line, and a Date: line with
# timed rows (the rows win).
#
#  1. adopt writes the earliest and latest day, or says why not
#     (golden files dayonly.diff and dayonly.err; REGEN=1 rewrites);
#  2. lint of the adopted reports: no false frontmatter/times,
#     timeline/window or distribution/48h finding (dayonly.lint-after);
#  3. show --format json prints the day; build shows the day, leaves the
#     report out of the duration charts with a note, and the feed keeps
#     RFC 3339 date-times.
. "$(dirname "$0")/../lib.sh"
FIX=$TOP/tests/adopt/fixtures/dayonly
GOLD=$TOP/tests/adopt/golden

golden() {
	[ -n "${REGEN:-}" ] && cp "$2" "$GOLD/$1"
	if test_cmp "$GOLD/$1" "$2"; then ok "dayonly: golden $1"
	else not_ok "dayonly: golden $1"; fi
}

d=$(tmpdir)
r=$d/repo
git init -q "$r"
cp -R "$FIX/." "$r/"
# Each report committed soon after it ended: within 48 hours of the end
# of its last day, but more than 48 hours after that day's midnight.
(
	cd "$r" || exit 2
	git add date-line-and-times.md start-line-day.md
	commit_at 2019-03-05T10:00:00Z "older reports"
	git add advisories/2023-01-30-typo-in-release-day.md \
	    advisories/2023-02-20-oversized-handshake.md
	commit_at 2023-02-17T10:00:00Z "advisories of 2023"
	git add advisories/2024-03-08-stale-index.md \
	    advisories/days-out-of-order.md
	commit_at 2024-03-08T20:00:00Z "advisories of 2024"
	git add -A
	commit_at 2025-06-12T09:00:00Z "advisories of 2025"
) >/dev/null

(cd "$r" && $PM adopt) >"$d/diff" 2>"$d/err"
echo "exit $?" >>"$d/err"
golden dayonly.diff "$d/diff"
golden dayonly.err "$d/err"

# adopted FILE FIELD VALUE: the diff adds "FIELD: VALUE" to FILE.
adds() {
	awk -v f="b/$1" '/^\+\+\+ / { on = ($2 == f) } on' "$d/diff" |
	    grep -qx "+$2: $3"
}
hasnt_field() {
	! awk -v f="b/$1" '/^\+\+\+ / { on = ($2 == f) } on' "$d/diff" |
	    grep -q "^+$2:"
}
A=advisories
check "dayonly: US days in paragraphs give the first day" \
    adds $A/2023-02-20-oversized-handshake.md started 2022-10-22
check "dayonly: ... and the last day" \
    adds $A/2023-02-20-oversized-handshake.md ended 2023-02-15
check "dayonly: dashed MM-DD-YYYY days, not moved by JST" \
    adds $A/2024-03-08-stale-index.md started 2024-02-26
check "dayonly: ... ended the last dashed day" \
    adds $A/2024-03-08-stale-index.md ended 2024-03-06
check "dayonly: one day gives started only" \
    adds $A/2025-06-12-unsafe-path.md started 2025-06-10
check "dayonly: ... and says why ended is absent" \
    grep -q 'unsafe-path.md: .*ended (the timeline gives a single day)' \
    "$d/err"
check "dayonly: no end before a row that cannot be read" \
    hasnt_field $A/2023-01-30-typo-in-release-day.md ended
check "dayonly: days out of order give neither" sh -c \
    "grep -q 'days-out-of-order.md: .*started (a day in the timeline is before the day above it' '$d/err'"
check "dayonly: a Start: line with a day alone gives the day" \
    adds start-line-day.md started 2018-08-22
check "dayonly: timed rows win over a Date: line's day" \
    adds date-line-and-times.md started 2019-03-04T09:40:00Z
check "dayonly: never midnight for a day" \
    sh -c "! grep -q '^+[a-z]*: [0-9-]*T00:00:00Z' '$d/diff'"

# adopt exits 1: some fields are left out.
(cd "$r" && { $PM adopt --write >/dev/null 2>&1; git add -A; } &&
    commit_at 2025-06-12T09:00:00Z "adopt") >/dev/null
(cd "$r" && $PM lint --today 2025-07-01 --format text; echo "exit $?") \
    >"$d/lint" 2>&1
golden dayonly.lint-after "$d/lint"
for rule in frontmatter/times timeline/window timeline/detection \
    distribution/48h distribution/stale; do
	check "dayonly: no $rule finding on days" \
	    sh -c "! grep -q '$rule' '$d/lint'"
done

h=$A/2023-02-20-oversized-handshake.md
(cd "$r" && $PM show --format json "$h") >"$d/show.json"
check "dayonly: show --format json gives the day" sh -c \
    "grep -A4 '\"started\": {' '$d/show.json' | grep -q '\"day\": \"2022-10-22\"'"
(cd "$r" && $PM show --format text "$h") >"$d/show.txt"
check "dayonly: show --format text says day only" \
    grep -q '^started .*(2022-10-22, day only)' "$d/show.txt"

(cd "$r" && $PM build --out "$d/site" --base-url https://pm.example.org/) \
    >/dev/null 2>&1
check "dayonly: build succeeds" test -f "$d/site/trends.html"
page=$d/site/r/2023-02-20-oversized-handshake.html
check "dayonly: the report's page shows the day" \
    grep -q '^<dd>2022-10-22</dd>$' "$page"
check "dayonly: ... and no made-up time of day" \
    sh -c "! grep -q '2022-10-22T00:00' '$page'"
check "dayonly: ... and no time to resolve between days" \
    sh -c "! grep -q 'time to resolve' '$page'"
check "dayonly: the timed report keeps its time to resolve" \
    grep -q 'time to resolve' "$d/site/r/date-line-and-times.html"
# Two reports have days at both ends (the others have no 'ended').
check "dayonly: time to resolve leaves 2 day reports out, with a note" \
    grep -q '<p class="chart-note">2 reports are left out: they give days only' \
    "$d/site/trends.html"
check "dayonly: the timed report is in the chart" \
    grep -q 'id="ttr"' "$d/site/trends.html"
check "dayonly: the feed keeps RFC 3339 (a day at 00:00:00Z)" \
    grep -q '<published>2022-10-22T00:00:00Z</published>' \
    "$d/site/atom.xml"
done_testing
