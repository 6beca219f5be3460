#!/bin/sh
# Accuracy on legacy reports (bench/gen-corpus.py --style legacy: no
# front matter, in the shapes real teams write: tables, lists, bullets
# with bold or bracketed times, 12-hour clocks, zone sentences, setext
# headings, metadata as bold lines, checklists...), selected by
# 'include'.  tests/accuracy.py compares with the generator's manifest:
#
#  1. lint: every planted violation is found at its line, and nothing
#     else is an error except frontmatter/required;
#  2. adopt --write infers title, severity, started and ended equal to
#     the manifest's (and never a wrong value);
#  3. lint again: the same violations, at the lines moved down by the
#     front matter, and no other error at all.
#
# Shapes the reader does not handle yet (GAPS in the generator) are
# counted apart ("# expected gap" lines), not failed.
. "$(dirname "$0")/../lib.sh"
need_gen_corpus "adopt accuracy"

d=$(tmpdir)
c=$d/corpus
A="python3 $TOP/tests/accuracy.py"
python3 "$GEN" --style legacy --git --violations 0.2 --count 400 \
    --seed 7 --out "$c" >/dev/null || { not_ok "adopt accuracy generates"
	done_testing; exit; }
printf 'include: ["postmortems/**/*.md"]\n' >"$c/.postmortem.yaml"

# report STATUS NAME FILE: ok/not ok with the last line of FILE, its
# other lines as diagnostics.
report() {
	if [ "$1" -eq 0 ]; then ok "$2: $(tail -1 "$3")"
	else not_ok "$2: $(tail -1 "$3")"; fi
	sed '$d; s/^#* */#   /' "$3" | head -60
}

# line_counts CORPUS OUT: each report's line count, before adopt.
line_counts() {
	(cd "$1" && git ls-files postmortems | while read -r f; do
		printf '%s %s\n' "$f" "$(wc -l <"$f")"; done) >"$2"
}
# shifts CORPUS COUNTS OUT: how many lines adopt added to each report
# (JSON, for accuracy.py --shift).
shifts() {
	(cd "$1" && while read -r f n; do
		printf '%s %s\n' "$f" "$(($(wc -l <"$f") - n))"; done \
	    <"$2") | python3 -c '
import json, sys
print(json.dumps({p: int(n) for p, n in (l.split() for l in sys.stdin)}))
' >"$3"
}

(cd "$c" && $PM lint --format json --today 2026-11-01) >"$d/before.json" \
    2>"$d/before.err"
check "adopt accuracy: lint of legacy reports exits 1" test $? -eq 1
$A lint "$c" "$d/before.json" --allow frontmatter/required >"$d/r1"
report $? "adopt accuracy: lint before adopt" "$d/r1"

line_counts "$c" "$d/lines.before"
(cd "$c" && $PM adopt --write >/dev/null 2>"$d/adopt.err")
check "adopt accuracy: adopt --write exits 0 or 1" test $? -le 1
$A adopted "$c" >"$d/r2"
report $? "adopt accuracy: inferred fields" "$d/r2"

shifts "$c" "$d/lines.before" "$d/shift.json"
(cd "$c" && $PM lint --format json --today 2026-11-01) >"$d/after.json" \
    2>"$d/after.err"
check "adopt accuracy: lint of adopted reports exits 1" test $? -eq 1
$A lint "$c" "$d/after.json" --shift "$d/shift.json" >"$d/r3"
report $? "adopt accuracy: lint after adopt" "$d/r3"

# Shapes the default draw never makes (--shape): adopt infers the
# manifest's values, and lint finds the planted violations with no other
# error, before and after adopt.
# forced NAME SEED CONFIG SHAPE...: 40 reports in SHAPEs, CONFIG added
# to .postmortem.yaml.
forced() {
	n=$1 seed=$2 conf=$3
	shift 3
	c=$d/$n
	set -- $(for x in "$@"; do printf -- '--shape %s ' "$x"; done)
	python3 "$GEN" --style legacy --git --violations 0.3 --count 40 \
	    --seed "$seed" "$@" --out "$c" >/dev/null ||
	    { not_ok "adopt accuracy ($n) generates"; return; }
	printf 'include: ["postmortems/**/*.md"]\n%b' "$conf" \
	    >"$c/.postmortem.yaml"
	(cd "$c" && $PM lint --format json --today 2026-11-01) \
	    >"$d/$n.before.json" 2>/dev/null
	$A lint "$c" "$d/$n.before.json" --allow frontmatter/required \
	    >"$d/$n.1"
	report $? "adopt accuracy ($n): lint before adopt" "$d/$n.1"
	line_counts "$c" "$d/$n.lines"
	(cd "$c" && $PM adopt --write >/dev/null 2>&1)
	$A adopted "$c" >"$d/$n.2"
	report $? "adopt accuracy ($n): inferred fields" "$d/$n.2"
	shifts "$c" "$d/$n.lines" "$d/$n.shift.json"
	(cd "$c" && $PM lint --format json --today 2026-11-01) \
	    >"$d/$n.after.json" 2>/dev/null
	$A lint "$c" "$d/$n.after.json" --shift "$d/$n.shift.json" >"$d/$n.3"
	report $? "adopt accuracy ($n): lint after adopt" "$d/$n.3"
}

# Timelines of days and no time of day: adopt writes the days.
forced days 5 'date_order: mdy\n' timeline=us-day-paragraph
check "adopt accuracy (days): started written as a day" \
    test "$(cat "$d"/days/postmortems/*/*.md | grep -c '^started: [0-9-]*$')" \
    -eq 40
# Prose timelines ("At 14:02 on 2024-03-01, ...") under "All times are
# in Pacific Time." (a region with daylight time, switch days included).
forced prose 9 '' timeline=prose-at zone=words-sentence
done_testing
