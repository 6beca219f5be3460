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
for f in "$FIX"/*.md; do
	name=$(basename "$f" .md)
	d=$(tmpdir)
	cp "$f" "$d/"
	(cd "$d" && $PM show "$name.md" --format json 2>&1;
	    echo "exit $?") >"$d/out.json"
	(cd "$d" && $PM adopt "$name.md" 2>&1; echo "exit $?") |
	    sed "s|$d|DIR|g" >"$d/out.adopt"
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
done_testing
