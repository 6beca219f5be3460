#!/bin/sh
# The general timeline reader on one report per block shape of issue 11
# (tests/adopt/fixtures/timelines/, written for this test): entries as
# headings, paragraphs, lines of a paragraph, bullets with bold, bracket
# or ":::::" times, the time before the date, labelled lists outside a
# Timeline section, a Day | Date | Time table, setext headings, zones
# from sentences, headings, abbreviations and regions, the day from the
# title or the file name; and the refusals (day order the file does not
# decide, an unknown or ambiguous zone, a time that goes back).
#
# Golden files in tests/adopt/golden/timelines/ (REGEN=1 rewrites them):
#   NAME.json   `show NAME --format json` (the model: rows, inferred meta)
#   NAME.adopt  `adopt NAME` (the front matter it would write, and why
#               a field is left out), then its exit status
# Each report is copied alone into a folder outside any Git repository.
. "$(dirname "$0")/../lib.sh"
FIX=$TOP/tests/adopt/fixtures/timelines
GOLD=$TOP/tests/adopt/golden/timelines
[ -n "${REGEN:-}" ] && mkdir -p "$GOLD"

n=0
outs=$(tmpdir)
for f in "$FIX"/*.md; do
	name=$(basename "$f" .md)
	d=$(tmpdir)
	cp "$f" "$d/"
	(cd "$d" && $PM show "$name.md" --format json 2>&1;
	    echo "exit $?") >"$d/out.json"
	(cd "$d" && $PM adopt "$name.md" 2>&1; echo "exit $?") |
	    sed "s|$d|DIR|g" >"$d/out.adopt"
	cp "$d/out.adopt" "$outs/$name.adopt"
	for k in json adopt; do
		[ -n "${REGEN:-}" ] && cp "$d/out.$k" "$GOLD/$name.$k"
		if test_cmp "$GOLD/$name.$k" "$d/out.$k"; then
			ok "timelines: $name ($k)"
		else
			not_ok "timelines: $name ($k)"
		fi
	done
	n=$((n + 1))
done
check "timelines: fixtures found" test "$n" -ge 20

# zones: in the configuration settles what IST means; timezone: may be a
# region; a bad value is a configuration error naming the file.
d=$(tmpdir)
cp "$FIX/ambiguous-zone.md" "$d/"
printf 'zones:\n  IST: "+05:30"\n' >"$d/.postmortem.yaml"
(cd "$d" && $PM show ambiguous-zone.md --format json) >"$d/ist.json" 2>&1
check "timelines: zones: IST +05:30 reads the rows" \
    grep -q '"utc": "2021-09-09T04:30:00Z"' "$d/ist.json"
d=$(tmpdir)
cp "$FIX/lines-of-a-paragraph.md" "$d/"
printf 'timezone: Europe/Zurich\n' >"$d/.postmortem.yaml"
(cd "$d" && $PM show lines-of-a-paragraph.md --format json) >"$d/z.json" 2>&1
if [ -f /usr/share/zoneinfo/Europe/Zurich ] || [ -n "${TZDIR:-}" ]; then
	check "timelines: timezone: a region (CET in March)" \
	    grep -q '"utc": "2020-03-04T07:10:00Z"' "$d/z.json"
else
	ok "timelines: timezone: a region # skip: no tz database"
fi
printf 'zones:\n  IST: Nowhere/Atlantis\n' >"$d/.postmortem.yaml"
(cd "$d" && $PM lint 2>&1; echo "exit $?") >"$d/bad.txt"
check "timelines: an unknown zone in zones: is a configuration error" \
    grep -q "postmortem.yaml.*unknown zone 'Nowhere/Atlantis'" "$d/bad.txt"
printf 'timezone: IST\n' >"$d/.postmortem.yaml"
(cd "$d" && $PM lint 2>&1; echo "exit $?") >"$d/bad2.txt"
check "timelines: an ambiguous timezone: is a configuration error" \
    grep -q "unknown timezone 'IST'" "$d/bad2.txt"
# The values themselves, beyond the goldens: a "First detected" key
# event is the start (with a note) even when the timeline opens later;
# a range in the summary gives started and ended, but only with a day,
# a zone and a sentence about the impact; times out of order are
# dropped, not guessed between.
G=$outs
check "timelines: First detected before the timeline is the start" \
    grep -q '^+started: 2023-05-02T09:40:00Z  # when first detected' \
    "$G/key-events-before-timeline.adopt"
check "timelines: a summary range gives started" \
    grep -q '^+started: 2024-04-03T13:15:00Z  # and ended: the summary' \
    "$G/2024-04-03-export-down.adopt"
check "timelines: ... and ended" \
    grep -q '^+ended: 2024-04-03T15:20:00Z' "$G/2024-04-03-export-down.adopt"
check "timelines: a range over two days, 12-hour clock, year from the name" \
    sh -c "grep -q '^+started: 2024-04-09T22:02:00Z' '$G/2024-04-12-queue-lag.adopt' &&
    grep -q '^+ended: 2024-04-11T07:30:00Z' '$G/2024-04-12-queue-lag.adopt'"
for f in range-without-zone schedule-change-range key-events-year-typo; do
	check "timelines: $f: no started, no ended" \
	    sh -c "! grep -q -e '^+started' -e '^+ended' '$G/$f.adopt'"
done
check "timelines: times out of order say why" \
    grep -q "started (the report's times are out of order" \
    "$G/key-events-year-typo.adopt"
check "timelines: prose entries 'At 14:02, ...' and 'By 14:45, ...'" \
    sh -c "grep -q '^+started: 2024-05-02T14:02:00Z' '$G/prose-at-by.adopt' &&
    grep -q '^+ended: 2024-05-02T14:45:00Z' '$G/prose-at-by.adopt'"
check "timelines: 'All times are in Pacific Time.' is US/Pacific (PDT in May)" \
    grep -q '^+started: 2024-05-02T14:02:00Z' "$G/zone-in-words.adopt"
check "timelines: 'local time' is a zone not known, never UTC" \
    sh -c "! grep -q '^+started' '$G/local-time.adopt' &&
    grep -q 'time zone is not known' '$G/local-time.adopt'"
check "timelines: an 'Impact window:' line gives started and ended" \
    sh -c "grep -q '^+started: 2024-01-10T08:00:00Z' '$G/impact-window-line.adopt' &&
    grep -q '^+ended: 2024-01-10T09:30:00Z' '$G/impact-window-line.adopt'"
check "timelines: 'All times are in UTC on 2024-01-10.' gives the day" \
    grep -q '^+started: 2024-01-10T08:00:00Z' "$G/zone-sentence-day.adopt"
check "timelines: a day in brackets after the title is the day" \
    grep -q '^+started: 2024-06-10T08:00:00Z' "$G/title-day-in-brackets.adopt"
# ... and zones: says what it means.
d=$(tmpdir)
cp "$FIX/local-time.md" "$d/"
printf 'zones:\n  "local time": "+02:00"\n' >"$d/.postmortem.yaml"
(cd "$d" && $PM adopt local-time.md) >"$d/local.adopt" 2>&1
check "timelines: zones: maps 'local time'" \
    grep -q '^+started: 2024-05-02T05:02:00Z' "$d/local.adopt"
done_testing
